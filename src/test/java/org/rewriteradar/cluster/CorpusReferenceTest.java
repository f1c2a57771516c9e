package org.rewriteradar.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.rewriteradar.model.RewriteAlert;
import org.rewriteradar.similarity.RewriteKind;

/**
 * The fixture corpus is only useful if the engine really alerts on its rewrites and stays silent on its
 * unrelated articles: this checks both, through the topology in one task (the reference the cluster
 * tests compare against).
 */
class CorpusReferenceTest {

    @Test
    void corpusIsDeterministicAndShaped() {
        Corpus a = Corpus.standard();
        Corpus b = Corpus.standard();
        assertThat(a).isEqualTo(b);
        assertThat(a.events()).hasSizeBetween(80, 140);
        Map<Corpus.Variant, Long> variants =
                a.events().stream().collect(Collectors.groupingBy(Corpus.Event::variant, Collectors.counting()));
        assertThat(variants.keySet()).containsAll(Set.of(Corpus.Variant.values()));
        for (Corpus.Event e : a.events()) {
            if (e.variant() == Corpus.Variant.BASE) {
                int words = e.article().body().split("\\s+").length;
                assertThat(words).as("words in %s", e.article().id()).isBetween(150, 420);
            }
        }
    }

    @Test
    void engineFlagsEveryPlannedRewriteAndNothingAcrossFamilies() {
        Corpus corpus = Corpus.standard();
        List<RewriteAlert> alerts = Reference.standard();

        alerts.forEach(al -> System.out.printf(
                "%-14s %.2f %s@%d <- %s@%d%n",
                al.kind(),
                al.score(),
                al.article().id(),
                al.article().version(),
                al.original().id(),
                al.original().version()));

        // stable ids, each finding once
        assertThat(alerts).extracting(RewriteAlert::alertId).doesNotHaveDuplicates();
        // never across families: unrelated articles are not flagged
        for (RewriteAlert al : alerts) {
            assertThat(corpus.familyOf(al.article().id()))
                    .as("family of %s vs %s", al.article().id(), al.original().id())
                    .isEqualTo(corpus.familyOf(al.original().id()));
        }
        // every planned rewrite is found, with a fitting kind
        Set<String> found = new HashSet<>();
        for (Corpus.Planned p : corpus.planned()) {
            RewriteAlert al = alerts.stream()
                    .filter(x -> x.article().id().equals(p.articleId())
                            && x.original().id().equals(p.originalId()))
                    .findFirst()
                    .orElse(null);
            assertThat(al).as("alert for %s", p).isNotNull();
            found.add(al.alertId());
            assertThat(al.kind()).as("kind for %s", p).isIn(allowedKinds(p.variant()));
        }
        // identical re-sends add nothing; revisions are version 2 of version 1
        assertThat(alerts.stream().filter(al -> al.kind() == RewriteKind.REVISED))
                .allSatisfy(al -> {
                    assertThat(al.article().version()).isEqualTo(2);
                    assertThat(al.original().version()).isEqualTo(1);
                })
                .hasSize((int) corpus.planned().stream()
                        .filter(p -> p.variant() == Corpus.Variant.REVISION)
                        .count());
        assertThat(alerts.stream().map(RewriteAlert::kind).collect(Collectors.toSet()))
                .contains(RewriteKind.VERBATIM_COPY, RewriteKind.NEAR_DUPLICATE, RewriteKind.REVISED);
    }

    private static Set<RewriteKind> allowedKinds(Corpus.Variant v) {
        return switch (v) {
            case COPY -> Set.of(RewriteKind.VERBATIM_COPY);
            case EDITED -> Set.of(RewriteKind.VERBATIM_COPY, RewriteKind.NEAR_DUPLICATE);
            case TRIMMED -> Set.of(RewriteKind.NEAR_DUPLICATE, RewriteKind.PARAPHRASE);
            case SPUN -> Set.of(RewriteKind.SPUN_REWRITE, RewriteKind.PARAPHRASE, RewriteKind.NEAR_DUPLICATE);
            case REVISION -> Set.of(RewriteKind.REVISED);
            default -> Set.of();
        };
    }
}

package org.rewriteradar.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rewriteradar.SharedData;
import org.rewriteradar.eval.EvalData;
import org.rewriteradar.similarity.DetectionSettings;
import org.rewriteradar.similarity.RewriteEngine;

/**
 * Whatever order the articles reach the topology in, it finds the same labelled rewrites: {@code clough}
 * (five Wikipedia originals, each with about nineteen answers, so an original arriving last has more
 * rewrites than candidate places) replayed in date order, in reverse (every original after all its
 * rewrites, as in a backfill behind newer articles) and shuffled (as partitions consumed at different
 * speeds). Over heap stores ({@link TopologyReplay}), about 3 s.
 */
class ReplayOrderTest {

    private static final RewriteEngine ENGINE = new RewriteEngine(DetectionSettings.defaults());

    @Test
    void anOriginalArrivingAfterItsRewritesFindsWhatDateOrderFinds() {
        EvalData.LabelledSet clough = EvalData.load(SharedData.require("data/clough"), "clough");
        List<EvalData.Article> dateOrder = new ArrayList<>(clough.articles());
        dateOrder.sort(Comparator.comparing(EvalData.Article::publishedAt).thenComparing(EvalData.Article::id));
        List<EvalData.Article> reverse = new ArrayList<>(dateOrder);
        Collections.reverse(reverse);
        List<EvalData.Article> shuffled = new ArrayList<>(dateOrder);
        Collections.shuffle(shuffled, new Random(7));

        Set<String> inDateOrder = rewritesFound(clough, dateOrder);

        assertThat(inDateOrder).hasSizeGreaterThanOrEqualTo(30);
        assertThat(rewritesFound(clough, reverse)).isEqualTo(inDateOrder);
        assertThat(rewritesFound(clough, shuffled)).isEqualTo(inDateOrder);
    }

    /**
     * Articles published at the same instant (METER's newspaper stories of a day all carry 06:00) are alerted
     * alike whichever arrives first: where publication times tie, the smaller id is the original. (Before,
     * the one stored first was, so a flat-out replay and the same articles one by one could name opposite
     * originals.)
     */
    @Test
    void articlesPublishedAtTheSameInstantNameTheSameOriginalInEitherOrder() {
        EvalData.LabelledSet meter = EvalData.load(SharedData.require("data/meter"), "meter");
        Instant instant = Instant.parse("2000-01-27T06:00:00Z");
        List<EvalData.Article> byId = new ArrayList<>(meter.articles().stream()
                .filter(a -> a.publishedAt().equals(instant))
                .sorted(Comparator.comparing(EvalData.Article::id))
                .toList());
        List<EvalData.Article> reverse = new ArrayList<>(byId);
        Collections.reverse(reverse);

        List<String> forwards = alerts(byId);
        List<String> backwards = alerts(reverse);

        assertThat(byId).hasSize(25);
        assertThat(forwards).hasSizeGreaterThanOrEqualTo(5);
        assertThat(backwards).containsExactlyInAnyOrderElementsOf(forwards);
        assertThat(forwards).allSatisfy(a -> {
            String[] ids = a.split(" ");
            assertThat(ids[0]).as(a).isLessThan(ids[2]);
        });
    }

    /** Every alert of a replay as "original -> article kind", sorted. */
    private static List<String> alerts(List<EvalData.Article> order) {
        List<TopologyReplay.Published> published = new ArrayList<>();
        for (EvalData.Article a : order) {
            published.add(
                    new TopologyReplay.Published(a.id(), a.id(), a.title(), a.body(), a.publishedAt(), a.source()));
        }
        return TopologyReplay.replay("replay-ties", ENGINE, published).alerts().stream()
                .map(a -> a.originalArticleId() + " -> " + a.articleId() + " " + a.kind())
                .sorted()
                .toList();
    }

    /** The labelled rewrite pairs (original, rewrite) alerted with the earlier-published as the original. */
    private static Set<String> rewritesFound(EvalData.LabelledSet set, List<EvalData.Article> order) {
        List<TopologyReplay.Published> published = new ArrayList<>();
        for (EvalData.Article a : order) {
            published.add(
                    new TopologyReplay.Published(a.id(), a.id(), a.title(), a.body(), a.publishedAt(), a.source()));
        }
        Set<String> alerted = new HashSet<>();
        for (TopologyReplay.Alerted a :
                TopologyReplay.replay("replay-order", ENGINE, published).alerts()) {
            alerted.add(a.originalArticleId() + " -> " + a.articleId());
        }
        Set<String> found = new HashSet<>();
        for (EvalData.Pair p : set.pairs()) {
            String pair = p.original() + " -> " + p.candidate();
            if (!p.label().equals("SAME_EVENT") && !p.label().equals("UNRELATED") && alerted.contains(pair)) {
                found.add(pair);
            }
        }
        return found;
    }
}

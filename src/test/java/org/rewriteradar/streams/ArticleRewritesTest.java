package org.rewriteradar.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rewriteradar.model.ArticleRef;
import org.rewriteradar.model.RewriteAlert;
import org.rewriteradar.similarity.MatchedPassage;
import org.rewriteradar.similarity.RewriteKind;

/**
 * {@code rewrite-store}'s value: bounded by count per side and by bytes of JSON, oldest alerts dropped
 * first, the newest never; and its JSON, with cut passages, readable both ways.
 */
class ArticleRewritesTest {

    private static final Instant T = Instant.parse("2024-03-05T10:00:00Z");

    /** An alert of {@code copy} rewriting {@code original}, with {@code chars} characters of evidence text. */
    private static RewriteAlert alert(String original, String copy, int chars) {
        MatchedPassage p = new MatchedPassage(0, chars, 0, chars, "o".repeat(chars), "", 1.0, false, false);
        return new RewriteAlert(
                "id-" + original + "-" + copy,
                RewriteKind.VERBATIM_COPY,
                1.0,
                new ArticleRef(copy, 1, null, null, null, T.plusSeconds(60)),
                new ArticleRef(original, 1, null, null, null, T),
                Map.of("c5", 1.0),
                List.of(p),
                T);
    }

    private static int bytes(ArticleRewrites r) {
        return RadarTopology.REWRITES_SERDE.serializer().serialize("t", r).length;
    }

    private static List<String> copies(List<RewriteAlert> alerts) {
        return alerts.stream().map(a -> a.article().id()).toList();
    }

    /** The original {@code o} copied by c0 … c{n-1}, each alert with {@code chars} of evidence, unbounded. */
    private static ArticleRewrites copiedBy(int n, int chars) {
        ArticleRewrites r = ArticleRewrites.EMPTY;
        for (int i = 0; i < n; i++) {
            r = r.with("o", alert("o", "c" + i, chars), 1000, Integer.MAX_VALUE).rewrites();
        }
        return r;
    }

    @Test
    void keepsAtMostMaxPerSideAndCountsTheOlderOnesDropped() {
        ArticleRewrites r = copiedBy(3, 10);

        ArticleRewrites.Added added = r.with("o", alert("o", "c3", 10), 3, Integer.MAX_VALUE);

        assertThat(copies(added.rewrites().asOriginal())).containsExactly("c1", "c2", "c3");
        assertThat(added.droppedOverCount()).isEqualTo(1);
        assertThat(added.droppedOverBytes()).isZero();
    }

    @Test
    void dropsTheOldestAlertsWhileTheRecordWouldBeOverItsBytes() {
        ArticleRewrites r = copiedBy(5, 1_000);
        RewriteAlert next = alert("o", "c5", 1_000);
        List<RewriteAlert> newestFour = List.of(
                r.asOriginal().get(2), r.asOriginal().get(3), r.asOriginal().get(4), next);
        int fourAlerts = bytes(new ArticleRewrites(List.of(), newestFour)) + 500; // not room for a fifth

        ArticleRewrites.Added added = r.with("o", next, 50, fourAlerts);

        assertThat(copies(added.rewrites().asOriginal())).containsExactly("c2", "c3", "c4", "c5");
        assertThat(added.droppedOverBytes()).isEqualTo(2);
        assertThat(added.droppedOverCount()).isZero();
        assertThat(bytes(added.rewrites())).isLessThanOrEqualTo(fourAlerts);
    }

    @Test
    void measuresTheRecordExactlyAsTheStoreWritesIt() {
        ArticleRewrites r = copiedBy(4, 100);
        RewriteAlert next = alert("o", "c4", 333);
        ArticleRewrites all = r.with("o", next, 50, Integer.MAX_VALUE).rewrites();
        int exact = bytes(all);

        assertThat(r.with("o", next, 50, exact).droppedOverBytes()).isZero();
        ArticleRewrites.Added oneByteLess = r.with("o", next, 50, exact - 1);
        assertThat(oneByteLess.droppedOverBytes()).isEqualTo(1);
        assertThat(copies(oneByteLess.rewrites().asOriginal())).containsExactly("c1", "c2", "c3", "c4");
        assertThat(bytes(oneByteLess.rewrites())).isLessThan(exact);
    }

    @Test
    void neverDropsTheNewAlertAndThenTheOtherSideGoes() {
        // article "x" was copied by c0 and c1, and is itself a copy of "o"
        ArticleRewrites r = ArticleRewrites.EMPTY;
        r = r.with("x", alert("x", "c0", 2_000), 50, Integer.MAX_VALUE).rewrites();
        r = r.with("x", alert("x", "c1", 2_000), 50, Integer.MAX_VALUE).rewrites();
        RewriteAlert huge = alert("o", "x", 10_000);

        ArticleRewrites.Added added = r.with("x", huge, 50, 5_000);

        assertThat(added.rewrites().asRewrite()).containsExactly(huge);
        assertThat(added.rewrites().asOriginal()).isEmpty();
        assertThat(added.droppedOverBytes()).isEqualTo(2);
        assertThat(bytes(added.rewrites())).isGreaterThan(5_000);
    }

    @Test
    void keepsTheOtherSideWhenDroppingFromTheJoinedOneSuffices() {
        ArticleRewrites r = ArticleRewrites.EMPTY;
        r = r.with("x", alert("o", "x", 500), 50, Integer.MAX_VALUE).rewrites();
        for (int i = 0; i < 4; i++) {
            r = r.with("x", alert("x", "c" + i, 2_000), 50, Integer.MAX_VALUE).rewrites();
        }
        int budget = bytes(r) - 1;

        ArticleRewrites.Added added = r.with("x", alert("x", "c4", 2_000), 50, budget);

        assertThat(copies(added.rewrites().asOriginal())).containsExactly("c2", "c3", "c4");
        assertThat(copies(added.rewrites().asRewrite())).containsExactly("x");
        assertThat(added.droppedOverBytes()).isEqualTo(2);
    }

    @Test
    void aRevisionJoinsOnlyTheRewriteSide() {
        RewriteAlert revised = alert("v", "v", 10);

        ArticleRewrites r = ArticleRewrites.EMPTY.with("v", revised, 50, 10_000).rewrites();

        assertThat(r.asRewrite()).containsExactly(revised);
        assertThat(r.asOriginal()).isEmpty();
    }

    @Test
    void aCutPassageRoundTripsAndJsonOfBeforeTheFlagReadsAsWhole() {
        MatchedPassage cut = new MatchedPassage(0, 5_000, 0, 5_000, "abc", "abd", 1.0, false, true);
        RewriteAlert a = alert("o", "c", 3);
        RewriteAlert withCut = new RewriteAlert(
                a.alertId(), a.kind(), a.score(), a.article(), a.original(), a.signals(), List.of(cut), a.detectedAt());
        byte[] json = RadarTopology.ALERT_SERDE.serializer().serialize("t", withCut);
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"truncated\":true");
        assertThat(RadarTopology.ALERT_SERDE.deserializer().deserialize("t", json))
                .isEqualTo(withCut);

        // a rewrite-store value written before passages could be cut: no "truncated"
        String old =
                """
                {"asRewrite":[],"asOriginal":[{"alertId":"x","kind":"VERBATIM_COPY","score":1.0,
                "article":{"id":"c","version":1,"publishedAt":"2024-03-05T10:01:00Z"},
                "original":{"id":"o","version":1,"publishedAt":"2024-03-05T10:00:00Z"},
                "signals":{"c5":1.0},"evidence":[{"originalStart":0,"originalEnd":3,"candidateStart":0,
                "candidateEnd":3,"originalText":"abc","candidateText":"abc","similarity":1.0,"quote":false}],
                "detectedAt":"2024-03-05T10:02:00Z"}]}""";
        ArticleRewrites read =
                RadarTopology.REWRITES_SERDE.deserializer().deserialize("t", old.getBytes(StandardCharsets.UTF_8));
        assertThat(read.asOriginal().get(0).evidence())
                .containsExactly(new MatchedPassage(0, 3, 0, 3, "abc", "abc", 1.0, false, false));
    }

    @Test
    void theBudgetIsAQuarterOfTheLargestMessage() {
        assertThat(RewriteIndexProcessor.maxBytes(8_388_608)).isEqualTo(2_097_152);
    }
}

package org.rewriteradar.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rewriteradar.model.ArticleRef;
import org.rewriteradar.model.RewriteAlert;
import org.rewriteradar.similarity.ArticleFingerprint;
import org.rewriteradar.similarity.DetectionSettings;
import org.rewriteradar.similarity.RewriteEngine;
import org.rewriteradar.similarity.RewriteKind;
import org.rewriteradar.similarity.StoryCoverage;

/**
 * {@link StoryCollector}: a story decided once every scoring partition has replied, versions of one source
 * united, the best version named, nothing when a pair settled the article.
 */
class StoryCollectorTest {

    private static final RewriteEngine ENGINE = new RewriteEngine(DetectionSettings.defaults()
            .withStories(DetectionSettings.Stories.defaults().withAlertNarrative(0.5)));

    private MockProcessorContext<String, StoryRequest> context;
    private KeyValueStore<String, byte[]> gathering;
    private KeyValueStore<String, StoredArticle> articles;
    private KeyValueStore<String, ArticleRewrites> rewrites;
    private StoryCollector collector;
    private ArticleFingerprint article;
    private int[] narrative;

    @BeforeEach
    void setUp() {
        context = new MockProcessorContext<>();
        gathering = MockStores.stringKeyed(context, RadarTopology.STORY_STORE, Serdes.ByteArray());
        articles = MockStores.stringKeyed(context, RadarTopology.ARTICLE_STORE, RadarTopology.STORED_ARTICLE_SERDE);
        rewrites = MockStores.stringKeyed(context, RadarTopology.REWRITE_STORE, RadarTopology.REWRITES_SERDE);
        collector = new StoryCollector(ENGINE);
        collector.init(context);
        article = ENGINE.fingerprint("np-1", null, body());
        stored(1);
        int[] shingles = article.shingles();
        narrative = java.util.stream.IntStream.range(0, shingles.length)
                .filter(i -> (shingles[i] & 1) != 0)
                .toArray();
    }

    /** Forty sentences sharing no 5-gram, all narrative. */
    private static String body() {
        StringBuilder b = new StringBuilder();
        for (int k = 1; k <= 40; k++) {
            b.append("The harbour board met for session ")
                    .append(k)
                    .append(" and approved plan ")
                    .append(100 + k)
                    .append(" for the quay. ");
        }
        return b.toString();
    }

    private void stored(int version) {
        ArticleRef ref =
                new ArticleRef("np-1", version, null, "Daily Paper", null, Instant.parse("2024-03-02T10:00:00Z"));
        articles.put("np-1", StoredArticle.first(ref, article));
    }

    /** A member holding the article's narrative shingles from {@code from} to {@code to} (fractions). */
    private StoryReply.Member member(String id, String source, double from, double to) {
        long[] found = new long[StoryCoverage.words(article.shingles().length)];
        int shared = 0;
        for (int k = (int) (from * narrative.length); k < (int) (to * narrative.length); k++) {
            found[narrative[k] >> 6] |= 1L << narrative[k];
            shared++;
        }
        return new StoryReply.Member(id, source, shared, found);
    }

    private List<StoryRequest> reply(int version, int requests, boolean settled, StoryReply.Member... members) {
        context.resetForwards();
        collector.process(
                new Record<>("np-1", new StoryReply("np-1", version, requests, settled, List.of(members)), 0L));
        return context.forwarded().stream()
                .<StoryRequest>map(f -> f.record().value())
                .toList();
    }

    @Test
    void sendsTheStoryToItsBestVersionOnceEveryPartitionHasReplied() {
        assertThat(reply(1, 3, false, member("pa-first", "PA", 0, 0.3))).isEmpty();
        assertThat(gathering.get("np-1")).isNotNull();
        assertThat(reply(1, 3, false)).isEmpty();

        List<StoryRequest> sent = reply(1, 3, false, member("pa-night", "PA", 0.3, 0.65));

        assertThat(sent).singleElement().satisfies(r -> {
            assertThat(r.original()).isEqualTo("pa-night"); // it holds most of the article
            assertThat(r.versions()).isEqualTo(2);
            assertThat(r.share()).isCloseTo(0.65, Offset.offset(2.0 / narrative.length));
            assertThat(r.rewrite().id()).isEqualTo("np-1");
            assertThat(r.fingerprint().textHash()).isEqualTo(article.textHash());
        });
        assertThat(gathering.get("np-1")).isNull();
    }

    @Test
    void raisesNoStoryWhenAnyPartitionSettledTheArticle() {
        assertThat(reply(1, 2, false, member("pa-first", "PA", 0, 0.6))).isEmpty();
        assertThat(reply(1, 2, true)).isEmpty();
        assertThat(gathering.get("np-1")).isNull();
    }

    @Test
    void neverUnitesTwoSources() {
        assertThat(reply(1, 2, false, member("pa-first", "PA", 0, 0.3), member("x", null, 0.3, 0.45)))
                .isEmpty();
        assertThat(reply(1, 2, false, member("rt-1", "Reuters", 0.3, 0.6), member("y", null, 0.45, 0.9)))
                .isEmpty();
    }

    @Test
    void aSingleEarlierArticleIsAStoryWhenOneVersionIsEnough() {
        collector = new StoryCollector(new RewriteEngine(DetectionSettings.defaults()
                .withStories(DetectionSettings.Stories.defaults()
                        .withAlertNarrative(0.5)
                        .withMinVersions(1))));
        collector.init(context);
        assertThat(reply(1, 2, false, member("pa-first", "PA", 0, 0.3), member("x", null, 0.3, 0.45)))
                .isEmpty();
        assertThat(reply(1, 2, false, member("rt-1", "Reuters", 0.3, 0.6), member("y", null, 0.4, 0.95)))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.original()).isEqualTo("y"); // without a source, a story of its own
                    assertThat(r.versions()).isEqualTo(1);
                });
    }

    @Test
    void leavesASourcesOwnEarlierCopyToItsPairs() {
        assertThat(reply(1, 1, false, member("dp-1", "Daily Paper", 0, 0.4), member("dp-2", "Daily Paper", 0.4, 0.9)))
                .isEmpty();
    }

    @Test
    void raisesNoStoryForAnArticleAnEarlierRoundAlertedAsARewrite() {
        RewriteAlert revised = alert(RewriteKind.REVISED, "np-1");
        rewrites.put("np-1", new ArticleRewrites(List.of(revised), List.of()));
        assertThat(reply(1, 1, false, member("pa-first", "PA", 0, 0.3), member("pa-night", "PA", 0.3, 0.65)))
                .as("a revision of the article itself settles nothing")
                .hasSize(1);

        rewrites.put("np-1", new ArticleRewrites(List.of(revised, alert(RewriteKind.PARAPHRASE, "other")), List.of()));
        assertThat(reply(1, 1, false, member("pa-first", "PA", 0, 0.3), member("pa-night", "PA", 0.3, 0.65)))
                .isEmpty();
    }

    private static RewriteAlert alert(RewriteKind kind, String originalId) {
        ArticleRef article =
                new ArticleRef("np-1", 1, null, "Daily Paper", null, Instant.parse("2024-03-02T10:00:00Z"));
        ArticleRef original = new ArticleRef(originalId, 1, null, null, null, Instant.parse("2024-03-01T10:00:00Z"));
        return new RewriteAlert(
                kind + "-" + originalId, kind, 0.9, article, original, Map.of(), List.of(), Instant.EPOCH);
    }

    @Test
    void staysQuietBelowTheShare() {
        assertThat(reply(1, 2, false, member("pa-first", "PA", 0, 0.2))).isEmpty();
        assertThat(reply(1, 2, false, member("pa-night", "PA", 0.2, 0.49))).isEmpty();
        assertThat(gathering.get("np-1")).isNull();
    }

    @Test
    void dropsAnOlderVersionsRepliesAndStartsOverForANewerOne() {
        assertThat(reply(1, 2, false, member("pa-first", "PA", 0, 0.3))).isEmpty();
        stored(2);
        assertThat(reply(2, 2, false, member("pa-night", "PA", 0.3, 0.6))).isEmpty();
        assertThat(reply(1, 2, false, member("pa-late", "PA", 0.6, 0.9))).isEmpty(); // dropped
        // version 2's round holds pa-night only so far: with pa-first's half it would have alerted
        assertThat(reply(2, 2, false, member("pa-sub", "PA", 0.6, 0.8)))
                .singleElement()
                .satisfies(r -> assertThat(r.versions()).isEqualTo(2));
    }

    @Test
    void dropsARoundWhoseVersionIsNoLongerStored() {
        assertThat(reply(1, 1, false, member("pa-first", "PA", 0, 0.3), member("pa-night", "PA", 0.3, 0.6)))
                .hasSize(1);
        stored(2);
        assertThat(reply(1, 1, false, member("pa-first", "PA", 0, 0.3), member("pa-night", "PA", 0.3, 0.6)))
                .isEmpty();
    }

    @Test
    void gatheringSurvivesItsStoreFormat() {
        StoryCollector.Gathering g =
                new StoryCollector.Gathering(3, 4, 2, false, List.of(member("pa-first", "PA", 0, 0.3)));
        StoryCollector.Gathering back = StoryCollector.Gathering.decode(g.encode());
        assertThat(back.version()).isEqualTo(3);
        assertThat(back.requests()).isEqualTo(4);
        assertThat(back.received()).isEqualTo(2);
        assertThat(back.members()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo("pa-first");
            assertThat(m.source()).isEqualTo("PA");
            assertThat(m.found()).isEqualTo(g.members().get(0).found());
        });
    }
}

package org.rewriteradar.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rewriteradar.model.ArticleRef;
import org.rewriteradar.model.RewriteAlert;
import org.rewriteradar.similarity.RewriteEngine;
import org.rewriteradar.similarity.RewriteKind;

/** {@link ScoreProcessor}: each pair scored once, whichever side sent it, the earlier-published the original. */
class ScoreProcessorTest {

    private static final RewriteEngine ENGINE = new RewriteEngine();
    private static final String BODY = "The council approved the new budget on Tuesday after a long debate. "
            + "Spending on roads will rise by ten percent, while the library service faces cuts. "
            + "\"This is a difficult but necessary budget,\" the council leader said after the vote. "
            + "Opposition members said the cuts would hurt families in the poorest districts of the town.";

    private MockProcessorContext<String, RewriteAlert> context;
    private KeyValueStore<String, StoredArticle> articles;
    private KeyValueStore<String, Long> pairs;
    private ScoreProcessor score;
    private SimpleMeterRegistry registry;

    @BeforeEach
    void setUp() {
        context = new MockProcessorContext<>();
        articles = MockStores.stringKeyed(context, RadarTopology.ARTICLE_STORE, RadarTopology.STORED_ARTICLE_SERDE);
        pairs = MockStores.stringKeyed(context, RadarTopology.PAIR_STORE, RadarTopology.PAIR_MARK_SERDE);
        registry = new SimpleMeterRegistry();
        score = new ScoreProcessor(ENGINE, ScoringMeters.of(registry));
        score.init(context);
    }

    private StoredArticle article(String id, String publishedAt) {
        ArticleRef ref = new ArticleRef(id, 1, null, null, null, Instant.parse(publishedAt));
        StoredArticle stored = StoredArticle.first(ref, ENGINE.fingerprint(id, null, BODY));
        articles.put(id, stored);
        return stored;
    }

    /** Sends {@code sent} to be scored against {@code candidates}; returns "original <- rewrite" per alert. */
    private List<String> request(StoredArticle sent, String... candidates) {
        context.resetForwards();
        score.process(new Record<>(
                sent.ref().id(), new ScoringRequest(sent.ref(), sent.fingerprint(), List.of(candidates)), 0L));
        return context.forwarded().stream()
                .map(f -> {
                    RewriteAlert alert = f.record().value();
                    assertThat(f.record().key()).isEqualTo(alert.article().id());
                    assertThat(alert.kind()).isEqualTo(RewriteKind.VERBATIM_COPY);
                    return alert.original().id() + " <- " + alert.article().id();
                })
                .toList();
    }

    @Test
    void namesTheEarlierPublishedArticleAsOriginalWhicheverWasSent() {
        StoredArticle older = article("z-old", "2024-03-01T10:00:00Z");
        article("a-new", "2024-03-02T10:00:00Z");
        assertThat(request(older, "a-new")).containsExactly("z-old <- a-new");
        assertThat(pairs.get(PairMarks.key("a-new", "z-old"))).isEqualTo(PairMarks.SCORED);
    }

    @Test
    void takesTheCandidateAlreadyInTheBucketAsOriginalOnEqualPublicationTimes() {
        article("first", "2024-03-01T10:00:00Z");
        StoredArticle second = article("second", "2024-03-01T10:00:00Z");
        assertThat(request(second, "first")).containsExactly("first <- second");
    }

    @Test
    void scoresAPairSentFromBothSidesOnlyOnTheSmallerIdsSide() {
        StoredArticle a = article("a", "2024-03-01T10:00:00Z");
        StoredArticle b = article("b", "2024-03-02T10:00:00Z");
        // each side's candidates step met the other and sent itself
        pairs.put(PairMarks.key("a", "b"), PairMarks.SENT);
        pairs.put(PairMarks.key("b", "a"), PairMarks.SENT);
        assertThat(request(a, "b")).isEmpty(); // on b's partition: b > a, a's side scores
        assertThat(request(b, "a")).containsExactly("a <- b");
    }

    @Test
    void neverScoresAPairTwice() {
        StoredArticle a = article("a", "2024-03-01T10:00:00Z");
        article("b", "2024-03-02T10:00:00Z");
        assertThat(request(a, "b")).containsExactly("a <- b");
        assertThat(request(a, "b")).isEmpty();
    }

    @Test
    void timesEachPairScoredAndNoPairLeftUnscored() {
        StoredArticle a = article("a", "2024-03-01T10:00:00Z");
        article("b", "2024-03-02T10:00:00Z");
        article("c", "2024-03-03T10:00:00Z");
        Timer latency = registry.get(ScoringMeters.SCORING_LATENCY).timer();
        assertThat(latency.count()).isZero();

        assertThat(request(a, "b", "gone", "c")).hasSize(2);
        assertThat(request(a, "b")).isEmpty();

        assertThat(latency.count()).isEqualTo(2);
        assertThat(latency.totalTime(TimeUnit.NANOSECONDS)).isPositive();
    }

    @Test
    void countsACandidateThatLeftTheIndexAndScoresTheRest() {
        StoredArticle a = article("a", "2024-03-01T10:00:00Z");
        article("c", "2024-03-02T10:00:00Z");
        long before = RadarCounters.count(RadarCounters.DROPPED, "score", "article-expired");
        assertThat(request(a, "gone", "c")).containsExactly("a <- c");
        assertThat(RadarCounters.count(RadarCounters.DROPPED, "score", "article-expired"))
                .isEqualTo(before + 1);
    }
}

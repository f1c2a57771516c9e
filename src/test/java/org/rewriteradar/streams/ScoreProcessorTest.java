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
import org.rewriteradar.similarity.DetectionSettings;
import org.rewriteradar.similarity.RewriteEngine;
import org.rewriteradar.similarity.RewriteKind;

/** {@link ScoreProcessor}: each pair scored once, whichever side sent it, the earlier-published the original. */
class ScoreProcessorTest {

    private static final RewriteEngine ENGINE = new RewriteEngine();
    private static final String BODY = "The council approved the new budget on Tuesday after a long debate. "
            + "Spending on roads will rise by ten percent, while the library service faces cuts. "
            + "\"This is a difficult but necessary budget,\" the council leader said after the vote. "
            + "Opposition members said the cuts would hurt families in the poorest districts of the town.";

    private MockProcessorContext<String, ScoreProcessor.Scored> context;
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
                    RewriteAlert alert = f.record().value().alert();
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

    /** The story reply of a round of {@code requests} requests sending {@code sent} to {@code candidates}. */
    private StoryReply storyRound(ScoreProcessor processor, StoredArticle sent, int requests, String... candidates) {
        context.resetForwards();
        processor.process(new Record<>(
                sent.ref().id(),
                new ScoringRequest(sent.ref(), sent.fingerprint(), List.of(candidates), requests),
                0L));
        List<StoryReply> replies = context.forwarded().stream()
                .map(f -> f.record().value().story())
                .filter(java.util.Objects::nonNull)
                .toList();
        assertThat(replies).hasSize(1);
        return replies.get(0);
    }

    private StoredArticle article(String id, String publishedAt, String source, String body) {
        ArticleRef ref = new ArticleRef(id, 1, null, source, null, Instant.parse(publishedAt));
        StoredArticle stored = StoredArticle.first(ref, ENGINE.fingerprint(id, null, body));
        articles.put(id, stored);
        return stored;
    }

    @Test
    void answersAStoryRoundWithTheEarlierCandidatesHoldingTheArticlesShingles() {
        // a pair that cannot alert: the score above 1 is never reached, nor the near-duplicate containment
        RewriteEngine quiet = new RewriteEngine(DetectionSettings.defaults()
                .withWeights(DetectionSettings.Weights.defaults().withAlertThreshold(1.01))
                .withKinds(DetectionSettings.Kinds.defaults().withNearDuplicateContainment(2.0)));
        ScoreProcessor processor = new ScoreProcessor(quiet, ScoringMeters.of(registry));
        processor.init(context);
        String[] sentences = BODY.split("(?<=\\.) ");
        article("pa-1", "2024-03-01T10:00:00Z", "PA", sentences[0] + " " + sentences[1]);
        article("pa-2", "2024-03-01T12:00:00Z", "PA", "Weather: rain over the hills, sun on the coast tomorrow.");
        article("np-later", "2024-03-03T10:00:00Z", "Paper", BODY);
        StoredArticle sent = article("np-1", "2024-03-02T10:00:00Z", "Paper", BODY);

        StoryReply reply = storyRound(processor, sent, 3, "pa-1", "pa-2", "np-later");

        assertThat(reply.articleId()).isEqualTo("np-1");
        assertThat(reply.version()).isEqualTo(1);
        assertThat(reply.requests()).isEqualTo(3);
        assertThat(reply.settled()).isFalse();
        // pa-2 shares no shingle; np-later, published after the article, is not a version of its story
        assertThat(reply.members()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo("pa-1");
            assertThat(m.source()).isEqualTo("PA");
            assertThat(m.shared())
                    .isEqualTo(quiet.storyCoverage(
                                    sent.fingerprint(), articles.get("pa-1").fingerprint())
                            .shared())
                    .isPositive();
        });
        // np-later copies the article word for word: the article is its original, which settles nothing
        assertThat(context.forwarded())
                .filteredOn(f -> f.record().value().alert() != null)
                .singleElement()
                .satisfies(f ->
                        assertThat(f.record().value().alert().original().id()).isEqualTo("np-1"));
    }

    @Test
    void settlesAStoryRoundWhenAPairAlerts() {
        article("pa-1", "2024-03-01T10:00:00Z", "PA", BODY);
        StoredArticle sent = article("np-1", "2024-03-02T10:00:00Z", "Paper", BODY);

        StoryReply reply = storyRound(score, sent, 2, "pa-1");

        assertThat(reply.settled()).isTrue();
        assertThat(reply.members()).isEmpty();
        assertThat(context.forwarded())
                .anySatisfy(f -> assertThat(f.record().value().alert()).isNotNull());
    }

    @Test
    void settlesAStoryRoundWhoseArticleWasJudgedBefore() {
        article("pa-1", "2024-03-01T10:00:00Z", "PA", BODY);
        StoredArticle sent = article("np-1", "2024-03-02T10:00:00Z", "Paper", BODY);
        pairs.put(PairMarks.key("pa-1", "np-1"), PairMarks.SCORED);

        assertThat(storyRound(score, sent, 1, "pa-1").settled()).isTrue();
    }

    @Test
    void repliesNothingOutsideAStoryRound() {
        article("pa-1", "2024-03-01T10:00:00Z", "PA", BODY);
        StoredArticle sent = article("np-1", "2024-03-02T10:00:00Z", "Paper", BODY);
        assertThat(request(sent, "pa-1")).containsExactly("pa-1 <- np-1");
        assertThat(context.forwarded())
                .allSatisfy(f -> assertThat(f.record().value().story()).isNull());
    }
}

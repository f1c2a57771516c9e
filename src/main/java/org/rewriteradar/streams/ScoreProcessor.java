package org.rewriteradar.streams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;
import org.rewriteradar.model.ArticleRef;
import org.rewriteradar.model.RewriteAlert;
import org.rewriteradar.similarity.ArticleFingerprint;
import org.rewriteradar.similarity.Detection;
import org.rewriteradar.similarity.RewriteEngine;
import org.rewriteradar.similarity.StoryCoverage;

/**
 * On the partition of the candidates of a {@link ScoringRequest}: scores the sent article against each
 * candidate read from {@code article-store}, once per pair ({@link PairMarks}). The earlier-published
 * article is the original; on equal publication times the candidate, which was in the bucket first. An
 * alert is keyed by the rewrite's id. In a story round ({@link ScoringRequest#storyRequests()}) it also
 * answers with a {@link StoryReply}: which of the article's shingles each earlier candidate holds.
 */
final class ScoreProcessor extends ContextualProcessor<String, ScoringRequest, String, ScoreProcessor.Scored> {

    /**
     * What scoring forwards: an alert, or a story reply (exactly one of the two).
     *
     * @param alert a pair's alert, keyed by the rewrite's id
     * @param story the story reply of a story round, keyed by the sent article's id
     */
    record Scored(RewriteAlert alert, StoryReply story) {}

    private static final Logger LOG = Logger.getLogger(ScoreProcessor.class);

    private final RewriteEngine engine;
    private final double storyMemberMin;
    private final ScoringMeters meters;
    private KeyValueStore<String, StoredArticle> articles;
    private KeyValueStore<String, Long> pairs;

    ScoreProcessor(RewriteEngine engine, ScoringMeters meters) {
        this.engine = engine;
        this.storyMemberMin = engine.settings().stories().memberMin();
        this.meters = meters;
    }

    @Override
    public void init(ProcessorContext<String, Scored> context) {
        super.init(context);
        articles = context.getStateStore(RadarTopology.ARTICLE_STORE);
        pairs = context.getStateStore(RadarTopology.PAIR_STORE);
    }

    @Override
    public void process(Record<String, ScoringRequest> record) {
        ScoringRequest request = record.value();
        String sentId = request.ref().id();
        boolean story = request.storyRequests() > 0;
        boolean settled = false;
        List<StoryReply.Member> members = new ArrayList<>();
        for (String candidateId : request.candidates()) {
            StoredArticle candidate = articles.get(candidateId);
            if (candidate == null) {
                // it left the index (retention) between its bucket reply and this request
                RadarCounters.dropped("score", "article-expired");
                continue;
            }
            boolean candidateIsOriginal = isOriginal(candidate.ref(), request.ref());
            String mark = PairMarks.key(candidateId, sentId);
            Long seen = pairs.get(mark);
            if (seen != null && (seen == PairMarks.SCORED || candidateId.compareTo(sentId) > 0)) {
                settled |= candidateIsOriginal; // the article was judged against this original before
                continue; // scored already, or sent from both sides and scored on the smaller id's side
            }
            pairs.put(mark, PairMarks.SCORED);
            boolean alerted =
                    score(record, candidate.ref(), candidate.fingerprint(), request.ref(), request.fingerprint());
            settled |= alerted && candidateIsOriginal;
            if (story && candidateIsOriginal && !settled) {
                member(request, candidate).ifPresent(members::add);
            }
        }
        if (story) {
            StoryReply reply = new StoryReply(
                    sentId,
                    request.ref().version(),
                    request.storyRequests(),
                    settled,
                    settled ? List.of() : List.copyOf(members));
            context().forward(record.withKey(sentId).withValue(new Scored(null, reply)));
        }
    }

    /** The candidate as a version of the sent article's story, when it holds enough of its shingles. */
    private Optional<StoryReply.Member> member(ScoringRequest request, StoredArticle candidate) {
        StoryCoverage coverage = engine.storyCoverage(request.fingerprint(), candidate.fingerprint());
        if (coverage.shared() <= storyMemberMin * request.fingerprint().shingles().length) {
            return Optional.empty();
        }
        ArticleRef ref = candidate.ref();
        return Optional.of(new StoryReply.Member(ref.id(), ref.source(), coverage.shared(), coverage.found()));
    }

    /** Scores one pair, forwarding its alert; whether it alerted. */
    private boolean score(
            Record<String, ScoringRequest> record,
            ArticleRef candidate,
            ArticleFingerprint candidatePrint,
            ArticleRef sent,
            ArticleFingerprint sentPrint) {
        boolean candidateIsOriginal = isOriginal(candidate, sent);
        ArticleRef original = candidateIsOriginal ? candidate : sent;
        ArticleRef rewrite = candidateIsOriginal ? sent : candidate;
        Optional<Detection> detection;
        long start = System.nanoTime();
        try {
            detection = candidateIsOriginal
                    ? engine.compare(candidatePrint, sentPrint)
                    : engine.compare(sentPrint, candidatePrint);
        } catch (RuntimeException e) {
            meters.scored(System.nanoTime() - start);
            // an engine defect on one pair must not stop the stream; the pair's alert is lost, and said so
            LOG.errorf(e, "Scoring article %s against %s failed; pair skipped", rewrite.id(), original.id());
            RadarCounters.dropped("score", "engine-failed");
            return false;
        }
        meters.scored(System.nanoTime() - start);
        detection.ifPresent(d -> context()
                .forward(record.withKey(rewrite.id())
                        .withValue(new Scored(Alerts.of(d, rewrite, original, Instant.now()), null))));
        return detection.isPresent();
    }

    /**
     * Whether {@code a} is the original of the pair {@code a}, {@code b}: the earlier published, and where
     * both were published at the same instant, the smaller id, so that the alert does not depend on which
     * of the two reached the index first.
     */
    static boolean isOriginal(ArticleRef a, ArticleRef b) {
        int byTime = a.publishedAt().compareTo(b.publishedAt());
        return byTime < 0 || (byTime == 0 && a.id().compareTo(b.id()) <= 0);
    }
}

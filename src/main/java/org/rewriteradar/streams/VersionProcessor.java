package org.rewriteradar.streams;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;
import org.rewriteradar.model.ArticleEvent;
import org.rewriteradar.model.ArticleRef;
import org.rewriteradar.model.RewriteAlert;
import org.rewriteradar.similarity.ArticleFingerprint;
import org.rewriteradar.similarity.Detection;
import org.rewriteradar.similarity.RewriteEngine;

/**
 * Keyed by article id: fingerprints each article and keeps its versions in {@code article-store}. A new
 * id goes on to be indexed; a changed text under a known id is a revision (a {@code REVISED} alert when
 * the engine finds the change large enough) and is re-indexed; an identical re-send stops here.
 * Articles whose latest version is older than the retention window, in event time, leave the stores
 * of this task (article, pairs, rewrites) on their own.
 */
final class VersionProcessor extends ContextualProcessor<String, ArticleEvent, String, VersionProcessor.Update> {

    /**
     * What happened to an article.
     *
     * @param article the stored article after this event, or {@code null} when it was unprocessable
     * @param revision a {@code REVISED} alert, or {@code null}
     * @param unprocessable the event when the engine failed on it (for the dead-letter topic), else {@code null}
     */
    record Update(StoredArticle article, RewriteAlert revision, ArticleEvent unprocessable) {

        Update(StoredArticle article, RewriteAlert revision) {
            this(article, revision, null);
        }
    }

    /** Fingerprints an article's body: the engine's, or a stand-in in tests. */
    @FunctionalInterface
    interface Fingerprinter {
        ArticleFingerprint fingerprint(String id, String title, String body);
    }

    private static final Logger LOG = Logger.getLogger(VersionProcessor.class);

    /** This stage's name in the topology and in the dead-letter header {@code radar.dlq.stage}. */
    static final String STAGE = "versions";

    private final RewriteEngine engine;
    private final Fingerprinter fingerprinter;
    private final Duration retention;
    private final Duration sweepInterval;
    private final Duration maxFutureSkew;
    private KeyValueStore<String, StoredArticle> articles;
    private KeyValueStore<String, Long> pairs;
    private KeyValueStore<String, ArticleRewrites> rewrites;
    private ExpiryIndex expiry;

    /** @param maxFutureSkew how far stream time may run ahead of the wall clock */
    VersionProcessor(
            RewriteEngine engine,
            Fingerprinter fingerprinter,
            Duration retention,
            Duration sweepInterval,
            Duration maxFutureSkew) {
        this.engine = engine;
        this.fingerprinter = fingerprinter;
        this.retention = retention;
        this.sweepInterval = sweepInterval;
        this.maxFutureSkew = maxFutureSkew;
    }

    @Override
    public void init(ProcessorContext<String, Update> context) {
        super.init(context);
        articles = context.getStateStore(RadarTopology.ARTICLE_STORE);
        pairs = context.getStateStore(RadarTopology.PAIR_STORE);
        rewrites = context.getStateStore(RadarTopology.REWRITE_STORE);
        KeyValueStore<String, Long> expiryStore = context.getStateStore(RadarTopology.ARTICLE_EXPIRY_STORE);
        expiry = new ExpiryIndex(expiryStore, () -> EventTime.plus(context.currentSystemTimeMs(), maxFutureSkew));
        context.schedule(sweepInterval, PunctuationType.WALL_CLOCK_TIME, now -> sweep());
    }

    /** What one event does to the stores and what goes on: decided before anything is written. */
    private record Outcome(
            String id, long published, StoredArticle stored, StoredArticle previous, RewriteAlert revision) {}

    @Override
    public void process(Record<String, ArticleEvent> record) {
        ArticleEvent event = record.value();
        Outcome outcome;
        try {
            outcome = decide(event);
            write(outcome);
        } catch (RuntimeException | StackOverflowError e) {
            if (e instanceof RuntimeException re && StreamFailures.isFatal(re)) {
                throw re;
            }
            // a defect on one article must not stop the stream: the event goes to the dead letters, and
            // nothing of it was written (decide writes nothing; write fails, if at all, on its first put)
            LOG.errorf(
                    e,
                    "Article %s could not be processed; sent to the dead-letter topic",
                    StreamFailures.describe(event == null ? record.key() : event.id()));
            StreamFailures.record("guard", STAGE);
            Headers headers = record.headers();
            IntakeProcessor.put(headers, IntakeProcessor.REASON_HEADER, ArticleValidator.Reason.UNPROCESSABLE.name());
            IntakeProcessor.put(headers, IntakeProcessor.MESSAGE_HEADER, STAGE + " failed: " + e);
            IntakeProcessor.put(headers, IntakeProcessor.STAGE_HEADER, STAGE);
            context().forward(record.withValue(new Update(null, null, event)));
            return;
        }
        if (outcome.stored() != null) {
            context().forward(record.withValue(new Update(outcome.stored(), outcome.revision())));
        }
    }

    /**
     * Stores the outcome: the article first (its serialisation is the one write that can fail on the
     * content of an event; then nothing else is written), then event time and the expiry index.
     */
    private void write(Outcome outcome) {
        if (outcome.stored() != null) {
            articles.put(outcome.id(), outcome.stored());
        }
        expiry.observe(outcome.published());
        if (outcome.stored() == null) {
            return;
        }
        if (outcome.previous() != null) {
            expiry.remove(EventTime.millis(outcome.previous().ref().publishedAt()), outcome.id());
        }
        expiry.add(outcome.published(), outcome.id());
    }

    /**
     * Fingerprints the event and compares it with the stored article; writes nothing. An identical
     * re-send has no {@code stored} article: nothing to store or send on.
     */
    private Outcome decide(ArticleEvent event) {
        long published = EventTime.millis(event.publishedAt());
        ArticleFingerprint fingerprint;
        try {
            fingerprint = fingerprinter.fingerprint(event.id(), event.title(), event.body());
        } catch (RuntimeException e) {
            throw new IllegalStateException("fingerprinting failed: " + e, e);
        }
        StoredArticle previous = articles.get(event.id());
        if (previous == null) {
            StoredArticle stored = StoredArticle.first(ArticleRef.of(event, 1), fingerprint);
            return new Outcome(event.id(), published, stored, null, null);
        }
        if (previous.fingerprint().textHash() == fingerprint.textHash()) {
            return new Outcome(event.id(), published, null, previous, null);
        }
        ArticleRef next = ArticleRef.of(event, previous.ref().version() + 1);
        StoredArticle stored = previous.revise(next, fingerprint);
        Optional<Detection> change = engine.compareVersions(previous.fingerprint(), fingerprint);
        RewriteAlert alert = change.map(d -> Alerts.of(d, next, previous.ref(), Instant.now()))
                .orElse(null);
        return new Outcome(event.id(), published, stored, previous, alert);
    }

    private void sweep() {
        long now = expiry.streamTime();
        if (now == Long.MIN_VALUE) {
            return;
        }
        for (String id : expiry.removeOlderThan(EventTime.minus(now, retention))) {
            articles.delete(id);
            rewrites.delete(id);
            List<String> seen = new ArrayList<>();
            try (KeyValueIterator<String, Long> it = pairs.prefixScan(id + '\u0000', new StringSerializer())) {
                it.forEachRemaining(kv -> seen.add(kv.key));
            }
            seen.forEach(pairs::delete);
        }
    }
}

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
 * An article leaves the stores of this task (article, pairs, rewrites) once the retention has passed,
 * on the wall clock, since its latest version was stored ({@code indexedAt}): no {@code publishedAt},
 * however old or far ahead, and no lag between partitions moves that clock, so a replay or a backfill
 * keeps what it indexes for as long as live traffic does. Which articles are compared is decided by
 * their {@code publishedAt} ({@link BucketProcessor}).
 */
final class VersionProcessor extends ContextualProcessor<String, ArticleEvent, String, VersionProcessor.Update> {

    /**
     * What happened to an article.
     *
     * @param article the stored article after this event, or {@code null} when it was unprocessable
     * @param revision a {@code REVISED} alert, or {@code null}
     * @param unprocessable the event when the engine failed on it (for the dead-letter topic), else {@code null}
     * @param indexedAtMillis wall-clock time at which {@code article} was stored (its bucket memberships
     *     leave with it)
     */
    record Update(StoredArticle article, RewriteAlert revision, ArticleEvent unprocessable, long indexedAtMillis) {

        Update(StoredArticle article, RewriteAlert revision, long indexedAtMillis) {
            this(article, revision, null, indexedAtMillis);
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
    private KeyValueStore<String, StoredArticle> articles;
    private KeyValueStore<String, Long> pairs;
    private KeyValueStore<String, ArticleRewrites> rewrites;
    private ExpiryIndex expiry;

    /**
     * @param retention how long, on the wall clock, an article stays after its latest version was stored
     * @param sweepInterval how often (wall clock) expired articles are removed
     */
    VersionProcessor(RewriteEngine engine, Fingerprinter fingerprinter, Duration retention, Duration sweepInterval) {
        this.engine = engine;
        this.fingerprinter = fingerprinter;
        this.retention = retention;
        this.sweepInterval = sweepInterval;
    }

    @Override
    public void init(ProcessorContext<String, Update> context) {
        super.init(context);
        articles = context.getStateStore(RadarTopology.ARTICLE_STORE);
        pairs = context.getStateStore(RadarTopology.PAIR_STORE);
        rewrites = context.getStateStore(RadarTopology.REWRITE_STORE);
        KeyValueStore<String, Long> expiryStore = context.getStateStore(RadarTopology.ARTICLE_EXPIRY_STORE);
        expiry = new ExpiryIndex(expiryStore, true);
        context.schedule(sweepInterval, PunctuationType.WALL_CLOCK_TIME, this::sweep);
    }

    /** What one event does to the stores and what goes on: decided before anything is written. */
    private record Outcome(String id, StoredArticle stored, StoredArticle previous, RewriteAlert revision) {

        /** A body with no text left to compare (markup or furniture only): nothing is stored. */
        static final Outcome NO_TEXT = new Outcome(null, null, null, null);

        boolean noText() {
            return this == NO_TEXT;
        }
    }

    @Override
    public void process(Record<String, ArticleEvent> record) {
        ArticleEvent event = record.value();
        Outcome outcome;
        long indexedAt = context().currentSystemTimeMs();
        try {
            outcome = decide(event);
            write(outcome, indexedAt);
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
            deadLetter(record, event, indexedAt, ArticleValidator.Reason.UNPROCESSABLE, STAGE + " failed: " + e);
            return;
        }
        if (outcome.noText()) {
            deadLetter(
                    record,
                    event,
                    indexedAt,
                    ArticleValidator.Reason.NO_TEXT,
                    "the body has no text once markup and page furniture are removed");
            return;
        }
        // an identical re-send (no stored article) ends here by design: nothing changed, nothing to report
        if (outcome.stored() != null) {
            context().forward(record.withValue(new Update(outcome.stored(), outcome.revision(), indexedAt)));
        }
    }

    /** Sends the event on to the dead-letter topic with {@code reason}; nothing of it was stored. */
    private void deadLetter(
            Record<String, ArticleEvent> record,
            ArticleEvent event,
            long indexedAt,
            ArticleValidator.Reason reason,
            String message) {
        RadarCounters.deadLetter(reason.name(), STAGE);
        Headers headers = record.headers();
        IntakeProcessor.put(headers, IntakeProcessor.REASON_HEADER, reason.name());
        IntakeProcessor.put(headers, IntakeProcessor.MESSAGE_HEADER, message);
        IntakeProcessor.put(headers, IntakeProcessor.STAGE_HEADER, STAGE);
        context().forward(record.withValue(new Update(null, null, event, indexedAt)));
    }

    /**
     * Stores the outcome: the article first (its serialisation is the one write that can fail on the
     * content of an event; then nothing else is written), then its expiry at {@code indexedAt}, replacing
     * the previous version's (state from before indexing times were kept has it at the previous
     * {@code publishedAt}).
     */
    private void write(Outcome outcome, long indexedAt) {
        if (outcome.stored() == null) {
            return;
        }
        StoredArticle stored = outcome.stored();
        // the LSH keys go on in the update (to probe the buckets), not into the store
        articles.put(
                outcome.id(),
                new StoredArticle(stored.ref(), stored.fingerprint().withoutKeys(), stored.versions()));
        long untracked = outcome.previous() == null
                ? Long.MIN_VALUE
                : EventTime.millis(outcome.previous().ref().publishedAt());
        expiry.schedule(outcome.id(), indexedAt, untracked);
    }

    /**
     * Fingerprints the event and compares it with the stored article; writes nothing. An identical
     * re-send has no {@code stored} article: nothing to store or send on.
     */
    private Outcome decide(ArticleEvent event) {
        ArticleFingerprint fingerprint;
        try {
            fingerprint = fingerprinter.fingerprint(event.id(), event.title(), event.body());
        } catch (RuntimeException e) {
            throw new IllegalStateException("fingerprinting failed: " + e, e);
        }
        if (fingerprint.text().isEmpty()) {
            return Outcome.NO_TEXT;
        }
        StoredArticle previous = articles.get(event.id());
        if (previous == null) {
            StoredArticle stored = StoredArticle.first(ArticleRef.of(event, 1), fingerprint);
            return new Outcome(event.id(), stored, null, null);
        }
        if (previous.fingerprint().textHash() == fingerprint.textHash()) {
            return new Outcome(event.id(), null, previous, null);
        }
        ArticleRef next = ArticleRef.of(event, previous.ref().version() + 1);
        StoredArticle stored = previous.revise(next, fingerprint);
        Optional<Detection> change = engine.compareVersions(previous.fingerprint(), fingerprint);
        RewriteAlert alert = change.map(d -> Alerts.of(d, next, previous.ref(), Instant.now()))
                .orElse(null);
        return new Outcome(event.id(), stored, previous, alert);
    }

    /** Removes the articles stored (latest version) more than the retention before {@code now}, wall clock. */
    private void sweep(long now) {
        List<String> expired = expiry.removeOlderThan(EventTime.minus(now, retention));
        RadarCounters.expired(RadarTopology.ARTICLE_STORE, expired.size());
        for (String id : expired) {
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

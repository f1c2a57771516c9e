package org.rewriteradar.streams;

import io.micrometer.core.instrument.Metrics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Micrometer counters (on {@code /q/metrics}) for everything the stream refuses, drops or lets go that is
 * not a failure ({@link StreamFailures} counts those), so that nothing leaves without a trace:
 *
 * <ul>
 *   <li>{@value #ARTICLES_IN}: every record read from the articles topic, valid or not (those refused are
 *       also in {@value #DEAD_LETTERS});
 *   <li>{@value #DEAD_LETTERS} (tags {@code reason}, {@code stage}): records sent to the dead-letter topic,
 *       e.g. {@code reason=PUBLISHED_IN_FUTURE} or {@code INVALID_PUBLISHED_AT}, the refusals for time;
 *   <li>{@value #EXPIRED} (tag {@code store}: {@code article-store}, {@code bucket-store}): articles and
 *       bucket memberships the retention sweeps removed;
 *   <li>{@value #EVICTED}: bucket memberships pushed out of a full bucket (a hot band key shared by more
 *       than {@code radar.detection.candidates.index-bucket-capacity} articles);
 *   <li>{@value #DROPPED} (tags {@code stage}, {@code reason}): candidate gatherings and scorings let go
 *       on the way, e.g. a candidate whose article left the index between its bucket reply and its scoring;
 *   <li>{@value #REWRITES_DROPPED} (tag {@code reason}: {@code max-alerts}, {@code max-bytes}): older alerts
 *       {@code rewrite-store} let go for a newer one, because the article's side held {@code
 *       radar.index.max-alerts-per-article} or because its record would have been over its byte budget
 *       ({@link ArticleRewrites#with}). They were published on the alert topic; only the query loses them.
 * </ul>
 */
public final class RadarCounters {

    public static final String ARTICLES_IN = "radar.articles.in";
    public static final String DEAD_LETTERS = "radar.dead.letters";
    public static final String EXPIRED = "radar.index.expired";
    public static final String DROPPED = "radar.stream.dropped";
    public static final String EVICTED = "radar.index.evicted";
    public static final String REWRITES_DROPPED = "radar.index.rewrites-dropped";

    private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

    private RadarCounters() {}

    /** One record read from the articles topic: {@value #ARTICLES_IN}. */
    static void articleIn() {
        increment(ARTICLES_IN, 1);
    }

    static void deadLetter(String reason, String stage) {
        increment(DEAD_LETTERS, 1, "reason", reason, "stage", stage);
    }

    static void expired(String store, long n) {
        if (n > 0) {
            increment(EXPIRED, n, "store", store);
        }
    }

    /** Members pushed out of full (hot) buckets: {@value #EVICTED}. */
    static void evicted(long n) {
        increment(EVICTED, n);
    }

    /** Alerts {@code rewrite-store} let go: {@value #REWRITES_DROPPED}, {@code reason} as listed above. */
    static void rewritesDropped(String reason, long n) {
        if (n > 0) {
            increment(REWRITES_DROPPED, n, "reason", reason);
        }
    }

    static void dropped(String stage, String reason) {
        increment(DROPPED, 1, "stage", stage, "reason", reason);
    }

    /** Counted so far in this JVM under {@code name} with exactly these tag values, in order (tests). */
    public static long count(String name, String... tagValues) {
        StringBuilder key = new StringBuilder(name);
        for (String value : tagValues) {
            key.append('/').append(value);
        }
        LongAdder n = COUNTS.get(key.toString());
        return n == null ? 0 : n.sum();
    }

    private static void increment(String name, long n, String... tags) {
        StringBuilder key = new StringBuilder(name);
        for (int i = 1; i < tags.length; i += 2) {
            key.append('/').append(tags[i]);
        }
        COUNTS.computeIfAbsent(key.toString(), k -> new LongAdder()).add(n);
        try {
            Metrics.counter(name, tags).increment(n);
        } catch (RuntimeException ignored) {
            // a metric must never stop the stream
        }
    }
}

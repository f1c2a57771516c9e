package org.rewriteradar.streams;

import io.micrometer.core.instrument.Metrics;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import org.apache.kafka.streams.errors.StreamsException;

/**
 * What the service does with an exception from a stage: which ones must stop the stream (by design)
 * and the count of the others, per handler and stage ({@code radar.stream.failures} on
 * {@code /q/metrics}).
 *
 * <p>Only two kinds of failure are fatal: Kafka Streams' own ({@link StreamsException} and its
 * subclasses: a state store that fails, a task migrated or fenced, a stage already failed), and a record
 * in a binary or fingerprint format this instance does not know ({@code unsupported … format …} from
 * the codecs): after an upgrade that changes a format the application is reset, and an older instance
 * must not skip, one record after the other, everything a newer one wrote. Everything else is a defect
 * or a hostile record: it is dead-lettered or counted and logged, and the stream goes on.
 */
public final class StreamFailures {

    /** Micrometer counter name; tags {@code handler} (guard, processing, deserialization, production) and {@code stage}. */
    public static final String METRIC = "radar.stream.failures";

    private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

    private StreamFailures() {}

    /** Whether the failure must stop the stream rather than be skipped or dead-lettered. */
    public static boolean isFatal(Throwable failure) {
        return causedBy(failure, t -> t instanceof StreamsException || t instanceof Error || isUnsupportedFormat(t));
    }

    /** Whether {@code failure} or one of its causes is a record in a format this instance does not know. */
    static boolean causedByUnsupportedFormat(Throwable failure) {
        return causedBy(failure, StreamFailures::isUnsupportedFormat);
    }

    /** Whether {@code failure} or one of its causes (32 deep at most, a cycle-safe bound) matches. */
    static boolean causedBy(Throwable failure, Predicate<Throwable> matches) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (matches.test(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnsupportedFormat(Throwable t) {
        String message = t.getMessage();
        return t instanceof IllegalArgumentException
                && message != null
                && message.startsWith("unsupported ")
                && message.contains(" format");
    }

    /** Counts one failure that did not stop the stream. */
    static void record(String handler, String stage) {
        String stageTag = stage == null ? "unknown" : stage;
        COUNTS.computeIfAbsent(handler + "/" + stageTag, k -> new LongAdder()).increment();
        try {
            Metrics.counter(METRIC, "handler", handler, "stage", stageTag).increment();
        } catch (RuntimeException ignored) {
            // metrics must never turn a handled failure into a fatal one
        }
    }

    /** Failures counted so far in this JVM by {@code handler} at {@code stage} (tests, diagnostics). */
    public static long count(String handler, String stage) {
        LongAdder n = COUNTS.get(handler + "/" + stage);
        return n == null ? 0 : n.sum();
    }

    /** Failures counted so far in this JVM by {@code handler}, all stages. */
    public static long total(String handler) {
        return COUNTS.entrySet().stream()
                .filter(e -> e.getKey().startsWith(handler + "/"))
                .mapToLong(e -> e.getValue().sum())
                .sum();
    }

    /** A short, printable rendering of a record key for logs: at most 120 characters, control characters escaped. */
    static String describe(Object key) {
        if (key == null) {
            return "null";
        }
        String s;
        try {
            s = key instanceof byte[] b
                    ? new String(b, 0, Math.min(b.length, 480), StandardCharsets.UTF_8)
                    : String.valueOf(key);
        } catch (RuntimeException e) {
            return "<" + key.getClass().getSimpleName() + ">";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length() && out.length() < 120; i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (out.length() >= 120 || s.length() > out.length()) {
            out.append('…');
        }
        return out.toString();
    }
}

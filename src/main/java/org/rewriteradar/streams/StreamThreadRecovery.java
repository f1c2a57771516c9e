package org.rewriteradar.streams;

import io.micrometer.core.instrument.Metrics;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.jboss.logging.Logger;
import org.rewriteradar.config.RadarConfig;

/**
 * The stream threads' last resort ({@link StreamsUncaughtExceptionHandler}, picked up by Quarkus as a bean):
 * an exception that escaped every stage and Kafka Streams' own handling would otherwise leave the client in
 * {@code ERROR} for good, with no thread consuming. Kafka Streams' default is to shut the client down; this
 * replaces the dead thread instead, which rejoins the group and resumes from the last committed offsets
 * (under {@code exactly_once_v2} the open transaction was aborted, so nothing is lost or doubled).
 *
 * <p>The thread is not replaced, and the client is shut down, when replacing would only fail again: an
 * {@link Error} (out of memory, a broken native library), a record in a format this instance does not know
 * (see {@link StreamFailures#isFatal}), or more than {@code radar.recovery.max-thread-replacements} failures
 * within {@code radar.recovery.replacement-window}. Liveness then goes DOWN and the orchestrator restarts the
 * pod. Every decision is logged at ERROR and counted in {@value #METRIC} (tag {@code response}).
 */
@Singleton
public class StreamThreadRecovery implements StreamsUncaughtExceptionHandler {

    /** Micrometer counter; tag {@code response}: {@code REPLACE_THREAD} or {@code SHUTDOWN_CLIENT}. */
    public static final String METRIC = "radar.stream.threads.failed";

    private static final Logger LOG = Logger.getLogger(StreamThreadRecovery.class);

    private final int maxReplacements;
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private final Deque<Long> replacements = new ArrayDeque<>();
    private final AtomicLong replaced = new AtomicLong();

    @Inject
    public StreamThreadRecovery(RadarConfig config) {
        this(config.recovery().maxThreadReplacements(), config.recovery().replacementWindow(), System::nanoTime);
    }

    StreamThreadRecovery(int maxReplacements, Duration window, LongSupplier nanoTime) {
        this.maxReplacements = maxReplacements;
        this.windowNanos = window.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable failure) {
        StreamThreadExceptionResponse response = decide(failure);
        if (response == StreamThreadExceptionResponse.REPLACE_THREAD) {
            LOG.errorf(
                    failure,
                    "A stream thread died (%s); replacing it (%d replaced since start, at most %d within %s)",
                    failure,
                    replaced.get(),
                    maxReplacements,
                    Duration.ofNanos(windowNanos));
        } else {
            LOG.errorf(
                    failure,
                    "A stream thread died (%s); shutting Kafka Streams down: %s",
                    failure,
                    hasError(failure) || StreamFailures.causedByUnsupportedFormat(failure)
                            ? "replacing it would fail again"
                            : "more than " + maxReplacements + " threads replaced within "
                                    + Duration.ofNanos(windowNanos));
        }
        try {
            Metrics.counter(METRIC, "response", response.name()).increment();
        } catch (RuntimeException ignored) {
            // a metric must never change the response
        }
        return response;
    }

    /** The response to {@code failure}, counting it against the window when the thread is replaced. */
    synchronized StreamThreadExceptionResponse decide(Throwable failure) {
        if (hasError(failure) || StreamFailures.causedByUnsupportedFormat(failure)) {
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        long now = nanoTime.getAsLong();
        while (!replacements.isEmpty() && now - replacements.peekFirst() > windowNanos) {
            replacements.pollFirst();
        }
        if (replacements.size() >= maxReplacements) {
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        replacements.addLast(now);
        replaced.incrementAndGet();
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    /** Threads replaced since this instance started. */
    public long replaced() {
        return replaced.get();
    }

    private static boolean hasError(Throwable failure) {
        return StreamFailures.causedBy(failure, t -> t instanceof Error);
    }
}

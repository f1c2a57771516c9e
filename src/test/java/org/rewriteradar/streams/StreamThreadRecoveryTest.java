package org.rewriteradar.streams;

import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

class StreamThreadRecoveryTest {

    private final AtomicLong clock = new AtomicLong();
    private final StreamThreadRecovery recovery = new StreamThreadRecovery(3, Duration.ofMinutes(10), clock::get);

    @Test
    void replacesThreadThatDiedOfATransactionTimeout() {
        StreamsException failure = new StreamsException(
                "Error encountered trying to commit a transaction", new TimeoutException("timed out"));

        assertThat(recovery.handle(failure)).isEqualTo(REPLACE_THREAD);
        assertThat(recovery.replaced()).isEqualTo(1);
    }

    @Test
    void shutsClientDownAfterTooManyReplacementsWithinTheWindow() {
        RuntimeException failure = new IllegalStateException("store failed");
        for (int i = 0; i < 3; i++) {
            clock.addAndGet(Duration.ofMinutes(1).toNanos());
            assertThat(recovery.decide(failure)).isEqualTo(REPLACE_THREAD);
        }
        clock.addAndGet(Duration.ofMinutes(1).toNanos());

        assertThat(recovery.decide(failure)).isEqualTo(SHUTDOWN_CLIENT);
        assertThat(recovery.replaced()).isEqualTo(3);
    }

    @Test
    void replacesAgainOnceEarlierFailuresLeftTheWindow() {
        RuntimeException failure = new IllegalStateException("store failed");
        for (int i = 0; i < 3; i++) {
            recovery.decide(failure);
        }
        clock.addAndGet(Duration.ofMinutes(10).toNanos() + 1);

        assertThat(recovery.decide(failure)).isEqualTo(REPLACE_THREAD);
    }

    @Test
    void shutsClientDownOnAnErrorAnywhereInTheCauseChain() {
        StreamsException failure = new StreamsException("task failed", new OutOfMemoryError("Java heap space"));

        assertThat(recovery.decide(failure)).isEqualTo(SHUTDOWN_CLIENT);
        assertThat(recovery.replaced()).isZero();
    }

    @Test
    void shutsClientDownOnARecordFormatThisInstanceDoesNotKnow() {
        StreamsException failure = new StreamsException(
                "failed to deserialize", new IllegalArgumentException("unsupported fingerprint format 9"));

        assertThat(recovery.decide(failure)).isEqualTo(SHUTDOWN_CLIENT);
    }
}

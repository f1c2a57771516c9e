package org.rewriteradar.streams;

import java.time.Duration;
import java.time.Instant;

/**
 * Event-time arithmetic that never overflows: epoch milliseconds of an {@link Instant} and sums and
 * differences of milliseconds saturate at {@link Long#MIN_VALUE} and {@link Long#MAX_VALUE} instead of
 * throwing {@link ArithmeticException} (an {@code Instant} spans about ±10⁹ years, a {@code long} of
 * milliseconds only ±2.9·10⁸). Intake keeps {@code publishedAt} within a sane range, so saturation is a
 * second line of defence: no date can stop the stream.
 */
final class EventTime {

    private static final Instant MIN_MILLIS = Instant.ofEpochMilli(Long.MIN_VALUE);
    private static final Instant MAX_MILLIS = Instant.ofEpochMilli(Long.MAX_VALUE);

    private EventTime() {}

    /** {@link Instant#toEpochMilli()}, saturated to the range of {@code long}. */
    static long millis(Instant instant) {
        if (instant.isBefore(MIN_MILLIS)) {
            return Long.MIN_VALUE;
        }
        if (instant.isAfter(MAX_MILLIS)) {
            return Long.MAX_VALUE;
        }
        return instant.toEpochMilli();
    }

    /** {@link Duration#toMillis()}, saturated to the range of {@code long}. */
    static long millis(Duration duration) {
        try {
            return duration.toMillis();
        } catch (ArithmeticException e) {
            return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** {@code time + delta}, saturated. */
    static long plus(long time, long delta) {
        long sum = time + delta;
        // overflow iff both operands have the sign opposite to the result's
        if (((time ^ sum) & (delta ^ sum)) < 0) {
            return time < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return sum;
    }

    /** {@code time + duration}, saturated. */
    static long plus(long time, Duration duration) {
        return plus(time, millis(duration));
    }

    /** {@code time - duration}, saturated. */
    static long minus(long time, Duration duration) {
        long delta = millis(duration);
        if (delta == Long.MIN_VALUE) {
            return time < 0 ? plus(plus(time, Long.MAX_VALUE), 1) : Long.MAX_VALUE;
        }
        return plus(time, -delta);
    }
}

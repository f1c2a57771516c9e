package org.rewriteradar.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The two reported failures, as regressions: a {@code publishedAt} at the edge of {@link Instant}
 * crashed the stream (a crash loop after restart), and far-future dates moved every task's event-time
 * clock so that the next sweep expired the whole index (now no date moves the clock that expires the
 * index: it is the wall clock). Plus the time arithmetic and the expiry index underneath.
 */
class ClockToleranceTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final String BODY =
            "The city council approved the new bridge on Tuesday after a long debate. Work starts in May and should"
                    + " take two years. The mayor said the bridge would cut travel times for thousands of commuters.";
    private static final String OTHER_BODY =
            "Heavy rain flooded several roads in the north of the county overnight. Police asked drivers to avoid"
                    + " the valley road until the water recedes, and schools in two villages stayed closed.";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "-999999999-01-01T00:00:00Z",
                "+999999999-12-31T23:59:59.999999999Z",
                "-292275055-05-16T16:47:04.191Z",
                "-1000000-01-01T00:00:00Z",
                "0000-01-01T00:00:00Z",
                "1899-12-31T23:59:59Z"
            })
    void deadLettersAPublishedAtOutsideTheSaneRangeAndKeepsProcessing(String publishedAt) {
        try (var radar = new RobustDriver("clock-range", Map.of(), NOW)) {
            radar.publish("edge", RobustDriver.article("edge", BODY, publishedAt));
            radar.publish(
                    "a-1",
                    RobustDriver.article(
                            "a-1", OTHER_BODY, NOW.minus(Duration.ofHours(1)).toString()));

            TestRecord<byte[], byte[]> dead = radar.deadLetters.readRecord();
            assertThat(RobustDriver.header(dead, "radar.dlq.reason"))
                    .isIn("INVALID_PUBLISHED_AT", "PUBLISHED_IN_FUTURE");
            assertThat(RobustDriver.header(dead, "radar.dlq.stage")).isEqualTo("intake");
            assertThat(radar.deadLetters.isEmpty()).isTrue();
            assertThat(radar.articleStore().get("edge")).isNull();
            assertThat(radar.articleStore().get("a-1")).isNotNull();
        }
    }

    @Test
    void earliestAcceptedDateIsProcessed() {
        try (var radar = new RobustDriver("clock-earliest", Map.of(), NOW)) {
            radar.publish("old", RobustDriver.article("old", BODY, "1900-01-01T00:00:00Z"));

            assertThat(radar.deadLetters.isEmpty()).isTrue();
            assertThat(radar.articleStore().get("old")).isNotNull();
        }
    }

    @Test
    void farFutureDatesDoNotExpireTheIndex() {
        try (var radar = new RobustDriver(
                "clock-future", Map.of("radar.index.retention", "P30D", "radar.index.sweep-interval", "PT1S"), NOW)) {
            radar.publish(
                    "a-1",
                    RobustDriver.article(
                            "a-1", BODY, NOW.minus(Duration.ofDays(2)).toString()));
            for (int i = 0; i < 12; i++) {
                radar.publish("f-" + i, RobustDriver.article("f-" + i, OTHER_BODY + " " + i, "9999-01-01T00:00:00Z"));
            }
            radar.publish("typo", RobustDriver.article("typo", OTHER_BODY, "2062-03-05T10:00:00Z"));
            radar.driver.advanceWallClockTime(Duration.ofSeconds(2));

            List<TestRecord<byte[], byte[]>> dead = radar.deadLetters.readRecordsToList();
            assertThat(dead).hasSize(13);
            assertThat(dead).allSatisfy(d -> assertThat(RobustDriver.header(d, "radar.dlq.reason"))
                    .isEqualTo("PUBLISHED_IN_FUTURE"));
            assertThat(radar.articleStore().get("a-1")).isNotNull();

            // and the article still finds its copy: its buckets were not swept either
            radar.publish(
                    "a-2",
                    RobustDriver.article(
                            "a-2", BODY, NOW.minus(Duration.ofDays(1)).toString()));
            assertThat(radar.alerts.readValuesToList())
                    .singleElement()
                    .satisfies(alert -> assertThat(alert.original().id()).isEqualTo("a-1"));
        }
    }

    @Test
    void acceptsPublishedAtWithinTheFutureSkewAndRefusesOneBeyondIt() {
        try (var radar = new RobustDriver("clock-skew", Map.of("radar.validation.max-future-skew", "PT2H"), NOW)) {
            radar.publish(
                    "soon",
                    RobustDriver.article(
                            "soon", BODY, NOW.plus(Duration.ofHours(2)).toString()));
            radar.publish(
                    "late",
                    RobustDriver.article(
                            "late",
                            OTHER_BODY,
                            NOW.plus(Duration.ofHours(2)).plusSeconds(1).toString()));

            assertThat(radar.articleStore().get("soon")).isNotNull();
            TestRecord<byte[], byte[]> dead = radar.deadLetters.readRecord();
            assertThat(new String(dead.key())).isEqualTo("late");
            assertThat(RobustDriver.header(dead, "radar.dlq.reason")).isEqualTo("PUBLISHED_IN_FUTURE");
            assertThat(RobustDriver.header(dead, "radar.dlq.message")).contains("PT2H");
        }
    }

    @Test
    void anEventTimeClockSavedByAnEarlierVersionIsDroppedAndExpiresNothing() {
        KeyValueStore<String, Long> store = store();
        store.put("~stream-time", Instant.parse("9999-01-01T00:00:00Z").toEpochMilli());
        long indexed = NOW.toEpochMilli();
        store.put(ExpiryIndex.key(indexed, "a-1"), indexed); // as written by that version

        ExpiryIndex index = new ExpiryIndex(store, true);

        assertThat(store.get("~stream-time")).isNull();
        assertThat(index.removeOlderThan(indexed)).isEmpty();
        // a new version moves the entry written before members were tracked
        index.schedule("a-1", indexed + 5000, indexed);
        assertThat(index.removeOlderThan(indexed + 5000)).isEmpty();
        assertThat(index.removeOlderThan(indexed + 5001)).containsExactly("a-1");
        try (var all = store.all()) {
            assertThat(all.hasNext()).isFalse();
        }
    }

    @Test
    void aTrackedMemberIndexedAgainMovesAndIsSweptOnce() {
        ExpiryIndex index = new ExpiryIndex(store(), true);
        index.schedule("a", 1000, Long.MIN_VALUE);
        index.schedule("b", 2000, Long.MIN_VALUE);
        index.schedule("a", 3000, 500);

        assertThat(index.removeOlderThan(2500)).containsExactly("b");
        assertThat(index.removeOlderThan(Long.MAX_VALUE)).containsExactly("a");
        assertThat(index.removeOlderThan(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void eventTimeArithmeticSaturates() {
        assertThat(EventTime.millis(Instant.MIN)).isEqualTo(Long.MIN_VALUE);
        assertThat(EventTime.millis(Instant.MAX)).isEqualTo(Long.MAX_VALUE);
        assertThat(EventTime.millis(Instant.ofEpochMilli(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
        assertThat(EventTime.millis(Instant.ofEpochMilli(Long.MIN_VALUE))).isEqualTo(Long.MIN_VALUE);
        assertThat(EventTime.millis(Instant.ofEpochMilli(Long.MAX_VALUE).plusNanos(999_999)))
                .isEqualTo(Long.MAX_VALUE);
        assertThat(EventTime.millis(Instant.ofEpochMilli(Long.MAX_VALUE).plusMillis(1)))
                .isEqualTo(Long.MAX_VALUE);
        assertThat(EventTime.millis(Instant.ofEpochMilli(Long.MIN_VALUE).minusNanos(1)))
                .isEqualTo(Long.MIN_VALUE);
        assertThat(EventTime.millis(Instant.ofEpochMilli(42))).isEqualTo(42);
        assertThat(EventTime.millis(Duration.ofSeconds(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
        assertThat(EventTime.millis(Duration.ofSeconds(Long.MIN_VALUE))).isEqualTo(Long.MIN_VALUE);
        assertThat(EventTime.plus(Long.MAX_VALUE, 1)).isEqualTo(Long.MAX_VALUE);
        assertThat(EventTime.plus(Long.MIN_VALUE, -1)).isEqualTo(Long.MIN_VALUE);
        assertThat(EventTime.plus(5, -7)).isEqualTo(-2);
        assertThat(EventTime.minus(Long.MIN_VALUE + 5, Duration.ofDays(30))).isEqualTo(Long.MIN_VALUE);
        assertThat(EventTime.minus(0, Duration.ofSeconds(Long.MIN_VALUE))).isEqualTo(Long.MAX_VALUE);
        assertThat(EventTime.minus(-1, Duration.ofSeconds(Long.MIN_VALUE))).isEqualTo(Long.MAX_VALUE);
        assertThat(EventTime.minus(1000, Duration.ofSeconds(1))).isZero();
        assertThat(EventTime.plus(Long.MAX_VALUE - 10, Duration.ofDays(1))).isEqualTo(Long.MAX_VALUE);
    }

    private static KeyValueStore<String, Long> store() {
        KeyValueStore<String, Long> store = Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore("expiry"), Serdes.String(), Serdes.Long())
                .withLoggingDisabled()
                .build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        return store;
    }
}

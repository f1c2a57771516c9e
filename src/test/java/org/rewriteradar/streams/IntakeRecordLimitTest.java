package org.rewriteradar.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rewriteradar.TestConfig;

/**
 * The whole-record limit at intake ({@code radar.validation.max-record-bytes}: key, value, header names and
 * values, checked before parsing) and the cut dead letter of a record over it ({@code
 * radar.validation.dead-letter-keep-bytes}), through the real topology with the service's exception
 * handlers.
 */
class IntakeRecordLimitTest {

    private static final int MAX_RECORD = 4_096;
    private static final int KEEP = 512;
    private static final Instant NOW = Instant.parse("2024-03-06T00:00:00Z");

    private RobustDriver radar;

    @BeforeEach
    void start() {
        radar = new RobustDriver(
                "radar-record-limit",
                Map.of(
                        "radar.validation.max-record-bytes", Integer.toString(MAX_RECORD),
                        "radar.validation.dead-letter-keep-bytes", Integer.toString(KEEP),
                        "radar.validation.max-body-bytes", "3000"),
                NOW);
    }

    @AfterEach
    void close() {
        radar.close();
    }

    /** A valid article event whose JSON is exactly {@code bytes} long (padded with spaces after the object). */
    private static byte[] articleOfSize(String id, int bytes) {
        String json =
                RobustDriver.article(id, "The council met on Tuesday and approved the budget.", "2024-03-05T10:00:00Z");
        assertThat(json.length()).isLessThan(bytes);
        return (json + " ".repeat(bytes - json.length())).getBytes(StandardCharsets.UTF_8);
    }

    private void pipe(byte[] key, byte[] value, Headers headers) {
        radar.articles.pipeInput(new TestRecord<>(key, value, headers, NOW));
    }

    @Test
    void aRecordAtTheLimitIsProcessedOneByteMoreIsDeadLetteredBeforeParsing() {
        byte[] key = "at-limit".getBytes(StandardCharsets.UTF_8);
        Headers headers = new RecordHeaders(new RecordHeader[] {new RecordHeader("trace", new byte[20])});
        int valueBytes = MAX_RECORD - key.length - "trace".length() - 20;
        pipe(key, articleOfSize("at-limit", valueBytes), headers);

        assertThat(radar.deadLetters.isEmpty()).isTrue();
        assertThat(radar.articleStore().get("at-limit")).isNotNull();

        byte[] over = "over-limit".getBytes(StandardCharsets.UTF_8);
        byte[] value = articleOfSize("over-limit", MAX_RECORD - over.length - "trace".length() - 20 + 1);
        pipe(over, value, new RecordHeaders(new RecordHeader[] {new RecordHeader("trace", new byte[20])}));

        TestRecord<byte[], byte[]> dead = radar.deadLetters.readRecord();
        assertThat(RobustDriver.header(dead, "radar.dlq.reason")).isEqualTo("RECORD_TOO_LARGE");
        assertThat(RobustDriver.header(dead, "radar.dlq.stage")).isEqualTo("intake");
        assertThat(RobustDriver.header(dead, "radar.dlq.original-bytes")).isEqualTo(Integer.toString(MAX_RECORD + 1));
        assertThat(RobustDriver.header(dead, "radar.dlq.message"))
                .contains("4097 bytes", "more than the limit of 4096");
        // the value is cut to the keep size; key and headers, under it, are kept
        assertThat(RobustDriver.header(dead, "radar.dlq.truncated")).isEqualTo("value");
        assertThat(dead.value()).isEqualTo(Arrays.copyOf(value, KEEP));
        assertThat(dead.key()).isEqualTo(over);
        assertThat(dead.headers().lastHeader("trace")).isNotNull();
        assertThat(radar.articleStore().get("over-limit")).isNull();
    }

    @Test
    void aLargeRecordIsDeadLetteredWithItsValueCutAndItsSizesInHeaders() {
        byte[] value = ("{\"id\":\"big\",\"body\":\"" + "word ".repeat(10_000) + "\"")
                .getBytes(StandardCharsets.UTF_8); // not even JSON: the size is checked before parsing
        byte[] key = "big".getBytes(StandardCharsets.UTF_8);
        pipe(key, value, new RecordHeaders(new RecordHeader[] {
            new RecordHeader("source", "feed-7".getBytes(StandardCharsets.UTF_8))
        }));

        List<TestRecord<byte[], byte[]>> dead = radar.deadLetters.readRecordsToList();
        assertThat(dead).hasSize(1);
        TestRecord<byte[], byte[]> letter = dead.get(0);
        assertThat(RobustDriver.header(letter, "radar.dlq.reason")).isEqualTo("RECORD_TOO_LARGE");
        assertThat(RobustDriver.header(letter, "radar.dlq.truncated")).isEqualTo("value");
        assertThat(RobustDriver.header(letter, "radar.dlq.original-value-bytes"))
                .isEqualTo(Integer.toString(value.length));
        assertThat(RobustDriver.header(letter, "radar.dlq.original-bytes"))
                .isEqualTo(Integer.toString(key.length + value.length + "source".length() + "feed-7".length()));
        assertThat(RobustDriver.header(letter, "radar.dlq.message")).contains("cut to the first 512 bytes");
        assertThat(RobustDriver.header(letter, "radar.dlq.topic")).isEqualTo("articles");
        assertThat(RobustDriver.header(letter, "radar.dlq.offset")).isEqualTo("0");
        assertThat(letter.value()).isEqualTo(Arrays.copyOf(value, KEEP));
        assertThat(letter.key()).isEqualTo(key);
        assertThat(RobustDriver.header(letter, "source")).isEqualTo("feed-7");
        assertThat(radar.alerts.isEmpty()).isTrue();
    }

    @Test
    void headersCountTowardsTheLimitAndLargeOnesAreDroppedFromTheDeadLetter() {
        byte[] value = articleOfSize("headers", 300);
        pipe("headers".getBytes(StandardCharsets.UTF_8), value, new RecordHeaders(new RecordHeader[] {
            new RecordHeader("blob", new byte[MAX_RECORD])
        }));

        TestRecord<byte[], byte[]> letter = radar.deadLetters.readRecord();
        assertThat(RobustDriver.header(letter, "radar.dlq.reason")).isEqualTo("RECORD_TOO_LARGE");
        assertThat(RobustDriver.header(letter, "radar.dlq.truncated")).isEqualTo("headers");
        assertThat(letter.headers().lastHeader("blob")).isNull();
        assertThat(letter.value()).isEqualTo(value);
        assertThat(radar.articleStore().get("headers")).isNull();
    }

    @Test
    void aHugeKeyIsCutToo() {
        byte[] key = new byte[3 * MAX_RECORD];
        Arrays.fill(key, (byte) 'k');
        byte[] value = new byte[2 * MAX_RECORD];
        Arrays.fill(value, (byte) 'v');
        pipe(key, value, new RecordHeaders());

        TestRecord<byte[], byte[]> letter = radar.deadLetters.readRecord();
        assertThat(RobustDriver.header(letter, "radar.dlq.truncated")).isEqualTo("value,key");
        assertThat(letter.key()).hasSize(KEEP);
        assertThat(letter.value()).hasSize(KEEP);
        assertThat(RobustDriver.header(letter, "radar.dlq.original-bytes")).isEqualTo(Integer.toString(5 * MAX_RECORD));
    }

    @Test
    void aBodyThatNfkcNormalisationTakesOverTheBodyLimitIsTooLarge() {
        // U+FDFA is 3 bytes of UTF-8 and 18 characters (33 bytes) in NFKC: 800 bytes as sent, 6,800 normalised
        String body = "\uFDFA ".repeat(200);
        radar.publish("ligatures", RobustDriver.article("ligatures", body, "2024-03-05T10:00:00Z"));

        TestRecord<byte[], byte[]> letter = radar.deadLetters.readRecord();
        assertThat(RobustDriver.header(letter, "radar.dlq.reason")).isEqualTo("BODY_TOO_LARGE");
        assertThat(RobustDriver.header(letter, "radar.dlq.message")).contains("NFKC", "(800 as sent)");
        assertThat(radar.articleStore().get("ligatures")).isNull();
    }

    @Test
    void deadLetterHeaderValuesAreCapped() {
        Headers headers = new RecordHeaders();
        IntakeProcessor.put(headers, IntakeProcessor.MESSAGE_HEADER, "x".repeat(5_000));
        String message =
                new String(headers.lastHeader(IntakeProcessor.MESSAGE_HEADER).value(), StandardCharsets.UTF_8);
        assertThat(message).hasSize(IntakeProcessor.MAX_HEADER_CHARS).endsWith("…");
    }

    @Test
    void limitsThatCannotHoldTheirDeadLettersFailAtBuild() {
        assertThatThrownBy(() -> build(Map.of("radar.validation.dead-letter-keep-bytes", "2000000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("radar.validation.dead-letter-keep-bytes");
        assertThatThrownBy(() -> build(Map.of("radar.validation.max-record-bytes", "8380000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("radar.topics.max-message-bytes");
        assertThatThrownBy(() -> build(Map.of("radar.topics.max-message-bytes", "1000000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("radar.validation.max-record-bytes");
    }

    private static void build(Map<String, String> overrides) {
        RadarTopology.build(TestConfig.radar(overrides), RobustDriver.ENGINE);
    }
}

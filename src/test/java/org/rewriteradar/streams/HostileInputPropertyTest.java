package org.rewriteradar.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.apache.kafka.streams.test.TestRecord;
import org.rewriteradar.SharedData;
import org.rewriteradar.model.RewriteAlert;

/**
 * Throws hostile records at the real topology ({@link RobustDriver}: {@code TopologyTestDriver} with the
 * service's exception handlers): dates at the edges of {@link Instant} and of epoch milliseconds, far
 * future and far past, ids of 1 MB and of control characters, invalid UTF-8, deep JSON nesting, every
 * field with the wrong JSON type, HTML-only and empty-after-cleaning bodies, duplicated keys, huge
 * titles, truncated and empty records. One driver serves all tries, so the records meet each other's
 * state (the same ids come back as revisions and re-sends). For every record: no exception escapes,
 * and it is accounted for, either dead-lettered once with a known reason (unchanged, when intake
 * refused it) or stored under its id with its text; no record reaches the last-line handlers. Afterwards
 * the seed pair still alerts.
 *
 * <p>500 tries with a fixed seed by default (about 15 s); more with
 * {@code -Djqwik.tries.default=5000}.
 */
class HostileInputPropertyTest {

    private static final Duration TICK = Duration.ofSeconds(1);
    private static final String WORDS =
            "the council approved bridge after long debate work starts may mayor said travel times commuters"
                    + " police asked drivers avoid valley road water recedes schools villages closed";
    private static final Set<String> REASONS =
            Arrays.stream(ArticleValidator.Reason.values()).map(Enum::name).collect(Collectors.toSet());

    private RobustDriver radar;
    private ArticleValidator oracle;
    private Instant wallClock;
    private long lastLineFailures;
    private final Map<String, Integer> outcomes = new TreeMap<>();

    /** One record: key and value bytes as they arrive, and what the generator meant by it. */
    record Hostile(String label, byte[] key, byte[] value) {
        @Override
        public String toString() {
            String v =
                    value == null ? "null" : new String(value, 0, Math.min(value.length, 300), StandardCharsets.UTF_8);
            return label + " (" + (value == null ? 0 : value.length) + " bytes): " + v;
        }
    }

    @BeforeProperty
    void start() {
        wallClock = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // a century of retention: the seed pair (2022) must still meet after hostile dates up to now + 1 day
        radar = new RobustDriver(
                "radar-hostile",
                Map.of(
                        "radar.validation.max-body-bytes", "65536",
                        "radar.index.retention", "P36500D",
                        "radar.index.sweep-interval", "PT10S"),
                wallClock);
        var validation = radar.config.validation();
        oracle = new ArticleValidator(
                validation.maxBodyBytes(),
                validation.maxIdBytes(),
                validation.maxFieldBytes(),
                validation.maxFutureSkew());
        lastLineFailures = lastLineFailures();
    }

    @AfterProperty
    void seedPairStillAlertsAfterwards() {
        try {
            System.out.println("HostileInputPropertyTest outcomes: " + outcomes);
            if (!Files.isDirectory(SharedData.root().resolve("data/seeds"))) {
                System.out.println("HostileInputPropertyTest: ../shared/data/seeds absent; seed pair not checked");
                return;
            }
            radar.alerts.readRecordsToList();
            radar.publish(SharedData.SEED_ORIGINAL_ID, SharedData.seedOriginalJson());
            radar.publish(SharedData.SEED_REWRITE_ID, SharedData.seedRewriteJson());

            List<RewriteAlert> found = radar.alerts.readValuesToList();
            assertThat(found).singleElement().satisfies(alert -> {
                assertThat(alert.article().id()).isEqualTo(SharedData.SEED_REWRITE_ID);
                assertThat(alert.original().id()).isEqualTo(SharedData.SEED_ORIGINAL_ID);
            });
            assertThat(lastLineFailures()).isEqualTo(lastLineFailures);
        } finally {
            radar.close();
        }
    }

    @Property(seed = "20261203", shrinking = ShrinkingMode.OFF)
    void everyHostileRecordIsAccountedForAndNothingEscapes(@ForAll("hostile") Hostile record) {
        radar.articles.pipeInput(record.key(), record.value());

        List<TestRecord<byte[], byte[]>> dead = radar.deadLetters.readRecordsToList();
        radar.alerts.readValuesToList(); // alerts between hostile records are fine; they must deserialise
        assertThat(dead).as("dead letters for %s", record).hasSizeLessThanOrEqualTo(1);
        if (dead.size() == 1) {
            TestRecord<byte[], byte[]> letter = dead.get(0);
            String reason = RobustDriver.header(letter, "radar.dlq.reason");
            String stage = RobustDriver.header(letter, "radar.dlq.stage");
            assertThat(reason).as("reason for %s", record).isIn(REASONS);
            // UNPROCESSABLE is the defect path: hostile input must be refused for what it is
            assertThat(reason).as("reason for %s", record).isNotEqualTo("UNPROCESSABLE");
            assertThat(RobustDriver.header(letter, "radar.dlq.message")).isNotBlank();
            assertThat(stage).isIn(IntakeProcessor.STAGE, VersionProcessor.STAGE);
            if (reason.equals("RECORD_TOO_LARGE")) {
                // over the whole-record limit: value and key cut to their first dead-letter-keep-bytes
                int keep = radar.config.validation().deadLetterKeepBytes();
                assertThat(letter.value())
                        .as("cut value of %s", record)
                        .isEqualTo(Arrays.copyOf(record.value(), Math.min(keep, record.value().length)));
                assertThat(letter.key())
                        .isEqualTo(
                                record.key() == null
                                        ? null
                                        : Arrays.copyOf(record.key(), Math.min(keep, record.key().length)));
                assertThat(RobustDriver.header(letter, "radar.dlq.original-value-bytes"))
                        .isEqualTo(Integer.toString(record.value().length));
            } else if (stage.equals(IntakeProcessor.STAGE)) {
                assertThat(letter.value()).as("unchanged value of %s", record).isEqualTo(record.value());
                assertThat(letter.key()).isEqualTo(record.key());
            }
            outcomes.merge(reason, 1, Integer::sum);
        } else {
            ArticleValidator.Result result = oracle.validate(record.value(), wallClock);
            assertThat(result.isValid())
                    .as("%s was neither dead-lettered nor valid (%s)", record, result.message())
                    .isTrue();
            StoredArticle stored = radar.articleStore().get(result.event().id());
            assertThat(stored).as("stored %s", record).isNotNull();
            long textHash = RobustDriver.ENGINE
                    .fingerprint(
                            result.event().id(),
                            result.event().title(),
                            result.event().body())
                    .textHash();
            assertThat(stored.fingerprint().textHash()).isEqualTo(textHash);
            assertThat(stored.fingerprint().text())
                    .as("text of stored %s (an empty one is refused as NO_TEXT)", record)
                    .isNotEmpty();
            assertThat(stored.ref().publishedAt())
                    .as("publishedAt of %s", record)
                    .isBetween(ArticleValidator.EARLIEST_PUBLISHED_AT, latestAccepted());
            outcomes.merge("STORED", 1, Integer::sum);
        }
        assertThat(lastLineFailures())
                .as("last-line handler failures after %s", record)
                .isEqualTo(lastLineFailures);
        radar.driver.advanceWallClockTime(TICK); // every tenth record, the retention sweeps run
        wallClock = wallClock.plus(TICK);
    }

    /** The latest {@code publishedAt} intake accepts now: the wall clock plus the future skew. */
    private Instant latestAccepted() {
        return wallClock.plus(radar.config.validation().maxFutureSkew());
    }

    private static long lastLineFailures() {
        return StreamFailures.total("processing")
                + StreamFailures.total("deserialization")
                + StreamFailures.total("production");
    }

    // ------------------------------------------------------------------ generators

    @Provide
    Arbitrary<Hostile> hostile() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, assembled()),
                Tuple.of(2, assembled().flatMap(HostileInputPropertyTest::mangled)),
                Tuple.of(2, raw()));
    }

    /** A JSON object whose every member may be hostile. */
    private Arbitrary<Hostile> assembled() {
        return Combinators.combine(idValue(), bodyValue(), dateValue(), titleValue(), extra(), keyBytes())
                .as((id, body, date, title, extra, key) -> {
                    List<String> members = new ArrayList<>();
                    if (id != null) {
                        members.add("\"id\":" + id);
                    }
                    if (body != null) {
                        members.add("\"body\":" + body);
                    }
                    if (date != null) {
                        members.add("\"publishedAt\":" + date);
                    }
                    if (title != null) {
                        members.add("\"title\":" + title);
                    }
                    if (extra != null) {
                        members.add(extra);
                    }
                    String json = "{" + String.join(",", members) + "}";
                    String label = "object id=" + abbreviate(id) + " body=" + abbreviate(body) + " date="
                            + abbreviate(date) + " title=" + abbreviate(title) + " extra=" + abbreviate(extra);
                    return new Hostile(label, key, json.getBytes(StandardCharsets.UTF_8));
                });
    }

    private static Arbitrary<String> idValue() {
        return Arbitraries.frequencyOf(
                Tuple.of(
                        12,
                        Arbitraries.of("h-1", "h-2", "h-3", "h-4", "ünï-ø", "日本-1", " h-1 ", "h\u00a01")
                                .map(HostileInputPropertyTest::json)),
                Tuple.of(
                        1,
                        Arbitraries.strings()
                                .withChars('\u0000', '\u0001', '\u001f', '\u007f', '\u0085', 'a', '\n')
                                .ofMinLength(1)
                                .ofMaxLength(6)
                                .map(HostileInputPropertyTest::json)),
                // multi-byte ids around the 512-byte limit, and far beyond it
                Tuple.of(
                        1,
                        Arbitraries.of(513, 512, 171, 170).map(n -> json("\u20ac".repeat(n / 3) + "x".repeat(n % 3)))),
                Tuple.of(1, Arbitraries.just(json("x".repeat(1 << 20)))),
                Tuple.of(
                        2,
                        Arbitraries.of(
                                "42",
                                "-0",
                                "1e400",
                                "12345678901234567890123",
                                "3.5",
                                "{}",
                                "[]",
                                "true",
                                "null",
                                "{\"id\":\"h-1\"}",
                                "[\"h-1\"]",
                                "\"\"",
                                "\"   \"",
                                "\"\\ud800\"",
                                "\"\\udfff-h\"")),
                Tuple.of(1, Arbitraries.just((String) null)));
    }

    private static Arbitrary<String> bodyValue() {
        return Arbitraries.frequencyOf(
                Tuple.of(12, sentences().map(HostileInputPropertyTest::json)),
                Tuple.of(
                        3,
                        Arbitraries.of(
                                        "<script>alert(1)</script>",
                                        "<p> </p>",
                                        "<!-- only a comment -->",
                                        "&nbsp;&nbsp;&#8203;",
                                        "<style>p{color:red}</style><br/><br/>",
                                        "<div><img src=x onerror=alert(1)></div>",
                                        "Exit mobile version",
                                        "Share this: Facebook Twitter",
                                        "\u200b\u200b\u200b",
                                        ".",
                                        "\"\"\"",
                                        "<<<<>>>>",
                                        "<a href='x'>" + "<b>".repeat(2000) + "deep" + "</b>".repeat(2000) + "</a>")
                                .map(HostileInputPropertyTest::json)),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(400).map(HostileInputPropertyTest::json)),
                Tuple.of(
                        1,
                        Arbitraries.strings()
                                .withCharRange('\u0000', '\u001f')
                                .ofMinLength(1)
                                .ofMaxLength(50)
                                .map(HostileInputPropertyTest::json)),
                Tuple.of(1, Arbitraries.of(65_536, 65_537, 70_000).map(n -> json("y".repeat(n)))),
                Tuple.of(1, Arbitraries.of("\"\"", "\" \"", "42", "{}", "[\"a\"]", "true", "null", "{\"text\":\"x\"}")),
                Tuple.of(1, Arbitraries.just((String) null)));
    }

    private static Arbitrary<String> sentences() {
        String[] words = WORDS.split(" ");
        return Arbitraries.of(words).list().ofMinSize(3).ofMaxSize(60).map(ws -> String.join(" ", ws) + ".");
    }

    private static Arbitrary<String> dateValue() {
        Instant now = Instant.now();
        return Arbitraries.frequencyOf(
                Tuple.of(
                        3,
                        Arbitraries.of(
                                        "-999999999-01-01T00:00:00Z",
                                        "+999999999-12-31T23:59:59.999999999Z",
                                        "-1000000000-01-01T00:00:00Z",
                                        "+1000000000-12-31T23:59:59.999999999Z",
                                        Instant.ofEpochMilli(Long.MIN_VALUE).toString(),
                                        Instant.ofEpochMilli(Long.MAX_VALUE).toString(),
                                        Instant.ofEpochMilli(Long.MIN_VALUE)
                                                .minusMillis(1)
                                                .toString(),
                                        Instant.ofEpochMilli(Long.MAX_VALUE)
                                                .plusMillis(1)
                                                .toString(),
                                        Instant.EPOCH.toString(),
                                        "1899-12-31T23:59:59.999Z",
                                        "1900-01-01T00:00:00Z",
                                        "1900-01-01T00:00:00+18:00",
                                        "1900-01-01T00:00:00-18:00",
                                        "9999-01-01T00:00:00Z",
                                        "2062-03-05T10:00:00Z",
                                        "2022-01-27T18:00:00Z",
                                        "2024-02-30T10:00:00Z",
                                        "2024-03-05T10:00:00",
                                        "2024-03-05",
                                        "yesterday",
                                        "",
                                        "  2024-03-05T10:00:00Z  ")
                                .map(HostileInputPropertyTest::json)),
                Tuple.of(
                        1,
                        Arbitraries.longs()
                                .between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())
                                .map(s -> json(Instant.ofEpochSecond(s).toString()))),
                // 1900 to three days ahead: mostly accepted
                Tuple.of(
                        10,
                        Arbitraries.longs()
                                .between(
                                        -2_208_988_800L,
                                        now.plus(Duration.ofDays(3)).getEpochSecond())
                                .map(s -> json(Instant.ofEpochSecond(s).toString()))),
                // around the future-skew limit (the driver's clock moves a second per record)
                Tuple.of(
                        2,
                        Arbitraries.longs()
                                .between(-5, 600)
                                .map(s -> json(now.plus(Duration.ofDays(1))
                                        .plusSeconds(s)
                                        .toString()))),
                Tuple.of(1, Arbitraries.of("1709632800000", "{}", "[]", "true", "null", "1e400")),
                Tuple.of(1, Arbitraries.just((String) null)));
    }

    private static Arbitrary<String> titleValue() {
        return Arbitraries.frequencyOf(
                Tuple.of(
                        8,
                        Arbitraries.of("Council approves bridge", "", "<h1>t</h1>")
                                .map(HostileInputPropertyTest::json)),
                Tuple.of(1, Arbitraries.of(16_384, 16_385, 1 << 20).map(n -> json("t".repeat(n)))),
                Tuple.of(1, Arbitraries.of("42", "{}", "[]", "true", "null")),
                Tuple.of(3, Arbitraries.just((String) null)));
    }

    /** An extra member: nothing, a duplicated key, an unknown field, a deeply nested value. */
    private static Arbitrary<String> extra() {
        return Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.just((String) null)),
                Tuple.of(
                        3,
                        Arbitraries.of(
                                "\"id\":\"h-2\"",
                                "\"id\":null",
                                "\"body\":\"A different body for the same record.\"",
                                "\"publishedAt\":\"9999-01-01T00:00:00Z\"",
                                "\"publishedAt\":\"2024-03-05T10:00:00Z\"",
                                "\"unknown\":{\"nested\":[1,2,3]}",
                                "\"language\":[\"en\"]",
                                "\"url\":\"https://example.org/" + "u".repeat(20_000) + "\"")),
                Tuple.of(1, Arbitraries.of(10, 999, 1000, 1001, 5000, 100_000).map(n -> "\"deep\":" + nested(n))));
    }

    private static Arbitrary<byte[]> keyBytes() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of("h-1", "h-2", "other").map(k -> k.getBytes(StandardCharsets.UTF_8))),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(40)),
                Tuple.of(1, Arbitraries.just(new byte[1 << 20])),
                Tuple.of(1, Arbitraries.just((byte[]) null)));
    }

    /** A valid-looking record broken at the byte level. */
    private static Arbitrary<Hostile> mangled(Hostile base) {
        byte[] v = base.value();
        return Arbitraries.oneOf(
                Arbitraries.integers()
                        .between(0, v.length)
                        .map(cut -> new Hostile(
                                "truncated at " + cut + " " + base.label(), base.key(), Arrays.copyOf(v, cut))),
                Arbitraries.of(
                                new byte[] {(byte) 0xC3, 0x28},
                                new byte[] {(byte) 0xFF},
                                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                                new byte[] {(byte) 0xC0, (byte) 0x80},
                                new byte[] {0})
                        .flatMap(bad -> Arbitraries.integers()
                                .between(0, v.length)
                                .map(at -> new Hostile(
                                        "invalid UTF-8 " + Arrays.toString(bad) + " at " + at + " " + base.label(),
                                        base.key(),
                                        insert(v, at, bad)))),
                Arbitraries.just(new Hostile(
                        "BOM " + base.label(),
                        base.key(),
                        concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, v))),
                Arbitraries.just(new Hostile("twice " + base.label(), base.key(), concat(v, v))));
    }

    /** Records that are not a JSON object at all. */
    private static Arbitrary<Hostile> raw() {
        return Combinators.combine(
                        Arbitraries.oneOf(
                                Arbitraries.of(
                                                "",
                                                " ",
                                                "null",
                                                "42",
                                                "\"str\"",
                                                "[]",
                                                "[1,2,3]",
                                                "{",
                                                "}",
                                                "{}",
                                                "{\"id\":",
                                                "{\"id\":\"h-1\"",
                                                "{'id':'h-1'}",
                                                "\u0000",
                                                "{\"id\":\"h-1\",}",
                                                "{\"id\":\"h-1\" \"body\":\"x\"}")
                                        .map(s -> s.getBytes(StandardCharsets.UTF_8)),
                                Arbitraries.of(10, 1000, 1001, 100_000, 1_000_000)
                                        .map(n -> ("[".repeat(n) + "]".repeat(n)).getBytes(StandardCharsets.UTF_8)),
                                Arbitraries.of(1000, 100_000).map(n -> nested(n).getBytes(StandardCharsets.UTF_8)),
                                Arbitraries.bytes().array(byte[].class).ofMaxSize(200),
                                Arbitraries.just((byte[]) null)),
                        keyBytes())
                .as((value, key) -> new Hostile("raw", key, value));
    }

    private static String nested(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    private static String json(String s) {
        try {
            return JsonSerdes.MAPPER.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "absent" : s.length() <= 40 ? s : s.substring(0, 40) + "…(" + s.length() + ")";
    }

    private static byte[] insert(byte[] v, int at, byte[] bad) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(v, 0, at);
        out.write(bad, 0, bad.length);
        out.write(v, at, v.length - at);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

package org.rewriteradar.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.rewriteradar.StateDirs;
import org.rewriteradar.TestConfig;
import org.rewriteradar.similarity.ArticleFingerprint;

/**
 * The exception handlers as the service configures them: a failing stage, an unreadable record and an
 * unwritable one are skipped and counted, and the stream goes on; Kafka Streams' own failures and an
 * unknown record format still stop it. And the stages that hold an article dead-letter it themselves.
 */
class StreamErrorHandlersTest {

    private static final String BODY =
            "The city council approved the new bridge on Tuesday after a long debate. Work starts in May and should"
                    + " take two years. The mayor said the bridge would cut travel times for thousands of commuters.";

    @Test
    void serviceConfiguresAllThreeHandlers() throws Exception {
        Map<String, String> handlers = RobustDriver.serviceHandlers();

        assertThat(handlers)
                .containsOnlyKeys(
                        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                        StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG);
        assertThat(Class.forName(handlers.get(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG)))
                .isEqualTo(RadarDeserializationExceptionHandler.class)
                .isAssignableTo(DeserializationExceptionHandler.class);
        assertThat(Class.forName(handlers.get(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG)))
                .isEqualTo(RadarProcessingExceptionHandler.class)
                .isAssignableTo(ProcessingExceptionHandler.class);
        assertThat(Class.forName(handlers.get(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG)))
                .isEqualTo(RadarProductionExceptionHandler.class)
                .isAssignableTo(ProductionExceptionHandler.class);
    }

    /**
     * source (throws on "unreadable") → stage "explode" (throws on "boom") → sink (throws on "unwritable"),
     * run with the service's handlers: each failure is skipped and counted, the good records go through.
     */
    @Test
    void skipsAndCountsWhatFailsAtAnyStepAndKeepsGoing() {
        Deserializer<String> source = (topic, data) -> {
            String s = new String(data, StandardCharsets.UTF_8);
            if (s.equals("unreadable")) {
                throw new SerializationException("cannot read");
            }
            return s;
        };
        Serializer<String> sink = (topic, data) -> {
            if (data.equals("unwritable")) {
                throw new SerializationException("cannot write");
            }
            return data.getBytes(StandardCharsets.UTF_8);
        };
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.serdeFrom(new StringSerializer(), source)))
                .mapValues(
                        v -> {
                            if (v.equals("boom")) {
                                throw new IllegalStateException("stage defect");
                            }
                            return v;
                        },
                        Named.as("explode"))
                .to("out", Produced.with(Serdes.String(), Serdes.serdeFrom(sink, new StringDeserializer())));
        long processing = StreamFailures.count("processing", "explode");
        long deserialization = StreamFailures.total("deserialization");
        long production = StreamFailures.total("production");

        Path dir = StateDirs.fresh("radar-handlers");
        Properties props = TestConfig.driverProperties("radar-handlers", dir);
        props.putAll(RobustDriver.serviceHandlers());
        try (var driver = new TopologyTestDriver(builder.build(), props)) {
            var in = driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
            var out = driver.createOutputTopic("out", new StringDeserializer(), new StringDeserializer());
            for (String v : new String[] {"a", "boom", "b", "unreadable", "c", "unwritable", "d"}) {
                in.pipeInput("k", v);
            }

            assertThat(out.readValuesToList()).containsExactly("a", "b", "c", "d");
        } finally {
            StateDirs.delete(dir);
        }
        assertThat(StreamFailures.count("processing", "explode")).isEqualTo(processing + 1);
        assertThat(StreamFailures.total("deserialization")).isEqualTo(deserialization + 1);
        assertThat(StreamFailures.total("production")).isEqualTo(production + 1);
    }

    /** A retention sweep that throws (a punctuation) is skipped and counted; the next record still goes through. */
    @Test
    void skipsAndCountsAFailingPunctuation() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .process(
                        () -> new ContextualProcessor<String, String, String, String>() {
                            @Override
                            public void init(ProcessorContext<String, String> context) {
                                super.init(context);
                                context.schedule(Duration.ofSeconds(1), PunctuationType.WALL_CLOCK_TIME, now -> {
                                    throw new ArithmeticException("long overflow");
                                });
                            }

                            @Override
                            public void process(Record<String, String> r) {
                                context().forward(r);
                            }
                        },
                        Named.as("sweeping"))
                .to("out", Produced.with(Serdes.String(), Serdes.String()));
        long before = StreamFailures.count("processing", "sweeping");

        Path dir = StateDirs.fresh("radar-punctuation");
        Properties props = TestConfig.driverProperties("radar-punctuation", dir);
        props.putAll(RobustDriver.serviceHandlers());
        try (var driver = new TopologyTestDriver(builder.build(), props)) {
            var in = driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
            var out = driver.createOutputTopic("out", new StringDeserializer(), new StringDeserializer());
            in.pipeInput("k", "a");
            driver.advanceWallClockTime(Duration.ofSeconds(2));
            in.pipeInput("k", "b");

            assertThat(out.readValuesToList()).containsExactly("a", "b");
        } finally {
            StateDirs.delete(dir);
        }
        assertThat(StreamFailures.count("processing", "sweeping")).isEqualTo(before + 1);
    }

    @Test
    void streamsOwnFailuresAndUnknownFormatsStayFatal() {
        assertThat(StreamFailures.isFatal(new ProcessorStateException("disk full")))
                .isTrue();
        assertThat(StreamFailures.isFatal(new IllegalStateException(
                        "wrapped", new IllegalArgumentException("unsupported fingerprint format version 9"))))
                .isTrue();
        assertThat(StreamFailures.isFatal(new IllegalArgumentException("unsupported binary record format 7")))
                .isTrue();
        assertThat(StreamFailures.isFatal(new IllegalArgumentException("unsupported candidate progress format 3")))
                .isTrue();
        assertThat(StreamFailures.isFatal(new ArithmeticException("long overflow")))
                .isFalse();
        assertThat(StreamFailures.isFatal(new IllegalArgumentException("truncated binary record")))
                .isFalse();
        assertThat(StreamFailures.isFatal(new NullPointerException())).isFalse();
    }

    /** The codecs' own messages, which {@link StreamFailures#isFatal} recognises, are what they throw. */
    @Test
    void recognisesTheCodecsUnknownFormatMessage() {
        byte[] bad = {(byte) 0x7f, 1, 2, 3};
        assertThatThrownBy(() -> BinarySerdes.STORED_ARTICLE.deserializer().deserialize("t", bad))
                .satisfies(e -> assertThat(StreamFailures.isFatal(e)).isTrue());
    }

    @Test
    void aProcessingHandlerFailureOnAFatalErrorFails() {
        var handler = new RadarProcessingExceptionHandler();
        assertThat(handler.handle(context("buckets"), null, new ProcessorStateException("x")))
                .isEqualTo(ProcessingExceptionHandler.ProcessingHandlerResponse.FAIL);
        assertThat(handler.handle(context("buckets"), null, new IllegalStateException("x")))
                .isEqualTo(ProcessingExceptionHandler.ProcessingHandlerResponse.CONTINUE);
    }

    @Test
    void deadLettersAnArticleWhoseStoredFormCannotBeWrittenAndKeepsProcessing() {
        long guarded = StreamFailures.count("guard", "versions");
        VersionProcessor.Fingerprinter unstorable = (id, title, body) -> {
            ArticleFingerprint fp = RobustDriver.ENGINE.fingerprint(id, title, body);
            if (!body.startsWith("[unstorable]")) {
                return fp;
            }
            return new ArticleFingerprint(
                    fp.id(),
                    fp.text(),
                    fp.textHash(),
                    fp.tokens(),
                    fp.contentTerms(),
                    fp.shingles(),
                    fp.skeleton(),
                    fp.sentenceTerms(),
                    new int[] {0, fp.sentenceTerms().length + 5}, // past the terms: its encoding throws
                    fp.keys());
        };
        try (var radar = new RobustDriver("radar-unstorable", Map.of(), Instant.now(), unstorable)) {
            radar.publish("p-1", RobustDriver.article("p-1", "[unstorable] " + BODY, "2024-03-05T10:00:00Z"));
            radar.publish("a-1", RobustDriver.article("a-1", BODY, "2024-03-05T10:00:00Z"));

            TestRecord<byte[], byte[]> dead = radar.deadLetters.readRecord();
            assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("p-1");
            assertThat(RobustDriver.header(dead, "radar.dlq.reason")).isEqualTo("UNPROCESSABLE");
            assertThat(RobustDriver.header(dead, "radar.dlq.stage")).isEqualTo("versions");
            assertThat(radar.deadLetters.isEmpty()).isTrue();
            assertThat(radar.articleStore().get("p-1")).isNull();
            assertThat(radar.articleStore().get("a-1")).isNotNull();
        }
        assertThat(StreamFailures.count("guard", "versions")).isEqualTo(guarded + 1);
    }

    private static org.apache.kafka.streams.errors.ErrorHandlerContext context(String node) {
        return new org.apache.kafka.streams.errors.ErrorHandlerContext() {
            public String topic() {
                return "t";
            }

            public int partition() {
                return 0;
            }

            public long offset() {
                return 0;
            }

            public org.apache.kafka.common.header.Headers headers() {
                return new org.apache.kafka.common.header.internals.RecordHeaders();
            }

            public String processorNodeId() {
                return node;
            }

            public org.apache.kafka.streams.processor.TaskId taskId() {
                return new org.apache.kafka.streams.processor.TaskId(0, 0);
            }

            public long timestamp() {
                return 0;
            }

            public byte[] sourceRawKey() {
                return null;
            }

            public byte[] sourceRawValue() {
                return null;
            }
        };
    }
}

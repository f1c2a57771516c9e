package org.rewriteradar.streams;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.rewriteradar.StateDirs;
import org.rewriteradar.TestConfig;
import org.rewriteradar.config.RadarConfig;
import org.rewriteradar.model.RewriteAlert;
import org.rewriteradar.similarity.DetectionSettings;
import org.rewriteradar.similarity.RewriteEngine;

/**
 * The real topology in a {@link TopologyTestDriver}, with the exception handlers exactly as
 * {@code application.properties} configures them for the service.
 */
final class RobustDriver implements AutoCloseable {

    static final RewriteEngine ENGINE = new RewriteEngine(DetectionSettings.defaults());

    final RadarConfig config;
    final TopologyTestDriver driver;
    final TestInputTopic<byte[], byte[]> articles;
    final TestOutputTopic<String, RewriteAlert> alerts;
    final TestOutputTopic<byte[], byte[]> deadLetters;
    private final Path stateDir;

    RobustDriver(String name, Map<String, String> overrides, Instant wallClock) {
        this(name, overrides, wallClock, ENGINE::fingerprint);
    }

    RobustDriver(
            String name,
            Map<String, String> overrides,
            Instant wallClock,
            VersionProcessor.Fingerprinter fingerprinter) {
        stateDir = StateDirs.fresh(name);
        config = TestConfig.radar(overrides);
        Properties props = TestConfig.driverProperties(name, stateDir);
        props.putAll(serviceHandlers());
        driver = new TopologyTestDriver(RadarTopology.build(config, ENGINE, fingerprinter), props, wallClock);
        articles = driver.createInputTopic(
                config.topics().articles(), new ByteArraySerializer(), new ByteArraySerializer());
        alerts = driver.createOutputTopic(
                config.topics().alerts(), new StringDeserializer(), RadarTopology.ALERT_SERDE.deserializer());
        deadLetters = driver.createOutputTopic(
                config.topics().deadLetter(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The {@code kafka-streams.*exception.handler} settings of the service's {@code application.properties}. */
    static Map<String, String> serviceHandlers() {
        Properties app = new Properties();
        try (InputStream in = RobustDriver.class.getResourceAsStream("/application.properties")) {
            app.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> handlers = new java.util.TreeMap<>();
        for (String name : app.stringPropertyNames()) {
            if (name.startsWith("kafka-streams.") && name.endsWith("exception.handler")) {
                handlers.put(name.substring("kafka-streams.".length()), app.getProperty(name));
            }
        }
        return handlers;
    }

    void publish(String key, String json) {
        articles.pipeInput(
                key == null ? null : key.getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8));
    }

    KeyValueStore<String, StoredArticle> articleStore() {
        return driver.getKeyValueStore(RadarTopology.ARTICLE_STORE);
    }

    static String header(TestRecord<byte[], byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** A small valid article event. */
    static String article(String id, String body, String publishedAt) {
        return "{\"id\":\"" + id + "\",\"title\":\"T\",\"body\":\"" + body + "\",\"publishedAt\":\"" + publishedAt
                + "\"}";
    }

    @Override
    public void close() {
        driver.close();
        StateDirs.delete(stateDir);
    }
}

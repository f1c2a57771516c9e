package org.rewriteradar.kafka;

import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The application's own Kafka Streams settings for tests that build {@code KafkaStreams} by hand: read
 * from {@code src/main/resources/application.properties} through SmallRye Config (environment and system
 * properties override it, expressions expand) and taken from the {@code kafka-streams.*} prefix the way
 * Quarkus passes them to Kafka Streams. A test overrides only where it runs (bootstrap servers, state
 * dir, application id and, for queries, application server), so a change of the service's settings —
 * say exactly-once to at-least-once — changes what these tests run too.
 */
public final class AppStreamsConfig {

    /** The service's configuration file, as shipped. */
    public static final Path APPLICATION_PROPERTIES = Path.of("src/main/resources/application.properties");

    static final String PREFIX = "kafka-streams.";

    private AppStreamsConfig() {}

    /** The service's configuration as the application sees it (default profile). */
    public static SmallRyeConfig appConfig() {
        Path file = APPLICATION_PROPERTIES.toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " not found: run the tests from the project directory");
        }
        try {
            return new SmallRyeConfigBuilder()
                    .addDefaultSources() // system properties and environment, as in the service
                    .addDefaultInterceptors() // ${...} expressions
                    .withSources(new PropertiesConfigSource(file.toUri().toURL(), 250))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every {@code kafka-streams.*} setting of the service, without the prefix (what Streams is given). */
    public static Map<String, String> streamsSettings() {
        SmallRyeConfig config = appConfig();
        Map<String, String> out = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            // as Quarkus does: a setting whose value is empty (e.g. ${RADAR_GROUP_INSTANCE_ID:} unset) is absent
            if (name.startsWith(PREFIX)) {
                config.getOptionalValue(name, String.class).ifPresent(v -> out.put(name.substring(PREFIX.length()), v));
            }
        }
        return out;
    }

    /** Where a {@code kafka-streams.*} setting came from and what it is, e.g. for processing.guarantee. */
    public static ConfigValue origin(String streamsSetting) {
        return appConfig().getConfigValue(PREFIX + streamsSetting);
    }

    /**
     * The transactional ids of the producers an application runs on a broker: with exactly_once_v2 every
     * stream thread writes through a transactional producer named {@code <application id>-<process
     * id>-<thread>}; with at_least_once there is none. Proof of the guarantee the running instances use.
     */
    public static List<String> transactionalIds(String bootstrapServers, String applicationId) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return admin.listTransactions().all().get(30, TimeUnit.SECONDS).stream()
                    .map(TransactionListing::transactionalId)
                    .filter(id -> id.startsWith(applicationId + "-"))
                    .sorted()
                    .toList();
        } catch (Exception e) {
            throw new IllegalStateException("could not list the transactions on " + bootstrapServers, e);
        }
    }

    /**
     * The service's Streams properties for a run against a test broker: the application's settings with
     * only bootstrap servers, application id and state dir replaced.
     */
    public static Properties forTest(String bootstrapServers, String applicationId, Path stateDir) {
        Properties p = new Properties();
        p.putAll(streamsSettings());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return p;
    }
}

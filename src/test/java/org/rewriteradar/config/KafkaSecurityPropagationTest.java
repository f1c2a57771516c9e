package org.rewriteradar.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.kafka.client.runtime.KafkaRuntimeConfigProducer;
import io.quarkus.kafka.streams.runtime.KafkaStreamsRuntimeConfig;
import io.quarkus.runtime.ApplicationConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.InetSocketAddressConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.Test;
import org.rewriteradar.kafka.AppStreamsConfig;
import org.rewriteradar.streams.TopicCreator;

/**
 * The Kafka security settings given as environment variables (as the StatefulSet gives them, from Secrets)
 * reach, through Quarkus' own code, the default Kafka configuration (the base of every messaging channel),
 * the Kafka Streams client and the admin client of TopicCreator, identically.
 */
class KafkaSecurityPropagationTest {

    static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required"
            + " username=\"rewrite-radar\" password=\"s3cret\";";

    /** What the prod overlay's StatefulSet sets, with the Secret's value filled in. */
    static final Map<String, String> ENV = Map.of(
            "KAFKA_BOOTSTRAP_SERVERS", "radar-kafka-kafka-bootstrap:9093",
            "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
            "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
            "KAFKA_SASL_JAAS_CONFIG", JAAS,
            "KAFKA_SSL_TRUSTSTORE_TYPE", "PEM",
            "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/rewrite-radar/kafka-ca/ca.crt",
            "RADAR_GROUP_INSTANCE_ID", "rewrite-radar-1",
            "RADAR_STANDBY_REPLICAS", "1");

    static final Map<String, String> EXPECTED = Map.of(
            "bootstrap.servers", "radar-kafka-kafka-bootstrap:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", JAAS,
            "ssl.truststore.type", "PEM",
            "ssl.truststore.location", "/etc/rewrite-radar/kafka-ca/ca.crt");

    static SmallRyeConfig config(Map<String, String> env) throws Exception {
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withSources(new EnvConfigSource(env, 300))
                .withSources(new PropertiesConfigSource(
                        AppStreamsConfig.APPLICATION_PROPERTIES.toUri().toURL(), 250))
                // Quarkus' converters for its own mapping, as in the application
                .withConverter(InetSocketAddress.class, 200, new InetSocketAddressConverter())
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(KafkaStreamsRuntimeConfig.class)
                .build();
    }

    static Map<String, Object> defaultKafkaConfig(SmallRyeConfig config) {
        ApplicationConfig app = (ApplicationConfig) Proxy.newProxyInstance(
                ApplicationConfig.class.getClassLoader(),
                new Class<?>[] {ApplicationConfig.class},
                (proxy, method, args) ->
                        method.getName().equals("name") ? Optional.of("rewrite-radar") : Optional.empty());
        return new KafkaRuntimeConfigProducer().createKafkaRuntimeConfig(config, app);
    }

    /** Quarkus' own assembly of the Kafka Streams properties (KafkaStreamsProducer.getStreamsProperties). */
    static Properties streamsProperties(SmallRyeConfig config, Map<String, Object> kafkaConfig) throws Exception {
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            resolver.releaseConfig(resolver.getConfig(loader));
        } catch (RuntimeException ignored) {
            // none registered
        }
        resolver.registerConfig(config, loader);
        try {
            Method build = io.quarkus.kafka.streams.runtime.KafkaStreamsProducer.class.getDeclaredMethod(
                    "getStreamsProperties", Properties.class, Map.class, String.class, KafkaStreamsRuntimeConfig.class);
            build.setAccessible(true);
            return (Properties) build.invoke(
                    null,
                    new Properties(),
                    kafkaConfig,
                    config.getValue("kafka.bootstrap.servers", String.class),
                    config.getConfigMapping(KafkaStreamsRuntimeConfig.class));
        } finally {
            resolver.releaseConfig(config);
        }
    }

    @Test
    void environmentReachesMessagingStreamsAndAdminAlike() throws Exception {
        SmallRyeConfig config = config(ENV);

        Map<String, Object> kafka = defaultKafkaConfig(config);
        assertThat(kafka).as("default Kafka configuration (messaging channels)").containsAllEntriesOf(EXPECTED);

        Properties streams = streamsProperties(config, kafka);
        assertThat(streams).as("Kafka Streams client").containsAllEntriesOf(EXPECTED);
        assertThat(streams)
                .containsEntry("main.consumer.group.instance.id", "rewrite-radar-1")
                .containsEntry("num.standby.replicas", "1")
                .containsEntry("processing.guarantee", "exactly_once_v2");

        Map<String, Object> admin =
                TopicCreator.adminConfig(kafka, config.getValue("kafka.bootstrap.servers", String.class));
        assertThat(admin).as("TopicCreator's admin client").containsAllEntriesOf(EXPECTED);
    }

    @Test
    void withoutTheVariablesTheClientDefaultsApply() throws Exception {
        SmallRyeConfig config = config(Map.of());

        Map<String, Object> kafka = defaultKafkaConfig(config);
        Properties streams = streamsProperties(config, kafka);
        for (String name : EXPECTED.keySet()) {
            if (!name.equals("bootstrap.servers")) {
                assertThat(kafka).doesNotContainKey(name);
                assertThat(streams).doesNotContainKey(name);
            }
        }
        // no static membership unless an instance id is given; no standby
        assertThat(streams).doesNotContainKey("main.consumer.group.instance.id");
        assertThat(streams).containsEntry("num.standby.replicas", "0");
        assertThat(streams).containsEntry("bootstrap.servers", "localhost:9092");
    }
}

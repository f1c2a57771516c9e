package org.rewriteradar.streams;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.rewriteradar.config.RadarConfig;

/**
 * Creates the service's external topics (articles, alerts, dead letters) when
 * {@code radar.topics.create=true}, for local runs and small installations; on managed clusters topics
 * are usually created by the operators and this stays off. It sets the record-size limit
 * ({@code max.message.bytes}) each topic needs ({@link #topicConfigs}); topics that exist are left as
 * they are.
 */
@ApplicationScoped
public class TopicCreator {

    private static final Logger LOG = Logger.getLogger(TopicCreator.class);

    void onStart(
            @Observes StartupEvent event,
            RadarConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        RadarConfig.Topics topics = config.topics();
        if (!topics.create()) {
            return;
        }
        Map<String, Map<String, String>> configs = topicConfigs(config);
        Set<String> created = create(
                adminConfig(kafkaConfig, bootstrapServers), topics.partitions(), topics.replicationFactor(), configs);
        LOG.infof("Topics ready on %s (created: %s, with %s)", bootstrapServers, created, configs);
    }

    /**
     * The admin client's settings: those of Quarkus' default Kafka configuration (every {@code kafka.*}
     * setting and {@code KAFKA_*} environment variable: security protocol, SASL, TLS truststore...) that an
     * admin client knows, as the Kafka Streams client and messaging channels get them, with the bootstrap
     * servers and a 60 s API timeout.
     */
    public static Map<String, Object> adminConfig(Map<String, Object> kafkaConfig, String bootstrapServers) {
        Map<String, Object> out = new LinkedHashMap<>();
        Set<String> known = AdminClientConfig.configNames();
        kafkaConfig.forEach((name, value) -> {
            if (known.contains(name) && value != null && !String.valueOf(value).isEmpty()) {
                out.put(name, value);
            }
        });
        out.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        out.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000);
        return out;
    }

    /**
     * The service's topics, each with the configs its size limits need: the alert and dead-letter topics
     * accept what the service may write ({@code radar.topics.max-message-bytes}, as the Streams producer
     * and the internal topics do); the input topic accepts the records intake accepts ({@code
     * radar.validation.max-record-bytes} and the framing around it), so a publisher of a larger record
     * gets an error from the broker rather than a dead letter (a record in a compressed batch can still
     * pass the broker; intake then dead-letters it, cut).
     */
    public static Map<String, Map<String, String>> topicConfigs(RadarConfig config) {
        RadarConfig.Topics topics = config.topics();
        String written = Integer.toString(topics.maxMessageBytes());
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        out.putIfAbsent(
                topics.articles(),
                Map.of(
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                        Integer.toString(config.validation().maxRecordBytes() + IntakeProcessor.RECORD_HEADROOM)));
        out.putIfAbsent(topics.alerts(), Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, written));
        out.putIfAbsent(topics.deadLetter(), Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, written));
        return out;
    }

    /**
     * Creates those of {@code names} that do not exist yet, with the broker's topic defaults; returns the
     * ones it created.
     */
    public static Set<String> create(String bootstrapServers, int partitions, short replicas, String... names) {
        Map<String, Map<String, String>> topics = new LinkedHashMap<>();
        Arrays.stream(names).forEach(n -> topics.putIfAbsent(n, Map.of()));
        return create(bootstrapServers, partitions, replicas, topics);
    }

    /**
     * Creates those of {@code topics} (name to topic configs) that do not exist yet, each with its configs;
     * returns the ones it created.
     */
    public static Set<String> create(
            String bootstrapServers, int partitions, short replicas, Map<String, Map<String, String>> topics) {
        return create(adminConfig(Map.of(), bootstrapServers), partitions, replicas, topics);
    }

    /**
     * Creates those of {@code topics} (name to topic configs) that do not exist yet, each with its configs,
     * through an admin client with {@code adminConfig} ({@link #adminConfig}); returns the ones it created.
     */
    public static Set<String> create(
            Map<String, Object> adminConfig, int partitions, short replicas, Map<String, Map<String, String>> topics) {
        Object bootstrapServers = adminConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        try (Admin admin = Admin.create(adminConfig)) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.entrySet().stream()
                    .filter(t -> !existing.contains(t.getKey()))
                    .map(t -> new NewTopic(t.getKey(), partitions, replicas).configs(t.getValue()))
                    .toList();
            try {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("could not create topics " + missing, e.getCause());
                }
            }
            return missing.stream().map(NewTopic::name).collect(java.util.stream.Collectors.toSet());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not reach Kafka at " + bootstrapServers, e);
        }
    }
}

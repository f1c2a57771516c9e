package org.rewriteradar.streams;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.rewriteradar.config.RadarConfig;

/**
 * Creates the service's external topics (articles, alerts, dead letters) when
 * {@code radar.topics.create=true}, for local runs and small installations; on managed clusters topics
 * are usually created by the operators and this stays off.
 */
@ApplicationScoped
public class TopicCreator {

    private static final Logger LOG = Logger.getLogger(TopicCreator.class);

    void onStart(
            @Observes StartupEvent event,
            RadarConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        RadarConfig.Topics topics = config.topics();
        if (!topics.create()) {
            return;
        }
        Set<String> created = create(
                bootstrapServers,
                topics.partitions(),
                topics.replicationFactor(),
                topics.articles(),
                topics.alerts(),
                topics.deadLetter());
        LOG.infof("Topics ready on %s (created: %s)", bootstrapServers, created);
    }

    /** Creates those of {@code names} that do not exist yet; returns the ones it created. */
    public static Set<String> create(String bootstrapServers, int partitions, short replicas, String... names) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                60_000))) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = Arrays.stream(names)
                    .distinct()
                    .filter(n -> !existing.contains(n))
                    .map(n -> new NewTopic(n, partitions, replicas))
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

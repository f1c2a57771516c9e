package org.rewriteradar.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rewriteradar.StateDirs;
import org.rewriteradar.kafka.InJvmKafka;
import org.rewriteradar.model.RewriteAlert;
import org.rewriteradar.streams.RadarTopology;

/**
 * Two instances of the service (same application id, own state dirs) share the partitions of a real
 * broker and together must find exactly what the single-task reference finds: every alert once, none
 * missing, none doubled.
 */
class TwoInstancesIT {

    private final List<KafkaStreams> instances = new ArrayList<>();
    private final List<Path> dirs = new ArrayList<>();
    private final List<Throwable> streamErrors = new CopyOnWriteArrayList<>();
    private InJvmKafka kafka;

    @AfterEach
    void tearDown() {
        instances.forEach(s -> s.close(Duration.ofSeconds(20)));
        if (kafka != null) {
            kafka.close();
        }
        dirs.forEach(StateDirs::delete);
    }

    @Test
    @Timeout(180)
    void twoInstancesProduceTheSameAlertsAsOneNoneDoubled() {
        long started = System.nanoTime();
        Corpus corpus = Corpus.standard();
        List<RewriteAlert> reference = Reference.standard();
        assertThat(reference).hasSizeGreaterThanOrEqualTo(corpus.planned().size());

        kafka = InJvmKafka.start();
        String bootstrap = kafka.bootstrapServers();
        kafka.createTopics(Reference.PARTITIONS, ClusterSupport.ARTICLES, ClusterSupport.ALERTS, ClusterSupport.DLQ);

        String appId = "radar-two-" + UUID.randomUUID();
        Topology topology = RadarTopology.build(Reference.config(), Reference.engine());
        int tasks = topology.describe().subtopologies().size() * Reference.PARTITIONS;
        KafkaStreams a = start(appId, "a");
        KafkaStreams b = start(appId, "b");

        // both running, all tasks assigned once, each instance owning some
        await("tasks spread over both instances")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    assertNoStreamErrors();
                    if (a.state() != KafkaStreams.State.RUNNING || b.state() != KafkaStreams.State.RUNNING) {
                        return false;
                    }
                    Set<TaskId> ta = activeTasks(a);
                    Set<TaskId> tb = activeTasks(b);
                    Set<TaskId> all = new HashSet<>(ta);
                    all.addAll(tb);
                    return !ta.isEmpty() && !tb.isEmpty() && all.size() == tasks && ta.size() + tb.size() == tasks;
                });
        Set<TaskId> tasksA = activeTasks(a);
        Set<TaskId> tasksB = activeTasks(b);
        System.out.printf(
                "[two-instances] %d tasks: a owns %d %s, b owns %d %s (%.1f s)%n",
                tasks, tasksA.size(), tasksA, tasksB.size(), tasksB, seconds(started));

        ClusterSupport.publish(bootstrap, corpus.events(), Duration.ZERO);

        List<RewriteAlert> alerts = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = ClusterSupport.alertConsumer(bootstrap, true)) {
            ClusterSupport.readAlerts(
                    consumer, alerts, reference.size(), Duration.ofSeconds(90), Duration.ofSeconds(3));
        }
        assertNoStreamErrors();
        System.out.printf(
                "[two-instances] %d alerts read (reference %d) after %.1f s%n",
                alerts.size(), reference.size(), seconds(started));

        // the multiset of alert ids equals the reference set: none missing, none doubled, none extra
        assertThat(alerts).extracting(RewriteAlert::alertId).doesNotHaveDuplicates();
        assertThat(alerts)
                .extracting(RewriteAlert::alertId)
                .containsExactlyInAnyOrderElementsOf(
                        reference.stream().map(RewriteAlert::alertId).toList());
        assertThat(alerts)
                .extracting(ClusterSupport::finding)
                .containsExactlyInAnyOrderElementsOf(
                        reference.stream().map(ClusterSupport::finding).toList());
        // they ran the service's own settings: exactly_once_v2 from application.properties, in effect
        ClusterSupport.assertExactlyOnceInEffect(bootstrap, appId);
        // the work stayed spread over both instances
        assertThat(a.state()).isEqualTo(KafkaStreams.State.RUNNING);
        assertThat(b.state()).isEqualTo(KafkaStreams.State.RUNNING);
        assertThat(activeTasks(a)).isNotEmpty();
        assertThat(activeTasks(b)).isNotEmpty();
    }

    private KafkaStreams start(String appId, String name) {
        Path stateDir = dir("radar-state-" + name + "-");
        KafkaStreams streams = new KafkaStreams(
                RadarTopology.build(Reference.config(), Reference.engine()),
                ClusterSupport.streamsProps(kafka.bootstrapServers(), appId, stateDir));
        streams.setUncaughtExceptionHandler(e -> {
            streamErrors.add(e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        instances.add(streams);
        streams.start();
        return streams;
    }

    private static Set<TaskId> activeTasks(KafkaStreams streams) {
        Set<TaskId> out = new HashSet<>();
        for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
            for (TaskMetadata task : thread.activeTasks()) {
                out.add(task.taskId());
            }
        }
        return out;
    }

    private void assertNoStreamErrors() {
        assertThat(streamErrors).as("stream thread errors").isEmpty();
    }

    private Path dir(String prefix) {
        Path d = StateDirs.fresh(prefix);
        dirs.add(d);
        return d;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}

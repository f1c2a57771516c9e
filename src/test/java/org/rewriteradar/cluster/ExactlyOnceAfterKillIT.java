package org.rewriteradar.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rewriteradar.StateDirs;
import org.rewriteradar.kafka.InJvmKafka;
import org.rewriteradar.model.RewriteAlert;

/**
 * Exactly-once across a crash: the service runs in a child JVM, is killed with SIGKILL while input is
 * still arriving and transactions are open, and a new instance with the same application id and state
 * dir takes over. A read-committed consumer must then see every expected alert exactly once.
 */
class ExactlyOnceAfterKillIT {

    private final List<Process> children = new ArrayList<>();
    private final List<Path> dirs = new ArrayList<>();
    private InJvmKafka kafka;
    private Thread publisher;

    @AfterEach
    void tearDown() throws InterruptedException {
        for (Process p : children) {
            if (p.isAlive()) {
                p.destroyForcibly();
                p.waitFor(20, TimeUnit.SECONDS);
            }
        }
        if (publisher != null) {
            publisher.interrupt();
            publisher.join(10_000);
        }
        if (kafka != null) {
            kafka.close();
        }
        dirs.forEach(StateDirs::delete);
    }

    @Test
    @Timeout(240)
    void alertsExactlyOnceAfterInstanceIsKilledMidStreamAndRestarted() throws Exception {
        long started = System.nanoTime();
        Corpus corpus = Corpus.standard();
        List<RewriteAlert> reference = Reference.standard();
        List<String> expectedIds = reference.stream().map(RewriteAlert::alertId).toList();

        kafka = InJvmKafka.start();
        String bootstrap = kafka.bootstrapServers();
        kafka.createTopics(Reference.PARTITIONS, ClusterSupport.ARTICLES, ClusterSupport.ALERTS, ClusterSupport.DLQ);
        String appId = "radar-kill-" + UUID.randomUUID();
        Path stateDir = dir("radar-state-child-");
        Path logs = dir("radar-child-logs-");

        Process first = startChild(bootstrap, appId, stateDir, logs.resolve("first.log"));
        awaitRunning(first, logs.resolve("first.log"));
        log(started, "first child running, pid %d", first.pid());

        List<Corpus.Event> events = corpus.events();
        int half = events.size() / 2;
        List<Corpus.Event> firstHalf = events.subList(0, half);
        List<Corpus.Event> secondHalf = events.subList(half, events.size());
        ClusterSupport.publish(bootstrap, firstHalf, Duration.ZERO);

        List<RewriteAlert> uncommitted = new ArrayList<>();
        List<RewriteAlert> committed = new ArrayList<>();
        int committedAtKill;
        int uncommittedAtKill;
        int sentAtKill;
        try (KafkaConsumer<String, String> dirty = ClusterSupport.alertConsumer(bootstrap, false);
                KafkaConsumer<String, String> clean = ClusterSupport.alertConsumer(bootstrap, true)) {
            // the first half is being processed: some alerts are committed
            await("first committed alerts")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        assertThat(first.isAlive()).as("first child alive").isTrue();
                        ClusterSupport.pollInto(clean, committed, Duration.ofMillis(50));
                        return !committed.isEmpty();
                    });
            ClusterSupport.pollInto(dirty, uncommitted, Duration.ofMillis(200));
            int beforeSecondHalf = uncommitted.size();
            log(
                    started,
                    "first half sent; %d alerts committed, %d seen uncommitted",
                    committed.size(),
                    beforeSecondHalf);

            // the second half arrives slowly; kill the child once it has written some of its alerts
            AtomicInteger sent = new AtomicInteger();
            publisher = new Thread(() -> publishPaced(bootstrap, secondHalf, sent), "paced-publisher");
            publisher.start();
            await("alerts of the second half in flight")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> {
                        assertThat(first.isAlive()).as("first child alive").isTrue();
                        ClusterSupport.pollInto(dirty, uncommitted, Duration.ofMillis(10));
                        return uncommitted.size() > beforeSecondHalf && sent.get() >= secondHalf.size() / 3;
                    });
            first.destroyForcibly(); // SIGKILL: no shutdown hooks, no commit, transactions left open
            sentAtKill = sent.get();
            assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();
            ClusterSupport.pollInto(clean, committed, Duration.ofMillis(500));
            ClusterSupport.pollInto(dirty, uncommitted, Duration.ofMillis(200));
            committedAtKill = committed.size();
            uncommittedAtKill = uncommitted.size();
        }
        long consumedAtKill = consumedInput(bootstrap, appId);
        log(
                started,
                "KILLED first child: %d/%d articles of the second half sent, input consumed (committed offsets) %d/%d,"
                        + " alerts committed %d/%d, alerts written incl. uncommitted %d",
                sentAtKill,
                secondHalf.size(),
                consumedAtKill,
                events.size(),
                committedAtKill,
                reference.size(),
                uncommittedAtKill);
        // the kill happened mid-stream
        assertThat(committedAtKill).as("alerts committed at kill time").isBetween(1, reference.size() - 1);
        assertThat(consumedAtKill).as("input consumed at kill time").isLessThan(events.size());

        publisher.join(60_000);
        assertThat(publisher.isAlive()).isFalse();
        Process second = startChild(bootstrap, appId, stateDir, logs.resolve("second.log"));
        log(started, "second child started, pid %d, same application id and state dir", second.pid());

        List<RewriteAlert> alerts = new ArrayList<>();
        try (KafkaConsumer<String, String> clean = ClusterSupport.alertConsumer(bootstrap, true)) {
            ClusterSupport.readAlerts(clean, alerts, reference.size(), Duration.ofSeconds(120), Duration.ofSeconds(4));
        }
        int allWritten;
        try (KafkaConsumer<String, String> dirty = ClusterSupport.alertConsumer(bootstrap, false)) {
            List<RewriteAlert> everything = new ArrayList<>();
            ClusterSupport.readAlerts(dirty, everything, Integer.MAX_VALUE, Duration.ZERO, Duration.ofSeconds(2));
            allWritten = everything.size();
        }
        log(
                started,
                "after restart: %d alerts committed (reference %d); %d alert records in the log incl. aborted;"
                        + " input consumed %d/%d; second child alive %s",
                alerts.size(),
                reference.size(),
                allWritten,
                consumedInput(bootstrap, appId),
                events.size(),
                second.isAlive());
        if (alerts.size() != reference.size()) {
            System.out.println(tail(logs.resolve("second.log"), 40));
        }

        assertThat(second.isAlive()).as("second child alive").isTrue();
        // the children ran the service's own settings: exactly_once_v2 from application.properties, in effect
        ClusterSupport.assertExactlyOnceInEffect(bootstrap, appId);
        assertThat(alerts).extracting(RewriteAlert::alertId).doesNotHaveDuplicates();
        assertThat(alerts).extracting(RewriteAlert::alertId).containsExactlyInAnyOrderElementsOf(expectedIds);
        assertThat(alerts)
                .extracting(ClusterSupport::finding)
                .containsExactlyInAnyOrderElementsOf(
                        reference.stream().map(ClusterSupport::finding).toList());
        second.destroyForcibly();
    }

    private Process startChild(String bootstrap, String appId, Path stateDir, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(
                java,
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-cp",
                System.getProperty("java.class.path"),
                RadarChild.class.getName(),
                bootstrap,
                appId,
                stateDir.toString(),
                "200");
        pb.redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        children.add(p);
        return p;
    }

    private static void awaitRunning(Process child, Path log) {
        await("child RUNNING")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    assertThat(child.isAlive())
                            .as("child alive; log:%n%s", tail(log, 40))
                            .isTrue();
                    return Files.readString(log, StandardCharsets.UTF_8).contains(RadarChild.STATE_PREFIX + "RUNNING");
                });
    }

    private static void publishPaced(String bootstrap, List<Corpus.Event> events, AtomicInteger sent) {
        try (KafkaProducer<byte[], byte[]> producer = ClusterSupport.producer(bootstrap)) {
            for (Corpus.Event e : events) {
                producer.send(new ProducerRecord<>(ClusterSupport.ARTICLES, Reference.key(e), Reference.json(e)));
                producer.flush();
                sent.incrementAndGet();
                Thread.sleep(40);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sum of the group's committed offsets on the input topic: how much input it has processed. */
    private static long consumedInput(String bootstrap, String appId) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(appId)
                    .partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
            return offsets.entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(ClusterSupport.ARTICLES) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset())
                    .sum();
        } catch (Exception e) {
            throw new IllegalStateException("could not read the offsets of group " + appId, e);
        }
    }

    private static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path dir(String prefix) {
        Path d = StateDirs.fresh(prefix);
        dirs.add(d);
        return d;
    }

    private static void log(long started, String format, Object... args) {
        System.out.printf(
                "[kill-restart %5.1f s] %s%n", (System.nanoTime() - started) / 1e9, String.format(format, args));
    }
}

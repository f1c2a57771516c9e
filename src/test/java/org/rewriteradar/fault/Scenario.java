package org.rewriteradar.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.rewriteradar.StateDirs;
import org.rewriteradar.kafka.ApplicationDrain;
import org.rewriteradar.kafka.ByteConsumers;
import org.rewriteradar.model.RewriteAlert;
import org.rewriteradar.streams.JsonSerdes;
import org.rewriteradar.streams.RadarTopology;
import org.rewriteradar.streams.StoreRecords;
import org.rewriteradar.streams.StoredArticle;
import org.rewriteradar.streams.TopicCreator;

/**
 * One fault scenario: a broker and instances in child processes, the known stream published at a fixed rate
 * while the fault happens, then the checks every scenario shares ({@link #verify}): each expected alert on
 * {@code rewrite-alerts} exactly once among committed records and nothing else; each hostile record
 * dead-lettered once with its reason; every article in {@code article-store} (read from its changelog) with
 * exactly the versions the reference holds, so revision chains are complete; no transaction left open; every
 * input record consumed; every instance still meant to run ready again by itself.
 */
final class Scenario implements AutoCloseable {

    static final String ARTICLES = "articles";
    static final String ALERTS = "rewrite-alerts";
    static final String DLQ = "articles-dlq";

    /** Bounds of waiting, generous for a loaded two-core machine. */
    static final Duration START = Duration.ofSeconds(Long.getLong("faults.start-seconds", 180));

    static final Duration SETTLE = Duration.ofSeconds(Long.getLong("faults.settle-seconds", 240));

    final String name;
    final FaultStream stream;
    final Path work;
    final String applicationId;
    final long born = System.nanoTime();
    ChildBroker broker;
    TcpProxy proxy;
    final List<ServiceInstance> instances = new ArrayList<>();
    Publisher publisher;
    final Map<String, String> notes = new LinkedHashMap<>();

    Scenario(String name, FaultStream stream) {
        this.name = name;
        this.stream = stream;
        this.work = StateDirs.fresh("radar-fault-" + name + "-");
        this.applicationId =
                "radar-fault-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
        log("work dir %s, application id %s, %d records", work, applicationId, stream.records.size());
    }

    /** Starts a broker the instances reach directly, with the three topics. */
    Scenario broker() {
        broker = ChildBroker.direct(work.resolve("broker")).start();
        createTopics();
        return this;
    }

    /** Starts a broker the instances reach through a TCP proxy (whose network the scenario can cut). */
    Scenario proxiedBroker() {
        int proxyPort = Ports.free();
        broker = ChildBroker.behindProxy(work.resolve("broker"), proxyPort);
        proxy = TcpProxy.open(proxyPort, broker.externalPort());
        broker.start();
        createTopics();
        return this;
    }

    private void createTopics() {
        TopicCreator.create(
                broker.bootstrap(), FaultStream.PARTITIONS, (short) 1, TopicCreator.topicConfigs(FaultStream.config()));
    }

    ServiceInstance instance(String instanceName, Map<String, String> env) {
        ServiceInstance i = new ServiceInstance(instanceName, work, broker.instanceBootstrap(), applicationId, env);
        instances.add(i);
        return i;
    }

    ServiceInstance instance(String instanceName) {
        return instance(instanceName, Map.of());
    }

    /** Waits until each of {@code which} answers ready; returns the seconds it took. */
    double awaitReady(Duration atMost, ServiceInstance... which) {
        long t = System.nanoTime();
        for (ServiceInstance i : which) {
            Awaitility.await(i.name + " ready")
                    .atMost(atMost)
                    .pollInterval(Duration.ofMillis(200))
                    .failFast(i.name + " exited:\n" + i.logTail(3000), () -> !i.alive())
                    .until(i::ready);
        }
        return seconds(t);
    }

    Publisher publish(double perSecond) {
        publisher = new Publisher(broker.bootstrap(), ARTICLES, stream.records, perSecond).start();
        return publisher;
    }

    /** Waits until {@code fraction} of the stream has been handed to the producer. */
    void awaitPublished(double fraction) {
        Awaitility.await("published " + fraction)
                .atMost(SETTLE)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> publisher.progress() >= fraction);
    }

    /**
     * Seconds from now (the fault healed) until processing is back: every instance in {@code ready} answers
     * ready and, on every input partition, the group has processed and committed the first record published
     * after now (or, where none came, every record there is), all at once. Committed offsets alone would not
     * do: a partition whose owner died with nothing left to process looks caught up while nobody owns it.
     */
    double awaitRecovery(Duration atMost, ServiceInstance... ready) {
        long t = System.nanoTime();
        Map<TopicPartition, Long> atHeal = endOffsets(ARTICLES, IsolationLevel.READ_UNCOMMITTED);
        Awaitility.await("recovered")
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> {
                    for (ServiceInstance i : ready) {
                        if (!i.alive()) {
                            throw new AssertionError(i.name + " exited:\n" + i.logTail(3000));
                        }
                        if (!i.ready()) {
                            return false;
                        }
                    }
                    boolean streaming = publisher != null && publisher.sent() < stream.records.size();
                    Map<TopicPartition, Long> end = endOffsets(ARTICLES, IsolationLevel.READ_UNCOMMITTED);
                    Map<TopicPartition, Long> committed = committedInput();
                    return atHeal.entrySet().stream().allMatch(e -> {
                        long now = end.get(e.getKey());
                        if (streaming && now == e.getValue()) {
                            return false; // nothing published there since the heal yet
                        }
                        long target = Math.min(e.getValue() + 1, now);
                        return committed.getOrDefault(e.getKey(), 0L) >= target;
                    });
                });
        return seconds(t);
    }

    // -----------------------------------------------------------------------------------------------------
    // Verification

    /** What the checks found. */
    record Outcome(
            int recordsIn,
            int hostileIn,
            int alertsExpected,
            int alertsFound,
            int alertsDoubled,
            int alertsMissing,
            int alertsUnexpected,
            int deadLettersExpected,
            int deadLetters,
            int deadLettersDoubled,
            int articlesExpected,
            int articlesMatching,
            int revisedExpected,
            int openTransactions) {}

    /**
     * Waits for the stream to be published and processed, then checks everything (assertions), and returns
     * what it found. {@code running}: the instances that must be ready at the end.
     */
    Outcome verify(ServiceInstance... running) throws InterruptedException {
        assertThat(publisher.join(SETTLE)).as("publisher done").isTrue();
        assertThat(publisher.failure()).as("publisher failure").isNull();
        assertThat(publisher.acked()).as("records acknowledged").isEqualTo(stream.records.size());
        FaultStream.Expected expected = stream.expected;
        Set<String> expectedIds =
                expected.alerts().stream().map(RewriteAlert::alertId).collect(Collectors.toCollection(TreeSet::new));

        // everything consumed and committed, every instance still meant to run ready
        double settle = awaitRecovery(SETTLE, running);
        log("input consumed and instances ready %.1f s after the stream ended", settle);

        // the input consumed is not the end: records may still be on their way through the internal topics
        double drained = awaitDrained(Duration.ofSeconds(60));
        log("internal topics drained %.1f s later", drained);
        // no transaction left open: the last stable offset is the end of every partition the app writes
        awaitNoOpenTransactions(Duration.ofSeconds(90));

        // alerts: committed records only; waiting (bounded) for the expected ones still on their way
        List<ConsumerRecord<byte[], byte[]>> alertRecords = readAll(ALERTS);
        long alertsDeadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < alertsDeadline
                && !alertRecords.stream()
                        .map(r -> parse(r.value()).alertId())
                        .collect(Collectors.toSet())
                        .containsAll(expectedIds)) {
            sleep(Duration.ofSeconds(1));
            alertRecords = readAll(ALERTS);
        }
        Map<String, Integer> alertCounts = new TreeMap<>();
        Map<String, RewriteAlert> alerts = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : alertRecords) {
            RewriteAlert a = parse(r.value());
            alertCounts.merge(a.alertId(), 1, Integer::sum);
            alerts.put(a.alertId(), a);
        }
        int doubled = alertCounts.values().stream().mapToInt(c -> c - 1).sum();
        // what a reader that ignores transactions would see: the fault's aborted writes, which
        // read_committed must hide
        Map<String, Integer> rawCounts = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : readAll(ALERTS, false)) {
            rawCounts.merge(parse(r.value()).alertId(), 1, Integer::sum);
        }
        int rawDoubled = rawCounts.values().stream().mapToInt(c -> c - 1).sum();
        note(
                "aborted",
                "%d alert records in aborted transactions (doubled if read uncommitted: %d)",
                rawCounts.values().stream().mapToInt(Integer::intValue).sum() - alertRecords.size(),
                rawDoubled);
        Set<String> missing = new TreeSet<>(expectedIds);
        missing.removeAll(alertCounts.keySet());
        Set<String> unexpected = new TreeSet<>(alertCounts.keySet());
        unexpected.removeAll(expectedIds);

        // dead letters: every hostile record once, with the reason the reference gave it
        Map<String, Integer> dlqCounts = new TreeMap<>();
        Map<String, String> dlqReasons = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r : readAll(DLQ)) {
            String key = r.key() == null ? "<null>" : new String(r.key(), StandardCharsets.UTF_8);
            dlqCounts.merge(key, 1, Integer::sum);
            var reason = r.headers().lastHeader("radar.dlq.reason");
            dlqReasons.put(key, reason == null ? "?" : new String(reason.value(), StandardCharsets.UTF_8));
        }
        int dlqDoubled = dlqCounts.values().stream().mapToInt(c -> c - 1).sum();

        // the stores: article-store as its changelog holds it (the last committed value of each key)
        Map<String, StoredArticle> stored = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r :
                readAll(applicationId + "-" + RadarTopology.ARTICLE_STORE + "-changelog")) {
            String key = new String(r.key(), StandardCharsets.UTF_8);
            if (r.value() == null) {
                stored.remove(key);
            } else {
                stored.put(key, StoreRecords.storedArticle(r.value()));
            }
        }
        int matching = 0;
        List<String> storeMismatches = new ArrayList<>();
        for (var e : expected.articles().entrySet()) {
            StoredArticle live = stored.get(e.getKey());
            if (live != null && live.versions().equals(e.getValue().versions())) {
                matching++;
            } else if (storeMismatches.size() < 10) {
                storeMismatches.add(e.getKey() + ": expected " + e.getValue().versions() + ", stored "
                        + (live == null ? "nothing" : live.versions()));
            }
        }
        int open = openTransactions().size();

        int hostileIn =
                (int) stream.records.stream().filter(FaultStream.Rec::hostile).count();
        Outcome o = new Outcome(
                stream.records.size(),
                hostileIn,
                expectedIds.size(),
                alertCounts.size(),
                doubled,
                missing.size(),
                unexpected.size(),
                expected.deadLetterReasons().size(),
                dlqCounts.size(),
                dlqDoubled,
                expected.articles().size(),
                matching,
                expected.revisedAlerts(),
                open);
        log("outcome %s", o);
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            log("missing %s", describe(missing, expected.alerts()));
            log(
                    "unexpected %s",
                    unexpected.stream().map(alerts::get).map(Scenario::finding).toList());
        }
        assertThat(doubled)
                .as("alerts doubled (same alertId twice among committed records)")
                .isZero();
        assertThat(missing).as("expected alerts missing").isEmpty();
        assertThat(unexpected).as("alerts the reference does not have").isEmpty();
        assertThat(dlqDoubled).as("dead letters doubled").isZero();
        assertThat(dlqReasons).as("dead letters and their reasons").isEqualTo(expected.deadLetterReasons());
        assertThat(storeMismatches).as("article-store against the reference").isEmpty();
        assertThat(stored.keySet())
                .as("ids in article-store")
                .isEqualTo(expected.articles().keySet());
        assertThat(open).as("open transactions").isZero();
        // each record either stored (its id has the version it made) or dead-lettered
        for (FaultStream.Rec r : stream.records) {
            assertThat(stored.containsKey(r.id()) || dlqCounts.containsKey(r.id()))
                    .as("record %d (%s, %s) reflected in the stores or the dead letters", r.index(), r.kind(), r.id())
                    .isTrue();
        }
        for (ServiceInstance i : running) {
            assertThat(i.ready()).as(i.name + " ready at the end").isTrue();
        }
        return o;
    }

    private static String finding(RewriteAlert a) {
        return a == null
                ? "?"
                : a.kind() + " " + a.article().id() + "@" + a.article().version() + " <- "
                        + a.original().id() + "@" + a.original().version();
    }

    private static List<String> describe(Set<String> ids, List<RewriteAlert> alerts) {
        return alerts.stream()
                .filter(a -> ids.contains(a.alertId()))
                .map(Scenario::finding)
                .toList();
    }

    /**
     * Waits (bounded, not failing) until the group has committed, on the input topic and on every internal
     * repartition topic, offsets at or past each partition's last stable offset: everything published has
     * been through every step. Returns the seconds it took.
     */
    double awaitDrained(Duration atMost) throws InterruptedException {
        long t = System.nanoTime();
        if (!ApplicationDrain.await(broker.bootstrap(), applicationId, ARTICLES, atMost, () -> false)) {
            log("internal topics not drained after %s; the checks wait for what is missing", atMost);
        }
        return seconds(t);
    }

    /** Transactions of this application on the broker in a state other than settled. */
    List<String> openTransactions() {
        try (Admin admin = admin()) {
            List<String> ids = admin.listTransactions().all().get(30, TimeUnit.SECONDS).stream()
                    .map(TransactionListing::transactionalId)
                    .filter(id -> id.startsWith(applicationId + "-"))
                    .toList();
            if (ids.isEmpty()) {
                return List.of();
            }
            Map<String, TransactionDescription> d =
                    admin.describeTransactions(ids).all().get(30, TimeUnit.SECONDS);
            return d.entrySet().stream()
                    .filter(e -> e.getValue().state() == TransactionState.ONGOING
                            || e.getValue().state() == TransactionState.PREPARE_COMMIT
                            || e.getValue().state() == TransactionState.PREPARE_ABORT)
                    .map(e -> e.getKey() + "=" + e.getValue().state())
                    .toList();
        } catch (Exception e) {
            throw new IllegalStateException("could not list transactions", e);
        }
    }

    /**
     * Waits (at most {@code atMost}) until a transaction holding alerts is open: some partition of the alert
     * topic has records past its last stable offset. True when it saw one; the moment to kill an instance so
     * that its alerts in flight must be aborted and written again.
     */
    boolean awaitAlertsInFlight(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            Map<TopicPartition, Long> stable = endOffsets(ALERTS, IsolationLevel.READ_COMMITTED);
            Map<TopicPartition, Long> end = endOffsets(ALERTS, IsolationLevel.READ_UNCOMMITTED);
            if (end.entrySet().stream().anyMatch(e -> e.getValue() > stable.getOrDefault(e.getKey(), 0L))) {
                return true;
            }
        }
        return false;
    }

    /** Waits until no transaction is open and every partition's stable offset is its end offset. */
    void awaitNoOpenTransactions(Duration atMost) {
        Awaitility.await("no open transaction")
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(500))
                .until(() ->
                        openTransactions().isEmpty() && unstablePartitions().isEmpty());
    }

    /** Partitions of the output and internal topics whose last stable offset is below the end offset. */
    List<TopicPartition> unstablePartitions() {
        List<String> topics = new ArrayList<>(List.of(ALERTS, DLQ));
        try (Admin admin = admin()) {
            admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(t -> t.startsWith(applicationId + "-"))
                    .forEach(topics::add);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        List<TopicPartition> out = new ArrayList<>();
        for (String t : topics) {
            Map<TopicPartition, Long> stable = endOffsets(t, IsolationLevel.READ_COMMITTED);
            Map<TopicPartition, Long> end = endOffsets(t, IsolationLevel.READ_UNCOMMITTED);
            end.forEach((tp, o) -> {
                if (!o.equals(stable.get(tp))) {
                    out.add(tp);
                }
            });
        }
        return out;
    }

    Map<TopicPartition, Long> endOffsets(String topic, IsolationLevel isolation) {
        try (Admin admin = admin()) {
            var partitions = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .get(topic)
                    .partitions();
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            partitions.forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            Map<TopicPartition, Long> out = new HashMap<>();
            admin.listOffsets(request, new ListOffsetsOptions(isolation))
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .forEach((tp, info) -> out.put(tp, info.offset()));
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("could not list offsets of " + topic, e);
        }
    }

    /** The group's committed offsets on the input topic. */
    Map<TopicPartition, Long> committedInput() {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(applicationId)
                    .partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
            Map<TopicPartition, Long> out = new HashMap<>();
            offsets.forEach((tp, om) -> {
                if (tp.topic().equals(ARTICLES) && om != null) {
                    out.put(tp, om.offset());
                }
            });
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("could not read the offsets of " + applicationId, e);
        }
    }

    /** Every committed record of a topic (read_committed, from the beginning to the end offsets). */
    List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        return readAll(topic, true);
    }

    /** Every record of a topic up to its end offsets, committed only or also those of aborted transactions. */
    List<ConsumerRecord<byte[], byte[]>> readAll(String topic, boolean committedOnly) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        Map<String, Object> config = ByteConsumers.config(broker.bootstrap(), committedOnly);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end " + end);
                }
                consumer.poll(Duration.ofMillis(500)).forEach(out::add);
            }
        }
        return out;
    }

    Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrap(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                30_000));
    }

    static RewriteAlert parse(byte[] json) {
        try {
            return JsonSerdes.MAPPER.readValue(json, RewriteAlert.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // -----------------------------------------------------------------------------------------------------
    // Reporting

    /** Appends the scenario's row to target/faults/results.md and prints it. */
    void report(String injected, Outcome o, double recoverySeconds) {
        String extra = notes.isEmpty()
                ? ""
                : notes.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining("; "));
        String row = String.format(
                Locale.ROOT,
                "| %s | %s | %d (%d hostile) | %d / %d / %d | %d / %d | %.1f s | %s |",
                name,
                injected,
                o.recordsIn(),
                o.hostileIn(),
                o.alertsExpected(),
                o.alertsFound(),
                o.alertsDoubled(),
                o.deadLetters(),
                o.deadLettersExpected(),
                recoverySeconds,
                extra);
        System.out.println("[fault] ROW " + row);
        try {
            Path file = Path.of("target", "faults", "results.md");
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file, row + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void note(String key, String format, Object... args) {
        notes.put(key, String.format(Locale.ROOT, format, args));
    }

    void log(String format, Object... args) {
        System.out.printf(
                Locale.ROOT, "[fault %s %6.1f s] %s%n", name, seconds(born), String.format(Locale.ROOT, format, args));
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void await(String what, Duration atMost, BooleanSupplier condition) {
        Awaitility.await(what)
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(100))
                .until(condition::getAsBoolean);
    }

    /** Logs of every process, for a failure. */
    String logs() {
        StringBuilder out = new StringBuilder();
        for (ServiceInstance i : instances) {
            out.append("\n--- ").append(i.name).append(" ---\n").append(i.logTail(4000));
        }
        if (broker != null) {
            out.append("\n--- broker ---\n").append(broker.logTail(2000));
        }
        return out.toString();
    }

    @Override
    public void close() {
        if (publisher != null) {
            publisher.close();
        }
        for (ServiceInstance i : instances) {
            i.kill();
        }
        if (broker != null) {
            broker.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        try {
            Path logs = Files.createDirectories(Path.of("target", "faults", "logs"));
            for (ServiceInstance i : instances) {
                if (Files.exists(i.log)) {
                    Files.copy(
                            i.log,
                            logs.resolve(name + "-" + i.name + ".log"),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Path brokerLog = work.resolve("broker").resolve("broker.log");
            if (Files.exists(brokerLog)) {
                Files.copy(
                        brokerLog,
                        logs.resolve(name + "-broker.log"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            log("could not keep the logs: %s", e);
        }
        if (!Boolean.getBoolean("faults.keep")) {
            StateDirs.delete(work);
        }
    }
}

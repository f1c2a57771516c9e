package org.rewriteradar.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fault suite (issue 17): each scenario runs a real broker and the packaged service in child processes
 * on loopback, publishes the known stream of real articles with injected rewrites, revisions and hostile
 * records ({@link FaultStream}) at a fixed rate, injects its fault while the stream flows, and then checks
 * everything {@link Scenario#verify} checks: every expected alert exactly once among committed records,
 * every hostile record dead-lettered once, article-store equal to the reference (revision chains complete),
 * no open transaction, all input consumed, the instances ready again by themselves. Each scenario stops by
 * itself (bounded waits, a JUnit timeout, child processes killed at the end) and appends its row to {@code
 * target/faults/results.md}.
 *
 * <p>CI runs the short version (about 110 records at 10/s). The long version: {@code -Dfaults.scale=long}
 * (README, Tests, "Faults").
 */
class FaultSuiteIT {

    static final boolean LONG = "long".equals(System.getProperty("faults.scale"));
    static final double RATE = Double.parseDouble(System.getProperty("faults.rate", LONG ? "20" : "10"));
    static final Duration START = Scenario.START;

    static FaultStream stream;

    @BeforeAll
    static void stream() {
        stream = LONG ? FaultStream.build(800, 40, 60, 17L) : FaultStream.build(60, 6, 12, 17L);
        FaultStream.Expected e = stream.expected;
        System.out.printf(
                "[fault] stream: %d records, injected %s; reference: %d alerts (%d REVISED), %d dead letters %s,"
                        + " %d articles stored%n",
                stream.records.size(),
                e.injected(),
                e.alerts().size(),
                e.revisedAlerts(),
                e.deadLetterReasons().size(),
                e.deadLetterReasons().values().stream().sorted().distinct().toList(),
                e.articles().size());
        assertThat(e.alerts()).as("reference alerts").isNotEmpty();
        assertThat(e.revisedAlerts()).as("revisions in the stream").isPositive();
        assertThat(e.deadLetterReasons()).hasSize(e.injected().get("hostile"));
    }

    @Test
    @Timeout(600)
    void instanceKilledAndRestarted() throws Exception {
        try (Scenario s = new Scenario("instance-sigkill", stream)) {
            s.broker();
            ServiceInstance a = s.instance("radar-a").start();
            s.awaitReady(START, a);
            s.publish(RATE);
            s.awaitPublished(0.3);
            // kill it while a transaction holding alerts is open, so that they must be aborted and redone
            boolean inFlight = s.awaitAlertsInFlight(Duration.ofSeconds(20));
            a.kill();
            s.note("killed", inFlight ? "with alerts in an open transaction" : "(no alert in flight seen in 20 s)");
            s.log("SIGKILLed radar-a at %d records sent, alerts in flight: %s", s.publisher.sent(), inFlight);
            Scenario.sleep(Duration.ofSeconds(2));
            a.start();
            double recovery = s.awaitRecovery(START, a);
            s.log("restarted radar-a ready and caught up after %.1f s", recovery);
            Scenario.Outcome o = s.verify(a);
            s.report("SIGKILL of the only instance at 30 % of the stream; restarted 2 s later", o, recovery);
        }
    }

    @Test
    @Timeout(600)
    void instancePausedBeyondSessionTimeout() throws Exception {
        try (Scenario s = new Scenario("instance-sigstop", stream)) {
            s.broker();
            ServiceInstance a = s.instance("radar-a").start();
            ServiceInstance b = s.instance("radar-b").start();
            s.awaitReady(START, a, b);
            s.publish(RATE);
            s.awaitPublished(0.3);
            Duration pause = ServiceInstance.SESSION_TIMEOUT.multipliedBy(2);
            int markA = a.logMark();
            int markB = b.logMark();
            a.pause();
            s.log("SIGSTOPped radar-a for %s (session timeout %s)", pause, ServiceInstance.SESSION_TIMEOUT);
            // the other instance takes its tasks over while it is paused
            Scenario.sleep(pause);
            a.resume();
            double recovery = s.awaitRecovery(START, a, b);
            s.log("radar-a resumed; both ready and caught up after %.1f s", recovery);
            // the fault took effect: the group rebalanced without radar-a, and radar-a rejoined
            s.note(
                    "left RUNNING",
                    "radar-a %d, radar-b %d times",
                    a.leftRunningSince(markA),
                    b.leftRunningSince(markB));
            assertThat(b.leftRunningSince(markB))
                    .as("radar-b rebalanced while radar-a was paused")
                    .isPositive();
            assertThat(a.leftRunningSince(markA))
                    .as("radar-a rejoined after SIGCONT")
                    .isPositive();
            Scenario.Outcome o = s.verify(a, b);
            s.report(
                    "SIGSTOP of one of two instances for " + pause.toSeconds() + " s (session timeout "
                            + ServiceInstance.SESSION_TIMEOUT.toSeconds() + " s), then SIGCONT",
                    o,
                    recovery);
        }
    }

    @Test
    @Timeout(600)
    void stateDirectoryWipedAndRestored() throws Exception {
        try (Scenario s = new Scenario("state-wiped", stream)) {
            s.broker();
            ServiceInstance a = s.instance("radar-a", restoreLogging()).start();
            s.awaitReady(START, a);
            s.publish(RATE);
            s.awaitPublished(0.5);
            assertThat(a.terminate(Duration.ofSeconds(60))).isTrue();
            long bytes = a.stateBytes();
            a.wipeState();
            s.log("radar-a stopped at %d records sent; state dir of %d bytes wiped", s.publisher.sent(), bytes);
            a.start();
            double recovery = s.awaitRecovery(START, a);
            Restored r = restored(a.logText(), 2);
            s.note("restored", "%d records, %d bytes of changelog, in %s", r.records, r.bytes(s), r.describe());
            s.log("radar-a restored %s; ready and caught up after %.1f s", r, recovery);
            assertThat(r.records).as("records restored from the changelogs").isPositive();
            Scenario.Outcome o = s.verify(a);
            s.report("state directory deleted while the instance was down (at 50 %), restarted", o, recovery);
        }
    }

    @Test
    @Timeout(600)
    void failoverToStandbyReplica() throws Exception {
        failover("standby-failover", 1);
    }

    @Test
    @Timeout(600)
    void failoverWithoutStandbyReplica() throws Exception {
        failover("no-standby-failover", 0);
    }

    private void failover(String name, int standbys) throws Exception {
        try (Scenario s = new Scenario(name, stream)) {
            s.broker();
            Map<String, String> env = new java.util.HashMap<>(restoreLogging());
            env.put("RADAR_STANDBY_REPLICAS", Integer.toString(standbys));
            ServiceInstance a = s.instance("radar-a", env).start();
            ServiceInstance b = s.instance("radar-b", env).start();
            s.awaitReady(START, a, b);
            s.publish(RATE);
            s.awaitPublished(0.6);
            int restoreLinesBefore = restoreLines(a.logText());
            b.kill();
            s.log("SIGKILLed radar-b at %d records sent (standby replicas %d)", s.publisher.sent(), standbys);
            double recovery = s.awaitRecovery(START, a);
            Restored r = restoredAfter(a.logText(), restoreLinesBefore);
            s.note(
                    "restored by the survivor",
                    "%d records, %d bytes of changelog (%s)",
                    r.records,
                    r.bytes(s),
                    r.describe());
            long changelogRecords = changelogRecords(s);
            s.log("changelogs hold %d records in all", changelogRecords);
            if (standbys > 0) {
                assertThat(r.records)
                        .as(
                                "a standby takes over without a full restore (changelogs hold %d records)",
                                changelogRecords)
                        .isLessThan(changelogRecords / 10);
            } else {
                assertThat(r.records)
                        .as("without a standby the survivor restores (changelogs hold %d records)", changelogRecords)
                        .isGreaterThan(changelogRecords / 10);
            }
            s.log("radar-a took over: restored %s, ready and caught up after %.1f s", r, recovery);
            Scenario.Outcome o = s.verify(a);
            s.report(
                    "SIGKILL of one of two instances at 60 %, not restarted; standby replicas " + standbys,
                    o,
                    recovery);
        }
    }

    @Test
    @Timeout(600)
    void rebalanceUnderLoadSecondInstanceJoinsThenLeaves() throws Exception {
        try (Scenario s = new Scenario("rebalance-join-leave", stream)) {
            s.broker();
            ServiceInstance a = s.instance("radar-a").start();
            s.awaitReady(START, a);
            s.publish(RATE);
            s.awaitPublished(0.2);
            ServiceInstance b = s.instance("radar-b").start();
            s.log("radar-b joining at %d records sent", s.publisher.sent());
            double joined = s.awaitReady(START, a, b);
            s.log("both ready %.1f s after radar-b started", joined);
            s.awaitPublished(0.6);
            int leftAt = (int) Math.round(100 * s.publisher.progress());
            long t = System.nanoTime();
            assertThat(b.terminate(Duration.ofSeconds(60)))
                    .as("radar-b ends on SIGTERM")
                    .isTrue();
            double closed = Scenario.seconds(t);
            // it left the group on its way out: one member left, without waiting for the session timeout
            try (Admin admin = s.admin()) {
                Scenario.await("radar-b left the group", ServiceInstance.SESSION_TIMEOUT.dividedBy(2), () -> {
                    try {
                        return admin.describeConsumerGroups(List.of(s.applicationId))
                                        .all()
                                        .get(10, TimeUnit.SECONDS)
                                        .get(s.applicationId)
                                        .members()
                                        .size()
                                == 1;
                    } catch (Exception e) {
                        return false;
                    }
                });
            }
            s.log("radar-b stopped (SIGTERM) after %.1f s and left the group", closed);
            double recovery = s.awaitRecovery(START, a);
            Scenario.Outcome o = s.verify(a);
            s.note("join", "ready %.1f s after start", joined);
            s.note("leave", "SIGTERM to exit %.1f s", closed);
            s.report(
                    "second instance joins at 20 % and leaves (SIGTERM) at " + leftAt
                            + " % (60 % or once ready, whichever is later)",
                    o,
                    recovery);
        }
    }

    @Test
    @Timeout(600)
    void networkCutAndRestored() throws Exception {
        try (Scenario s = new Scenario("network-cut", stream)) {
            s.proxiedBroker();
            ServiceInstance a = s.instance("radar-a").start();
            s.awaitReady(START, a);
            s.publish(RATE);
            s.awaitPublished(0.3);
            Duration cut = Duration.ofSeconds(15);
            int mark = a.logMark();
            s.proxy.cut();
            s.log("network between radar-a and the broker cut for %s (%d connections)", cut, s.proxy.connections());
            Scenario.sleep(cut);
            s.proxy.restore();
            double recovery = s.awaitRecovery(START, a);
            s.log("restored; radar-a ready and caught up after %.1f s", recovery);
            s.note("left RUNNING", "%d times", a.leftRunningSince(mark));
            assertThat(a.leftRunningSince(mark))
                    .as("radar-a lost its group membership (session timeout) and rejoined")
                    .isPositive();
            Scenario.Outcome o = s.verify(a);
            s.report("network between instance and broker cut (TCP proxy frozen) for 15 s at 30 %", o, recovery);
        }
    }

    @Test
    @Timeout(600)
    void brokerStoppedAndRestarted() throws Exception {
        brokerBounce("broker-restart", false);
    }

    @Test
    @Timeout(600)
    void brokerKilledAndRestarted() throws Exception {
        brokerBounce("broker-sigkill", true);
    }

    private void brokerBounce(String name, boolean kill) throws Exception {
        try (Scenario s = new Scenario(name, stream)) {
            s.broker();
            ServiceInstance a = s.instance("radar-a").start();
            s.awaitReady(START, a);
            s.publish(RATE);
            s.awaitPublished(0.3);
            int mark = a.logMark();
            if (kill) {
                s.broker.kill();
            } else {
                s.broker.stop();
            }
            s.log("broker %s at %d records sent", kill ? "SIGKILLed" : "stopped (SIGTERM)", s.publisher.sent());
            Scenario.sleep(Duration.ofSeconds(5));
            long t = System.nanoTime();
            s.broker.start();
            s.log("broker back after %.1f s", Scenario.seconds(t));
            double recovery = s.awaitRecovery(START, a);
            s.log("radar-a ready and caught up %.1f s after the broker was back", recovery);
            s.note("left RUNNING", "%d times", a.leftRunningSince(mark));
            Scenario.Outcome o = s.verify(a);
            s.report(
                    "broker " + (kill ? "SIGKILLed" : "stopped (SIGTERM)") + " at 30 %, restarted 5 s later",
                    o,
                    recovery);
        }
    }

    @Test
    @Timeout(600)
    void serviceStartedWhileBrokerDown() throws Exception {
        try (Scenario s = new Scenario("start-broker-down", stream)) {
            s.broker();
            s.broker.stop();
            ServiceInstance a = s.instance("radar-a").start();
            Scenario.sleep(Duration.ofSeconds(15));
            assertThat(a.alive()).as("radar-a waits for the broker").isTrue();
            assertThat(a.ready()).as("radar-a not ready without a broker").isFalse();
            int live = a.status("/q/health/live");
            s.note("without broker", "process up, readiness 503, liveness %d", live);
            s.log("radar-a up 15 s without a broker: alive, not ready, liveness %d", live);
            s.broker.start();
            long t = System.nanoTime();
            s.awaitReady(START, a);
            double ready = Scenario.seconds(t);
            s.log("radar-a ready %.1f s after the broker started", ready);
            s.publish(RATE);
            Scenario.Outcome o = s.verify(a);
            s.report("service started with the broker down; broker started 15 s later", o, ready);
        }
    }

    @Test
    @Timeout(600)
    void shutdownWhileBrokerUnreachableEndsWithinCloseTimeout() throws Exception {
        try (Scenario s = new Scenario("shutdown-unreachable", stream)) {
            s.proxiedBroker();
            Duration closeTimeout = Duration.ofSeconds(10);
            ServiceInstance a = s.instance("radar-a", Map.of("RADAR_SHUTDOWN_CLOSE_TIMEOUT", closeTimeout.toString()))
                    .start();
            s.awaitReady(START, a);
            s.publish(RATE);
            s.awaitPublished(0.3);
            s.proxy.cut();
            Scenario.sleep(Duration.ofSeconds(2));
            long t = System.nanoTime();
            boolean ended = a.terminate(closeTimeout.plusSeconds(20));
            double took = Scenario.seconds(t);
            s.log(
                    "SIGTERM with the broker unreachable: %s after %.1f s (exit %s)",
                    ended ? "ended" : "still running", took, ended ? a.process().exitValue() : "-");
            assertThat(ended)
                    .as("ends within the close timeout + 20 s" + s.logs())
                    .isTrue();
            assertThat(took).isLessThan(closeTimeout.toSeconds() + 20.0);
            assertThat(a.logText()).contains("Closing Kafka Streams (timeout " + closeTimeout);
            s.note(
                    "SIGTERM to exit",
                    "%.1f s, exit status %d (close timeout %s)",
                    took,
                    a.process().exitValue(),
                    closeTimeout);
            s.proxy.restore();
            a.start();
            double recovery = s.awaitRecovery(START, a);
            Scenario.Outcome o = s.verify(a);
            s.report(
                    "SIGTERM while the network to the broker is cut (close timeout 10 s); network restored,"
                            + " instance restarted",
                    o,
                    recovery);
        }
    }

    /** Records in all the application's changelog topics (end offsets). */
    static long changelogRecords(Scenario s) throws Exception {
        List<String> changelogs;
        try (Admin admin = s.admin()) {
            changelogs = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(t -> t.startsWith(s.applicationId + "-") && t.endsWith("-changelog"))
                    .toList();
        }
        long total = 0;
        for (String t : changelogs) {
            total += s.endOffsets(t, org.apache.kafka.common.IsolationLevel.READ_UNCOMMITTED).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
        return total;
    }

    // -----------------------------------------------------------------------------------------------------
    // Restoration, from Kafka Streams' own log lines

    /** Logs what Kafka Streams restores (StoreChangelogReader at INFO); nothing else changes. */
    static Map<String, String> restoreLogging() {
        return Map.of("QUARKUS_LOG_CATEGORY__ORG_APACHE_KAFKA_STREAMS_PROCESSOR_INTERNALS__LEVEL", "INFO");
    }

    record Restored(
            long records, int changelogs, java.util.Map<String, Long> byStore, java.util.Set<String> partitions) {
        String describe() {
            return changelogs + " changelog partitions";
        }

        /** Bytes on the broker of the changelog partitions restoration read records from. */
        long bytes(Scenario s) {
            if (partitions.isEmpty()) {
                return 0;
            }
            try (Admin admin = s.admin()) {
                long total = 0;
                var dirs = admin.describeLogDirs(List.of(1)).allDescriptions().get(30, TimeUnit.SECONDS);
                for (var dir : dirs.get(1).values()) {
                    for (var e : dir.replicaInfos().entrySet()) {
                        if (partitions.contains(
                                e.getKey().topic() + "-" + e.getKey().partition())) {
                            total += e.getValue().size();
                        }
                    }
                }
                return total;
            } catch (Exception e) {
                throw new IllegalStateException("could not describe the log dirs", e);
            }
        }
    }

    static final Pattern FINISHED = Pattern.compile(
            "Finished restoring changelog (\\S+) to store (\\S+) with a total number of (\\d+) records");

    static int restoreLines(String log) {
        Matcher m = FINISHED.matcher(log);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    static Restored restoredAfter(String log, int skip) {
        Matcher m = FINISHED.matcher(log);
        long records = 0;
        int n = 0;
        int changelogs = 0;
        java.util.Map<String, Long> byStore = new java.util.TreeMap<>();
        java.util.Set<String> partitions = new java.util.TreeSet<>();
        while (m.find()) {
            if (n++ < skip) {
                continue;
            }
            long r = Long.parseLong(m.group(3));
            records += r;
            changelogs++;
            byStore.merge(m.group(2), r, Long::sum);
            if (r > 0) {
                partitions.add(m.group(1));
            }
        }
        return new Restored(records, changelogs, byStore, partitions);
    }

    /** Restoration logged in the {@code start}-th run of the instance's log (1-based). */
    static Restored restored(String log, int start) {
        int at = log.indexOf("===== start " + start + " =====");
        return restoredAfter(at < 0 ? "" : log.substring(at), 0);
    }
}

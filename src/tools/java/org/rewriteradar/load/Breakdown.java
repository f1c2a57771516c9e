package org.rewriteradar.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Where one {@link LoadBenchmark} run's bytes and CPU went: records and bytes written per topic (input,
 * outputs, every repartition and changelog topic), transaction commits, CPU of the stream threads and of
 * the whole JVM (broker included), the Streams producers' and consumers' time blocked on the broker, and,
 * with {@code --jfr}, a JFR execution-sample profile of the stream threads split by processor (stage) and
 * by what the code was doing (kind: fingerprint codec, other binary serdes, JSON, engine, RocksDB,
 * Kafka clients, ...).
 *
 * <p>Bytes per topic are the broker's own log sizes ({@code Admin#describeLogDirs}: record batches as
 * stored, so compressed where the producer compressed, transaction markers included). After a pre-fill a
 * topic's bytes are the growth of its log over the run; where the broker deleted old segments during the run
 * (Kafka Streams purges committed repartition records), its log shrinks, and the bytes the Streams producers
 * sent to it ({@code producer-topic-metrics byte-total}, batches without the log's overhead) are given
 * instead, marked {@code sent_bytes}. Records per topic are the Streams producers' {@code record-send-total}
 * (the input: the articles pre-loaded or paced in).
 *
 * @param topics per topic (display name: the run's suffix and application id removed), in topology order
 * @param sharedLogBytes bytes the run added to {@code __consumer_offsets} and {@code __transaction_state}
 * @param commits transaction commits (sum of the stream threads' {@code commit-total})
 * @param streamThreadCpuNs CPU time of the run's stream threads (thread CPU clock)
 * @param processCpuNs CPU time of the whole JVM over the run (broker, generator and service)
 * @param wallNs wall time of the run, start to caught up
 * @param clientTimes time totals of the Streams clients (ns): producer transaction and flush waits, thread
 *     blocked time
 * @param profile stream-thread samples by stage then kind, or empty without {@code --jfr}
 * @param samples stream-thread execution samples in {@code profile}
 */
public record Breakdown(
        Map<String, TopicFigures> topics,
        long sharedLogBytes,
        long commits,
        long streamThreadCpuNs,
        long processCpuNs,
        long wallNs,
        Map<String, Double> clientTimes,
        Map<String, Map<String, Integer>> profile,
        int samples) {

    /**
     * One topic's figures.
     *
     * @param records records written
     * @param logBytes growth of the topic's log over the run (negative when old segments were deleted)
     * @param producerBytes bytes the Streams producers sent to it (-1: not known, as for the input)
     */
    public record TopicFigures(long records, long logBytes, long producerBytes) {

        /** Whether the log shrank during the run, so its growth says nothing and the bytes sent stand in. */
        boolean purged() {
            return logBytes < 0 && producerBytes >= 0;
        }

        /** The topic's bytes written: its log's growth, or the bytes sent where the log was purged. */
        long bytes() {
            return purged() ? producerBytes : logBytes;
        }
    }

    static final List<String> SHARED_TOPICS = List.of("__consumer_offsets", "__transaction_state");

    /** Log bytes per topic on every broker (summed over partitions). */
    static Map<String, Long> logBytes(Admin admin) throws Exception {
        Collection<Node> nodes = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS);
        List<Integer> ids = nodes.stream().map(Node::id).toList();
        Map<Integer, Map<String, LogDirDescription>> dirs =
                admin.describeLogDirs(ids).allDescriptions().get(30, TimeUnit.SECONDS);
        Map<String, Long> out = new HashMap<>();
        for (Map<String, LogDirDescription> byDir : dirs.values()) {
            for (LogDirDescription d : byDir.values()) {
                for (Map.Entry<TopicPartition, ReplicaInfo> e : d.replicaInfos().entrySet()) {
                    out.merge(e.getKey().topic(), e.getValue().size(), Long::sum);
                }
            }
        }
        return out;
    }

    /** Sums of the named metrics over the instances, by metric name ("group:name") and topic tag if any. */
    static Map<String, Double> metricTotals(List<KafkaStreams> streams, Set<String> groups) {
        Map<String, Double> out = new TreeMap<>();
        for (KafkaStreams ks : streams) {
            for (Map.Entry<MetricName, ? extends Metric> e : ks.metrics().entrySet()) {
                MetricName n = e.getKey();
                if (!groups.contains(n.group()) || !n.name().endsWith("-total")) {
                    continue;
                }
                Object v = e.getValue().metricValue();
                if (!(v instanceof Number num) || Double.isNaN(num.doubleValue())) {
                    continue;
                }
                String topic = n.tags().get("topic");
                String key = n.group() + ":" + n.name() + (topic == null ? "" : ":" + topic);
                out.merge(key, num.doubleValue(), Double::sum);
            }
        }
        return out;
    }

    /** CPU time (ns) of the live stream threads of an application. */
    static long streamThreadCpuOf(String appId) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (isStreamThread(t.getName(), appId)) {
                long ns = mx.getThreadCpuTime(t.getId());
                if (ns > 0) {
                    total += ns;
                }
            }
        }
        return total;
    }

    static boolean isStreamThread(String name, String appId) {
        return name != null && name.startsWith(appId + "-") && name.contains("-StreamThread-");
    }

    /** CPU time (ns) of this JVM so far, or -1. */
    static long jvmCpuNow() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    // -------------------------------------------------------------------------------------------------
    // JFR profile

    /** JFR execution samples every {@code periodMs}, all threads; analysed for the stream threads only. */
    static Recording startRecording(int periodMs) {
        Recording r = new Recording();
        r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(periodMs));
        // where threads wait (parked, on a monitor, on a socket), so stalls show beside CPU samples
        r.enable("jdk.ThreadPark").withThreshold(Duration.ofMillis(20)).withStackTrace();
        r.enable("jdk.JavaMonitorWait").withThreshold(Duration.ofMillis(20)).withStackTrace();
        r.enable("jdk.SocketRead").withThreshold(Duration.ofMillis(20)).withStackTrace();
        r.setToDisk(true);
        r.start();
        return r;
    }

    /**
     * Stops the recording and counts the stream threads' execution samples by stage and kind. The
     * recording is kept at {@code keep} when given (for JMC or {@code jfr print}).
     */
    static Map<String, Map<String, Integer>> profile(Recording r, String appId, Path keep) throws IOException {
        r.stop();
        Path file = keep != null ? keep : Files.createTempFile("radar-load-", ".jfr");
        r.dump(file);
        r.close();
        Map<String, Map<String, Integer>> out = new TreeMap<>();
        try (RecordingFile rf = new RecordingFile(file)) {
            while (rf.hasMoreEvents()) {
                RecordedEvent e = rf.readEvent();
                if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                RecordedThread t = e.getThread("sampledThread");
                if (t == null || !isStreamThread(t.getJavaName(), appId)) {
                    continue;
                }
                RecordedStackTrace st = e.getStackTrace();
                List<String> classes = new ArrayList<>();
                List<String> methods = new ArrayList<>();
                if (st != null) {
                    for (RecordedFrame f : st.getFrames()) {
                        if (f.getMethod() == null || f.getMethod().getType() == null) {
                            continue;
                        }
                        classes.add(f.getMethod().getType().getName());
                        methods.add(f.getMethod().getName());
                    }
                }
                String stage = stage(classes, methods, st != null && st.isTruncated());
                out.computeIfAbsent(stage, s -> new TreeMap<>()).merge(kind(classes), 1, Integer::sum);
            }
        } finally {
            if (keep == null) {
                Files.deleteIfExists(file);
            }
        }
        return out;
    }

    private static final Map<String, String> PROCESSORS = Map.of(
            "IntakeProcessor", "intake",
            "VersionProcessor", "versions",
            "BucketProcessor", "buckets",
            "CandidateCollector", "candidates",
            "ScoreProcessor", "score",
            "RewriteIndexProcessor", "rewrite-index");

    /**
     * The processor the sample ran in (innermost processor frame; its sinks' serialisation and sends
     * included), else the phase of the stream thread: deserialising polled records, committing, polling.
     */
    static String stage(List<String> classes, List<String> methods, boolean truncated) {
        for (int i = 0; i < classes.size(); i++) {
            String c = classes.get(i);
            if (c.startsWith("org.rewriteradar.streams.")) {
                String simple = c.substring("org.rewriteradar.streams.".length());
                int dollar = simple.indexOf('$');
                String outer = dollar < 0 ? simple : simple.substring(0, dollar);
                String p = PROCESSORS.get(outer);
                if (p != null) {
                    return p;
                }
                if (outer.equals("RadarTopology")) {
                    return "topology lambdas (lsh-bands, re-keying)";
                }
            }
        }
        for (int i = 0; i < classes.size(); i++) {
            String c = classes.get(i);
            String m = methods.get(i);
            if (c.endsWith(".RecordDeserializer") || c.endsWith(".RecordQueue")) {
                return "deserialise polled records";
            }
            if (m.toLowerCase(Locale.ROOT).contains("commit") || c.endsWith("TransactionManager")) {
                return "commit";
            }
            if (m.toLowerCase(Locale.ROOT).contains("punctuat")) {
                return "punctuate (retention sweeps)";
            }
            if (m.equals("pollRequests") || m.equals("poll") && c.endsWith("StreamThread")) {
                return "poll";
            }
        }
        return truncated ? "unknown (stack truncated)" : "other runtime";
    }

    /** What the sample was doing: the innermost frame outside the JDK, classified. */
    static String kind(List<String> classes) {
        for (String c : classes) {
            if (c.equals("org.rewriteradar.similarity.FingerprintCodec")) {
                return "fingerprint codec";
            }
        }
        for (String c : classes) {
            if (c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.")) {
                continue;
            }
            if (c.startsWith("org.rocksdb.")) {
                return "rocksdb (java side)";
            }
            if (c.equals("org.rewriteradar.similarity.BinaryCodec")
                    || c.startsWith("org.rewriteradar.streams.BinarySerdes")) {
                return "binary serdes";
            }
            if (c.startsWith("com.fasterxml.jackson.")
                    || c.startsWith("org.rewriteradar.streams.JsonSerdes")
                    || c.startsWith("io.quarkus.kafka.client.serialization.")) {
                return "json serdes";
            }
            if (c.startsWith("org.rewriteradar.similarity.")
                    || c.startsWith("org.rewriteradar.text.")
                    || c.startsWith("org.apache.lucene.")
                    || c.startsWith("com.dynatrace.")) {
                return "engine";
            }
            if (c.startsWith("net.jpountz.")
                    || c.startsWith("com.github.luben.")
                    || c.startsWith("org.xerial.")
                    || c.startsWith("org.apache.kafka.common.compress.")) {
                return "compression";
            }
            if (c.startsWith("org.apache.kafka.streams.state.")
                    || c.contains(".Caching")
                    || c.contains("ThreadCache")
                    || c.contains("NamedCache")
                    || c.contains("ChangeLogging")
                    || c.contains(".Metered")) {
                return "store layers";
            }
            if (c.startsWith("org.apache.kafka.streams.")) {
                return "streams runtime";
            }
            if (c.startsWith("org.apache.kafka.")) {
                return "kafka clients";
            }
            if (c.startsWith("org.rewriteradar.")) {
                return "service code";
            }
            return "other";
        }
        return "jdk";
    }

    // -------------------------------------------------------------------------------------------------
    // Report

    /** Lines of the breakdown, each starting with {@code prefix}. */
    List<String> describe(String prefix, int articles) {
        List<String> lines = new ArrayList<>();
        double n = articles;
        long totalBytes = 0;
        long totalRecords = 0;
        int purged = 0;
        for (Map.Entry<String, TopicFigures> e : topics.entrySet()) {
            TopicFigures t = e.getValue();
            lines.add(String.format(
                    Locale.ROOT,
                    "%s topic %-34s records=%8d per_article=%7.2f %s=%11d bytes_per_article=%8.0f",
                    prefix,
                    e.getKey(),
                    t.records(),
                    t.records() / n,
                    t.purged() ? "sent_bytes" : "log_bytes",
                    t.bytes(),
                    t.bytes() / n));
            totalBytes += t.bytes();
            purged += t.purged() ? 1 : 0;
            totalRecords += Math.max(0, t.records());
        }
        lines.add(String.format(
                Locale.ROOT,
                "%s kafka_total records_per_article=%.1f log_bytes=%d bytes_per_article=%.0f"
                        + " (+ consumer offsets and transaction log: %.0f per article)%s",
                prefix,
                totalRecords / n,
                totalBytes,
                totalBytes / n,
                sharedLogBytes / n,
                purged == 0 ? "" : " (sent bytes for " + purged + " topic(s) whose log was purged)"));
        lines.add(String.format(
                Locale.ROOT,
                "%s cpu stream_thread_ms_per_article=%.3f stream_thread_on_cpu=%.0f%% jvm_cpu_ms_per_article=%.3f"
                        + " (broker+generator+service) commits=%d articles_per_commit=%.1f",
                prefix,
                streamThreadCpuNs / 1e6 / n,
                wallNs <= 0 ? 0 : 100.0 * streamThreadCpuNs / wallNs,
                processCpuNs / 1e6 / n,
                commits,
                commits <= 0 ? 0 : n / commits));
        if (!clientTimes.isEmpty()) {
            StringBuilder sb = new StringBuilder(prefix + " client_time_ms");
            clientTimes.forEach((k, v) -> sb.append(String.format(Locale.ROOT, " %s=%.0f", k, v / 1e6)));
            lines.add(sb.toString());
        }
        if (samples > 0) {
            Map<String, Integer> byKind = new TreeMap<>();
            Map<String, Integer> byStage = new LinkedHashMap<>();
            profile.forEach((stage, kinds) -> {
                int sum = kinds.values().stream().mapToInt(Integer::intValue).sum();
                byStage.put(stage, sum);
                kinds.forEach((k, c) -> byKind.merge(k, c, Integer::sum));
            });
            lines.add(prefix + " profile stream-thread samples=" + samples + " (shares of on-CPU Java samples)");
            byStage.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(s -> {
                        StringBuilder sb = new StringBuilder(String.format(
                                Locale.ROOT,
                                "%s profile stage %-40s %5.1f%% :",
                                prefix,
                                s.getKey(),
                                pct(s.getValue())));
                        profile.get(s.getKey()).entrySet().stream()
                                .sorted(Map.Entry.<String, Integer>comparingByValue()
                                        .reversed())
                                .forEach(k -> sb.append(
                                        String.format(Locale.ROOT, " %s %.1f%%,", k.getKey(), pct(k.getValue()))));
                        lines.add(sb.substring(0, sb.length() - 1));
                    });
            StringBuilder sb = new StringBuilder(prefix + " profile kinds:");
            byKind.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(k -> sb.append(String.format(Locale.ROOT, " %s %.1f%%,", k.getKey(), pct(k.getValue()))));
            lines.add(sb.substring(0, sb.length() - 1));
        }
        return lines;
    }

    private double pct(int count) {
        return 100.0 * count / samples;
    }
}

package org.rewriteradar.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.rewriteradar.SharedData;
import org.rewriteradar.streams.JsonSerdes;

/**
 * Soak (issue 17): the packaged service against a child-process broker, fed at a fixed rate for {@code
 * -Dfaults.soak.minutes} (at least 10 for the report; skipped when unset) with real Reuters and BBC articles,
 * injected verbatim copies and edited copies, revisions and hostile records (one record in twenty), dated as
 * they are sent (live traffic). Every 10 s it samples the service's heap (used, and live data after the last
 * major GC, from {@code /q/metrics}; every minute it asks for a full GC first, so that figure is fresh), its
 * state directory, the input lag and publish-to-alert latency, and
 * writes {@code target/faults/soak.csv} and a plot, {@code target/faults/soak.svg}. The index retention is
 * shortened ({@code RADAR_INDEX_RETENTION}, default PT3M) so that within the run articles expire as they
 * would after 30 days: state must level off, not grow without bound.
 *
 * <p>Checks: no alert id twice, every hostile record dead-lettered, the lag at the end under ten seconds of
 * input, and, with retention shorter than a third of the run, for the last third of the run at most 1.5 times
 * the middle third's: live heap, state, and {@link Sample#otherNative() memory outside heap and block cache}.
 */
class SoakIT {

    static final Pattern METRIC = Pattern.compile("^(\\w+)(\\{[^}]*\\})? ([0-9.eE+-]+)$", Pattern.MULTILINE);

    record Sample(
            double minute,
            long sent,
            long heapUsed,
            long liveData,
            long rss,
            long heapCommitted,
            long blockCache,
            long stateBytes,
            long storeBytes,
            long storeKeys,
            long lag,
            long alerts,
            long p50,
            long p99,
            long deadLetters) {

        /**
         * Resident memory that is neither the Java heap as committed nor RocksDB's shared block cache (which
         * also holds the memtables): metaspace, code, thread stacks, direct buffers, the allocator's arenas.
         * The heap grows its committed size towards {@code -Xmx} and the cache fills towards its bound as the
         * stores do, so RSS itself rises during a 10-minute run; this rest must not.
         */
        long otherNative() {
            return rss - heapCommitted - blockCache;
        }
    }

    @Test
    void soakAtFixedRateWithHostileMix() throws Exception {
        double minutes = Double.parseDouble(System.getProperty("faults.soak.minutes", "0"));
        Assumptions.assumeTrue(
                minutes > 0, "soak not asked for: -Dfaults.soak.minutes=10 (README, Tests, Faults) runs it");
        double rate = Double.parseDouble(System.getProperty("faults.soak.rate", "40"));
        String retention = System.getProperty("faults.soak.retention", "PT3M");
        Path data = SharedData.require("data");
        List<ObjectNode> bases = new ArrayList<>();
        for (String set : List.of("pool-reuters", "pool-bbc")) {
            for (String line : Files.readAllLines(data.resolve(set).resolve("articles.jsonl"))) {
                if (!line.isBlank()) {
                    bases.add((ObjectNode) JsonSerdes.MAPPER.readTree(line));
                }
            }
        }
        Collections.shuffle(bases, new Random(17));

        try (Scenario s = new Scenario("soak", FaultStream.build(0, 0, 0, 1L))) {
            s.broker();
            ServiceInstance a = s.instance(
                            "radar-a",
                            Map.of("RADAR_INDEX_RETENTION", retention, "RADAR_INDEX_SWEEP_INTERVAL", "PT20S"))
                    .start();
            s.awaitReady(Scenario.START, a);

            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            List<Long> latencies = new CopyOnWriteArrayList<>();
            Map<String, Integer> alertIds = new ConcurrentHashMap<>();
            AtomicLong deadLetters = new AtomicLong();
            AtomicInteger hostileSent = new AtomicInteger();
            AtomicLong sent = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            long start = System.nanoTime();
            long end = start + (long) (minutes * 60e9);

            Thread consumer = new Thread(
                    () -> consume(s.broker.bootstrap(), sentAt, latencies, alertIds, deadLetters, stop),
                    "soak-consumer");
            consumer.setDaemon(true);
            consumer.start();
            Thread producer = new Thread(
                    () -> produce(s.broker.bootstrap(), bases, rate, end, sentAt, sent, hostileSent), "soak-producer");
            producer.setDaemon(true);
            producer.start();

            List<Sample> samples = new ArrayList<>();
            int latencyMark = 0;
            while (System.nanoTime() < end + 30_000_000_000L) {
                Scenario.sleep(Duration.ofSeconds(10));
                assertThat(a.alive()).as("radar-a alive" + s.logs()).isTrue();
                List<Long> window = new ArrayList<>(latencies.subList(latencyMark, latencies.size()));
                latencyMark += window.size();
                Collections.sort(window);
                if (samples.size() % 6 == 5) {
                    a.fullGc();
                }
                Map<String, Double> m = metrics(a.get("/q/metrics"));
                long lag = lag(s);
                Sample sample = new Sample(
                        Scenario.seconds(start) / 60,
                        sent.get(),
                        (long) sum(m, "jvm_memory_used_bytes", "area=\"heap\""),
                        (long) sum(m, "jvm_gc_live_data_size_bytes", ""),
                        rss(a.process().pid()),
                        (long) sum(m, "jvm_memory_committed_bytes", "area=\"heap\""),
                        (long) max(m, "kafka_stream_state_block_cache_usage"),
                        a.stateBytes(),
                        (long) (sum(m, "kafka_stream_state_total_sst_files_size", "")
                                + sum(m, "kafka_stream_state_size_all_mem_tables", "")),
                        (long) sum(m, "kafka_stream_state_estimate_num_keys", ""),
                        lag,
                        alertIds.size(),
                        pct(window, 0.50),
                        pct(window, 0.99),
                        deadLetters.get());
                if (samples.isEmpty()) {
                    s.log(
                            "state metrics: %s",
                            m.keySet().stream()
                                    .filter(k -> k.startsWith("kafka_stream_state"))
                                    .map(k -> k.replaceAll("\\{.*", ""))
                                    .distinct()
                                    .sorted()
                                    .toList());
                }
                samples.add(sample);
                s.log("%s", sample);
                if (!producer.isAlive() && lag == 0 && sample.minute() * 60e9 > (end - start) / 1.0) {
                    break;
                }
            }
            stop.set(true);
            producer.join(30_000);
            consumer.join(30_000);
            write(samples, rate, retention);

            int doubled = alertIds.values().stream().mapToInt(c -> c - 1).sum();
            Sample last = samples.get(samples.size() - 1);
            s.note(
                    "sent",
                    "%d records (%d hostile) at %.0f/s for %.1f min",
                    sent.get(),
                    hostileSent.get(),
                    rate,
                    minutes);
            s.log("soak done: %s; %d alerts, %d doubled", last, alertIds.size(), doubled);
            assertThat(doubled).as("alert ids twice").isZero();
            assertThat(last.deadLetters()).as("dead letters").isEqualTo(hostileSent.get());
            assertThat(last.lag()).as("lag at the end").isLessThan((long) (rate * 10));
            List<Sample> middle = third(samples, 1);
            List<Sample> late = third(samples, 2);
            long liveMid = middle.stream().mapToLong(Sample::liveData).max().orElse(0);
            long liveLate = late.stream().mapToLong(Sample::liveData).max().orElse(0);
            long stateMid = middle.stream().mapToLong(SoakIT::state).max().orElse(0);
            long stateLate = late.stream().mapToLong(SoakIT::state).max().orElse(0);
            long nativeMid =
                    middle.stream().mapToLong(Sample::otherNative).max().orElse(0);
            long nativeLate = late.stream().mapToLong(Sample::otherNative).max().orElse(0);
            s.log(
                    "live heap max middle %d, late %d; state max middle %d, late %d; other native max middle %d,"
                            + " late %d",
                    liveMid, liveLate, stateMid, stateLate, nativeMid, nativeLate);
            // levelling is judged only when the retention is shorter than a third of the run (and RocksDB's
            // figures, registered after about a minute, cover the middle third)
            if (minutes * 60 >= 3 * java.time.Duration.parse(retention).toSeconds() + 60) {
                assertThat((double) liveLate).as("live heap levels off").isLessThanOrEqualTo(liveMid * 1.5);
                assertThat((double) stateLate).as("state levels off").isLessThanOrEqualTo(stateMid * 1.5);
                assertThat((double) nativeLate)
                        .as("memory outside the heap and the block cache levels off")
                        .isLessThanOrEqualTo(nativeMid * 1.5);
            } else {
                s.log("run too short for retention %s to judge levelling off", retention);
            }
        }
    }

    /** State held: RocksDB's own figures (SST files and memtables) when exposed, else the directory. */
    static long state(Sample x) {
        return x.storeBytes() > 0 ? x.storeBytes() : x.stateBytes();
    }

    /** Resident set size of a process (Linux /proc), 0 where unknown. */
    static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or gone
        }
        return 0;
    }

    static List<Sample> third(List<Sample> all, int which) {
        int n = all.size();
        return all.subList(n * which / 3, Math.max(n * which / 3 + 1, n * (which + 1) / 3));
    }

    private static void produce(
            String bootstrap,
            List<ObjectNode> bases,
            double rate,
            long end,
            Map<String, Long> sentAt,
            AtomicLong sent,
            AtomicInteger hostile) {
        Random rnd = new Random(42);
        List<ObjectNode> recent = new ArrayList<>();
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = Publisher.producer(bootstrap)) {
            for (long i = 0; System.nanoTime() < end; i++) {
                long due = start + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000);
                }
                String now = Instant.now().toString();
                int roll = rnd.nextInt(20);
                byte[] key;
                byte[] value;
                if (roll == 0) {
                    String kind = FaultStream.HOSTILE[(int) (i % (FaultStream.HOSTILE.length - 2))];
                    FaultStream.Rec r = FaultStream.hostileRecordAt((int) i, kind, Instant.now());
                    key = r.key();
                    value = r.value();
                    hostile.incrementAndGet();
                } else {
                    ObjectNode n;
                    if (roll <= 3 && !recent.isEmpty()) {
                        // a rewrite (copy or edit) or a revision of a recent article
                        ObjectNode of = recent.get(rnd.nextInt(recent.size()));
                        n = of.deepCopy();
                        if (roll == 3) {
                            n.put("body", of.path("body").asText() + "\n\nUpdated at " + now + ".");
                        } else {
                            n.put("id", of.path("id").asText() + "-rw" + i);
                            if (roll == 2) {
                                n.put("body", of.path("body").asText().replaceFirst(" the ", " this ") + " (edited)");
                            }
                        }
                    } else {
                        ObjectNode base = bases.get((int) (i % bases.size()));
                        n = base.deepCopy();
                        n.put("id", base.path("id").asText() + "-" + (i / bases.size()));
                        recent.add(n);
                        if (recent.size() > 200) {
                            recent.remove(0);
                        }
                    }
                    n.put("publishedAt", now);
                    String id = n.path("id").asText();
                    key = id.getBytes(StandardCharsets.UTF_8);
                    value = JsonSerdes.MAPPER.writeValueAsBytes(n);
                    sentAt.put(id, System.nanoTime());
                }
                producer.send(new ProducerRecord<>(Scenario.ARTICLES, key, value));
                sent.incrementAndGet();
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void consume(
            String bootstrap,
            Map<String, Long> sentAt,
            List<Long> latencies,
            Map<String, Integer> alertIds,
            AtomicLong deadLetters,
            AtomicBoolean stop) {
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(org.rewriteradar.kafka.ByteConsumers.config(bootstrap, true))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Scenario.ALERTS, Scenario.DLQ)) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!stop.get()) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    long now = System.nanoTime();
                    if (r.topic().equals(Scenario.DLQ)) {
                        deadLetters.incrementAndGet();
                        continue;
                    }
                    var alert = Scenario.parse(r.value());
                    alertIds.merge(alert.alertId(), 1, Integer::sum);
                    Long at = sentAt.get(alert.article().id());
                    if (at != null) {
                        latencies.add((now - at) / 1_000_000);
                    }
                }
            }
        }
    }

    private static long lag(Scenario s) {
        Map<TopicPartition, Long> end = s.endOffsets(Scenario.ARTICLES, IsolationLevel.READ_UNCOMMITTED);
        Map<TopicPartition, Long> committed = s.committedInput();
        return end.entrySet().stream()
                .mapToLong(e -> Math.max(0, e.getValue() - committed.getOrDefault(e.getKey(), 0L)))
                .sum();
    }

    static Map<String, Double> metrics(String text) {
        Map<String, Double> out = new java.util.HashMap<>();
        if (text == null) {
            return out;
        }
        Matcher m = METRIC.matcher(text);
        while (m.find()) {
            out.merge(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)), Double::sum);
        }
        return out;
    }

    static double sum(Map<String, Double> metrics, String name, String labelPart) {
        return metrics.entrySet().stream()
                .filter(e -> e.getKey().startsWith(name) && e.getKey().contains(labelPart))
                .mapToDouble(Map.Entry::getValue)
                .sum();
    }

    /** The largest value of a metric over its label sets (a figure every store reports alike, as a shared cache). */
    static double max(Map<String, Double> metrics, String name) {
        return metrics.entrySet().stream()
                .filter(e -> e.getKey().startsWith(name + "{") || e.getKey().equals(name))
                .mapToDouble(Map.Entry::getValue)
                .max()
                .orElse(0);
    }

    static long pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * sorted.size())));
    }

    // -----------------------------------------------------------------------------------------------------
    // CSV and plot

    static void write(List<Sample> samples, double rate, String retention) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "faults"));
        StringBuilder csv = new StringBuilder(
                "minute,sent,heap_used_bytes,live_data_bytes,rss_bytes,heap_committed_bytes,block_cache_bytes,other_native_bytes,state_dir_bytes,store_bytes,store_keys,lag_records,alerts,latency_p50_ms,latency_p99_ms,dead_letters\n");
        for (Sample x : samples) {
            csv.append(String.format(
                    Locale.ROOT,
                    "%.2f,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d%n",
                    x.minute(),
                    x.sent(),
                    x.heapUsed(),
                    x.liveData(),
                    x.rss(),
                    x.heapCommitted(),
                    x.blockCache(),
                    x.otherNative(),
                    x.stateBytes(),
                    x.storeBytes(),
                    x.storeKeys(),
                    x.lag(),
                    x.alerts(),
                    x.p50(),
                    x.p99(),
                    x.deadLetters()));
        }
        Files.writeString(dir.resolve("soak.csv"), csv);
        Files.writeString(dir.resolve("soak.svg"), svg(samples, rate, retention));
    }

    record Panel(
            String title,
            String unit,
            double scale,
            java.util.function.ToDoubleFunction<Sample> a,
            String aName,
            java.util.function.ToDoubleFunction<Sample> b,
            String bName) {}

    static String svg(List<Sample> samples, double rate, String retention) {
        List<Panel> panels = List.of(
                new Panel(
                        "Heap", "MB", 1 / 1048576.0, Sample::heapUsed, "used", Sample::liveData, "live after major GC"),
                new Panel(
                        "Process memory",
                        "MB",
                        1 / 1048576.0,
                        Sample::rss,
                        "RSS",
                        Sample::otherNative,
                        "RSS - heap committed - block cache"),
                new Panel(
                        "State",
                        "MB",
                        1 / 1048576.0,
                        Sample::storeBytes,
                        "RocksDB SST + memtables",
                        Sample::stateBytes,
                        "state directory"),
                new Panel("Store keys (RocksDB estimate)", "keys", 1, Sample::storeKeys, "keys", null, null),
                new Panel("Input lag", "records", 1, Sample::lag, "lag", null, null),
                new Panel("Publish-to-alert latency", "ms", 1, Sample::p50, "p50", Sample::p99, "p99"));
        int w = 900;
        int ph = 180;
        int top = 40;
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\""
                        + " font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"
                        + "<text x=\"10\" y=\"20\" font-size=\"14\">Rewrite Radar soak: %.0f records/s, hostile 1 in 20,"
                        + " retention %s (target/faults/soak.csv)</text>%n",
                w,
                top + panels.size() * (ph + 40),
                rate,
                retention));
        double maxMinute = samples.stream().mapToDouble(Sample::minute).max().orElse(1);
        for (int p = 0; p < panels.size(); p++) {
            Panel panel = panels.get(p);
            int y0 = top + p * (ph + 40) + 20;
            double max = 1e-9;
            for (Sample s : samples) {
                max = Math.max(max, panel.a().applyAsDouble(s) * panel.scale());
                if (panel.b() != null) {
                    max = Math.max(max, panel.b().applyAsDouble(s) * panel.scale());
                }
            }
            out.append(String.format(
                    Locale.ROOT,
                    "<text x=\"60\" y=\"%d\">%s (%s), max %.1f</text>%n"
                            + "<rect x=\"60\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>%n",
                    y0 - 4,
                    panel.title(),
                    panel.unit(),
                    max,
                    y0,
                    w - 80,
                    ph));
            out.append(line(samples, panel.a(), panel.scale(), max, maxMinute, y0, w, ph, "#1f77b4"));
            if (panel.b() != null) {
                out.append(line(samples, panel.b(), panel.scale(), max, maxMinute, y0, w, ph, "#d62728"));
                out.append(String.format(
                        Locale.ROOT,
                        "<text x=\"%d\" y=\"%d\" fill=\"#1f77b4\">%s</text><text x=\"%d\" y=\"%d\" fill=\"#d62728\">%s</text>%n",
                        w - 300,
                        y0 - 4,
                        panel.aName(),
                        w - 160,
                        y0 - 4,
                        panel.bName()));
            }
            out.append(String.format(
                    Locale.ROOT,
                    "<text x=\"60\" y=\"%d\">0 min</text><text x=\"%d\" y=\"%d\" text-anchor=\"end\">%.1f min</text>%n",
                    y0 + ph + 14,
                    w - 20,
                    y0 + ph + 14,
                    maxMinute));
        }
        return out.append("</svg>\n").toString();
    }

    private static String line(
            List<Sample> samples,
            java.util.function.ToDoubleFunction<Sample> f,
            double scale,
            double max,
            double maxMinute,
            int y0,
            int w,
            int ph,
            String colour) {
        StringBuilder pts = new StringBuilder();
        for (Sample s : samples) {
            double v = Math.max(0, f.applyAsDouble(s) * scale);
            pts.append(String.format(
                    Locale.ROOT, "%.1f,%.1f ", 60 + (w - 80) * s.minute() / maxMinute, y0 + ph - ph * v / max));
        }
        return "<polyline fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"1.5\" points=\"" + pts + "\"/>\n";
    }
}

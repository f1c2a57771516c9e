package org.rewriteradar.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.rewriteradar.TestConfig;
import org.rewriteradar.bench.PerturbedPool;
import org.rewriteradar.config.DetectionOverrides;
import org.rewriteradar.config.RadarConfig;
import org.rewriteradar.eval.EvalData;
import org.rewriteradar.kafka.AppStreamsConfig;
import org.rewriteradar.kafka.InJvmKafka;
import org.rewriteradar.similarity.DetectionSettings;
import org.rewriteradar.similarity.RewriteEngine;
import org.rewriteradar.streams.JsonSerdes;
import org.rewriteradar.streams.RadarTopology;

/**
 * End-to-end load benchmark through a real (in-JVM, single-node KRaft) broker: pure processing throughput
 * of the full topology with one Streams instance versus two instances sharing one application id.
 *
 * <p>Each run gets a fresh application id, fresh topics (names suffixed by the run) and fresh state
 * directories. The input topic is pre-loaded with N articles (plain producer, acks=all, batching on, in
 * {@code publishedAt} order) <em>before</em> any instance starts. The clock runs from {@code start()} until
 * the application's consumer group has committed offsets equal to the end offsets of the input topic and of
 * every internal repartition topic (so everything is processed end to end, transaction markers included);
 * time to RUNNING is recorded separately. Configurations alternate (1, 2, 1, 2, ...) so both see the same
 * machine conditions.
 *
 * <pre>
 * ./mvnw -B -q -Dspotless.check.skip=true test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.rewriteradar.load.LoadBenchmark \
 *   -Dexec.args="--articles 6000 --partitions 6 --runs 3 --data ../shared/data/pool-reuters/articles.jsonl"
 * </pre>
 *
 * Options: {@code --articles N} (default 6000), {@code --partitions P} (6), {@code --runs R} per
 * configuration (3), {@code --data FILE} (JSON lines in the shared data format), {@code --configs 1,2}
 * (instance counts to alternate), {@code --timeout-s S} per run (300), {@code --commit-ms MS} (default: the
 * service's {@code kafka-streams.commit.interval.ms}), {@code --warmup N} articles processed once by one
 * instance before the measured runs, not counted (500; 0 for none), {@code --delete-topics true} to delete each
 * run's topics after it (default false: they go with the broker at the end; deleting while the next run
 * pre-loads once left a new partition unwritable for 120 s here).
 *
 * <p>Breakdown (printed after every run as {@code LOAD breakdown <label> ...}, see {@link Breakdown}): records
 * and broker log bytes per topic and per article, state bytes per store, transaction commits, stream-thread and
 * whole-JVM CPU per article, the producer's flush and transaction waits. More: {@code --rate R} sends the
 * articles at R per second once the instances run (instead of pre-loading them) and reports publish-to-alert
 * latency percentiles ({@code --latency-from-s S}: of the articles sent from S seconds on, the whole run's p99
 * beside them, and the longest latency per second of sending; the broker's logs and the service's state go
 * under {@code java.io.tmpdir}, the state under {@code -Dload.state.parent=DIR} instead when given, so either
 * can be put on tmpfs apart); {@code --jfr true} profiles the stream threads with JFR execution samples
 * (every 10 ms) and waits of 20 ms or more, and prints their shares by processor and kind ({@code --jfr-dir
 * DIR} keeps the recordings; start the JVM with {@code -XX:FlightRecorderOptions:stackdepth=256} so deep
 * Streams stacks are not cut); {@code --alerts-dir
 * DIR} writes each run's alerts (id, kind, article, original) sorted to {@code DIR/<label>.alerts}; {@code
 * --variants "a=k=v,k=v;b=..."} alternates named sets of Streams property overrides on top of the service's
 * (a key {@code sys.X} sets system property X for the run instead, a key {@code radar.X} the service setting
 * radar.X), for before/after in one command; {@code --prefill N} indexes N articles before each measured run
 * ({@link #withPrefill}; made from the real articles of {@code --prefill-data FOLDER}, default {@code
 * ../shared/data/pool-bbc}, then synthetic ones from them), so the run's cost is measured against an index
 * of that size. Before the broker starts, the engine's own JMH benchmark runs over the same articles ({@link
 * EngineFigure}; {@code --engine-index N} fingerprints in its in-memory index, default 100,000, {@code
 * --engine-iterations N}, default 5, {@code --engine-jmh false} to skip it), and the summary sets each
 * configuration's rate beside it ({@code LOAD service_vs_engine}).
 *
 * <p>Instances run with the service's own Streams settings ({@code kafka-streams.*} of application.properties,
 * read by {@link AppStreamsConfig}), only the bootstrap servers, application id, state directory, replication
 * factor 1 and the options above replaced; {@code -Dstreams.X=V} sets Streams property X too.
 *
 * <p>Under {@code exec:java} the Kafka clients log through Maven's own logger, so {@code -q} hides their
 * warnings; drop {@code -q} and add {@code -Dorg.slf4j.simpleLogger.defaultLogLevel=warn} to see them.
 */
public final class LoadBenchmark {

    /** One input article: its key, its event time, and its JSON line exactly as read. */
    public record Article(String id, Instant publishedAt, String json) {}

    /** Bytes on disk of one store name, summed over tasks and instances. */
    public record StoreSize(long bytes, long sstBytes, int directories) {}

    /** Everything measured in one run. */
    public record RunResult(
            String label,
            int instances,
            int articles,
            boolean completed,
            String failure,
            long timeToRunningMs,
            long processingMs,
            long processedInput,
            long alerts,
            int distinctAlertIds,
            String alertIdsDigest,
            long deadLetters,
            long indexedArticles,
            List<Integer> activeTasksPerInstance,
            long stateBytes,
            Map<String, StoreSize> stores,
            String variant,
            Breakdown breakdown,
            Latency latency) {

        public double articlesPerSecond() {
            return processingMs <= 0 ? 0 : articles * 1000.0 / processingMs;
        }
    }

    /**
     * Publish-to-alert latency of a paced run: from the send of an article to the moment a read_committed
     * consumer in this JVM receives an alert keyed by it (every alert counted). The percentiles count the
     * articles sent from {@code fromSecond} seconds into the run on; {@code wholeRunP99Ms} counts them all, and
     * {@code maxBySecond} holds the longest latency of the articles sent in each second of the run.
     */
    public record Latency(
            double offeredPerSecond,
            int fromSecond,
            int alerts,
            long p50Ms,
            long p95Ms,
            long p99Ms,
            long maxMs,
            long wholeRunP99Ms,
            List<Long> maxBySecond) {}

    /** Settings of a whole benchmark. */
    public record Options(
            Path data,
            int articles,
            int partitions,
            int runs,
            List<Integer> configs,
            Duration timeout,
            int commitMs,
            int warmup,
            boolean deleteTopics,
            double rate,
            boolean jfr,
            Path jfrDir,
            Path alertsDir,
            Map<String, Map<String, String>> variants,
            List<Integer> prefill,
            Path prefillData,
            int latencyFromS,
            boolean engineJmh,
            int engineIndex,
            int engineIterations) {

        static Options parse(String[] args) {
            Map<String, String> a = new HashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("expected --name value pairs, got " + List.of(args));
                }
                a.put(args[i].substring(2), args[++i]);
            }
            Set<String> known = Set.of(
                    "data",
                    "articles",
                    "partitions",
                    "runs",
                    "configs",
                    "timeout-s",
                    "commit-ms",
                    "warmup",
                    "delete-topics",
                    "rate",
                    "jfr",
                    "jfr-dir",
                    "alerts-dir",
                    "variants",
                    "prefill",
                    "prefill-data",
                    "latency-from-s",
                    "engine-jmh",
                    "engine-index",
                    "engine-iterations");
            for (String k : a.keySet()) {
                if (!known.contains(k)) {
                    throw new IllegalArgumentException("unknown option --" + k + " (known: " + known + ")");
                }
            }
            return new Options(
                    Path.of(a.getOrDefault("data", "../shared/data/pool-reuters/articles.jsonl")),
                    Integer.parseInt(a.getOrDefault("articles", "6000")),
                    Integer.parseInt(a.getOrDefault("partitions", "6")),
                    Integer.parseInt(a.getOrDefault("runs", "3")),
                    Stream.of(a.getOrDefault("configs", "1,2").split(","))
                            .map(String::trim)
                            .map(Integer::parseInt)
                            .toList(),
                    Duration.ofSeconds(Long.parseLong(a.getOrDefault("timeout-s", "300"))),
                    Integer.parseInt(a.getOrDefault("commit-ms", "-1")),
                    Integer.parseInt(a.getOrDefault("warmup", "500")),
                    Boolean.parseBoolean(a.getOrDefault("delete-topics", "false")),
                    Double.parseDouble(a.getOrDefault("rate", "0")),
                    Boolean.parseBoolean(a.getOrDefault("jfr", "false")) || a.containsKey("jfr-dir"),
                    a.containsKey("jfr-dir") ? Path.of(a.get("jfr-dir")) : null,
                    a.containsKey("alerts-dir") ? Path.of(a.get("alerts-dir")) : null,
                    parseVariants(a.getOrDefault("variants", "base=")),
                    Stream.of(a.getOrDefault("prefill", "0").split(","))
                            .map(String::trim)
                            .map(Integer::parseInt)
                            .toList(),
                    Path.of(a.getOrDefault("prefill-data", "../shared/data/pool-bbc")),
                    Integer.parseInt(a.getOrDefault("latency-from-s", "0")),
                    Boolean.parseBoolean(a.getOrDefault("engine-jmh", "true")),
                    Integer.parseInt(a.getOrDefault("engine-index", "100000")),
                    Integer.parseInt(a.getOrDefault("engine-iterations", "5")));
        }

        /**
         * {@code name=k=v,k=v;name2=...}: named sets of Streams property overrides (on top of the
         * service's), run alternately; a key {@code sys.X} sets the system property X during the run
         * instead (read when the stream threads start, e.g. the serdes' decoded-fingerprint cache), and a key
         * {@code radar.X} the service setting radar.X of the topology.
         */
        public static Map<String, Map<String, String>> parseVariants(String spec) {
            Map<String, Map<String, String>> out = new LinkedHashMap<>();
            for (String v : spec.split(";")) {
                if (v.isBlank()) {
                    continue;
                }
                int eq = v.indexOf('=');
                String name = (eq < 0 ? v : v.substring(0, eq)).trim();
                Map<String, String> props = new LinkedHashMap<>();
                if (eq >= 0) {
                    for (String kv : v.substring(eq + 1).split(",")) {
                        if (kv.isBlank()) {
                            continue;
                        }
                        int e = kv.indexOf('=');
                        if (e < 0) {
                            throw new IllegalArgumentException("variant " + name + ": expected key=value, got " + kv);
                        }
                        props.put(kv.substring(0, e).trim(), kv.substring(e + 1).trim());
                    }
                }
                out.put(name, props);
            }
            return out;
        }
    }

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(10);
    private static final long POLL_MS = 250;

    private final String bootstrapServers;
    private final int partitions;
    private final int commitMs;
    private final Duration timeout;
    private final boolean deleteTopics;
    private double rate;
    private int latencyFromS;
    private boolean jfr;
    private Path jfrDir;
    private Path alertsDir;
    private List<Article> prefill = List.of();

    /**
     * @param commitMs commit interval of the instances, or 0 or less for the service's ({@code
     *     kafka-streams.commit.interval.ms})
     */
    public LoadBenchmark(
            String bootstrapServers, int partitions, int commitMs, Duration timeout, boolean deleteTopics) {
        this.bootstrapServers = bootstrapServers;
        this.partitions = partitions;
        this.commitMs = commitMs;
        this.timeout = timeout;
        this.deleteTopics = deleteTopics;
    }

    /** Paced runs: articles are sent at {@code perSecond} once the instances run (0: pre-loaded, drained). */
    public LoadBenchmark withRate(double perSecond) {
        return withRate(perSecond, 0);
    }

    /**
     * Paced at {@code perSecond}, the latency percentiles counting only the articles sent from {@code
     * fromSecond} seconds into the run on (the whole run's p99 is printed beside them).
     */
    public LoadBenchmark withRate(double perSecond, int fromSecond) {
        this.latencyFromS = fromSecond;
        this.rate = perSecond;
        return this;
    }

    /**
     * Records a JFR execution-sample profile of the stream threads during measured runs, kept as {@code
     * <dir>/<label>.jfr} when {@code dir} is given (for JMC or {@code jfr print}).
     */
    public LoadBenchmark withJfr(boolean on, Path dir) {
        this.jfr = on;
        this.jfrDir = dir;
        return this;
    }

    /**
     * Measured runs first index {@code articles} (published flat out, processed to the end, not timed), then
     * time the run's own articles against that index: CPU, topic bytes and records, commits and alerts are
     * counted from the end of the pre-fill; state is what the stores hold at the end, pre-fill included.
     */
    public LoadBenchmark withPrefill(List<Article> articles) {
        this.prefill = List.copyOf(articles);
        return this;
    }

    /**
     * {@code n} articles to pre-fill an index with, dated one every {@code spacing} up to a minute before
     * {@code before}: the real articles of {@code pool} first, then synthetic ones made from them ({@link
     * PerturbedPool}: real length, paragraphing, names and vocabulary, a fifth of the base article's words).
     */
    public static List<Article> prefillArticles(List<EvalData.Article> pool, int n, Instant before, Duration spacing) {
        PerturbedPool synthetic = new PerturbedPool(pool, PerturbedPool.DEFAULT_REPLACE, PerturbedPool.DEFAULT_SEED);
        Instant first = before.minus(Duration.ofMinutes(1)).minus(spacing.multipliedBy(n));
        List<Article> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            EvalData.Article a = synthetic.indexArticle(k);
            Instant published = first.plus(spacing.multipliedBy(k));
            String id = "prefill-" + k;
            com.fasterxml.jackson.databind.node.ObjectNode json = JsonSerdes.MAPPER.createObjectNode();
            json.put("id", id);
            json.put("source", "prefill");
            json.put("title", a.title());
            json.put("body", a.body());
            json.put("publishedAt", published.toString());
            json.put("language", "en");
            out.add(new Article(id, published, json.toString()));
        }
        return out;
    }

    /**
     * Time between pre-fill articles: 5 s, or less where {@code n} of them would span more than 20 days, so
     * every pre-filled article lies within the default 30-day retention of the measured ones and each join
     * of theirs counts its members as candidates (1M: 1.728 s apart).
     */
    static Duration prefillSpacing(int n) {
        Duration span = Duration.ofDays(20);
        Duration fiveSeconds = Duration.ofSeconds(5);
        return n <= 0 || fiveSeconds.multipliedBy(n).compareTo(span) <= 0 ? fiveSeconds : span.dividedBy(n);
    }

    /** Writes each run's alerts (id, kind, article, original; sorted) to {@code <dir>/<label>.alerts}. */
    public LoadBenchmark withAlertsDir(Path dir) {
        this.alertsDir = dir;
        return this;
    }

    /**
     * Kafka's loggers at WARN, as the service has them ({@code quarkus.log.category."org.apache.kafka"}): under
     * {@code exec:java} the clients, Streams and the broker log through the project's slf4j binding to JBoss
     * LogManager, whose root level without the service's configuration is ALL, and formatting every record at
     * TRACE cost the stream thread about a sixth of its samples. Prints what the loggers answer.
     */
    static void quietKafkaLogging() {
        org.jboss.logmanager.Logger.getLogger("org.apache.kafka").setLevel(java.util.logging.Level.WARNING);
        org.jboss.logmanager.Logger.getLogger("kafka").setLevel(java.util.logging.Level.WARNING);

        org.slf4j.Logger probe = org.slf4j.LoggerFactory.getLogger("org.apache.kafka.clients.producer.KafkaProducer");
        System.out.printf(
                Locale.ROOT,
                "LOAD logging binding=%s kafka_trace=%s kafka_debug=%s%n",
                org.slf4j.LoggerFactory.getILoggerFactory().getClass().getName(),
                probe.isTraceEnabled(),
                probe.isDebugEnabled());
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Path data = o.data().toAbsolutePath().normalize();
        if (data.toString().contains("/holdout/")) {
            throw new IllegalArgumentException("the hold-out data is not for benchmarks: " + data);
        }
        quietKafkaLogging();
        long t0 = System.nanoTime();
        List<Article> all = readArticles(data);
        List<Article> articles = firstByPublishedAt(all, o.articles());
        System.out.printf(
                Locale.ROOT,
                "LOAD setup data=%s pool=%d articles=%d (%d KB of JSON, %s .. %s) partitions=%d runs=%d configs=%s"
                        + " commit_ms=%s warmup=%d rate=%s jfr=%s variants=%s cores=%d max_heap_mb=%d%n",
                data,
                all.size(),
                articles.size(),
                articles.stream().mapToLong(a -> a.json().length()).sum() / 1024,
                articles.get(0).publishedAt(),
                articles.get(articles.size() - 1).publishedAt(),
                o.partitions(),
                o.runs(),
                o.configs(),
                o.commitMs() > 0 ? Integer.toString(o.commitMs()) : "service's",
                o.warmup(),
                o.rate() > 0 ? o.rate() + "/s" : "drain",
                o.jfr(),
                o.variants(),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);

        EngineFigure engine = null;
        if (o.engineJmh()) {
            // before the broker starts, on a quiet machine: the engine alone, as its JMH benchmark measures it
            engine = EngineFigure.measure(data, o.engineIndex(), o.engineIterations(), 2);
            System.out.println("LOAD engine " + engine.describe());
        }

        Map<String, List<RunResult>> byConfig = new LinkedHashMap<>();
        for (int c : o.configs()) {
            for (String v : o.variants().keySet()) {
                for (int p : o.prefill()) {
                    byConfig.put(configName(c, v, p), new ArrayList<>());
                }
            }
        }
        if (o.alertsDir() != null) {
            Files.createDirectories(o.alertsDir());
        }
        if (o.jfrDir() != null) {
            Files.createDirectories(o.jfrDir());
        }
        try (InJvmKafka kafka = InJvmKafka.start()) {
            System.out.printf(
                    Locale.ROOT, "LOAD broker up in %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            LoadBenchmark bench = new LoadBenchmark(
                    kafka.bootstrapServers(), o.partitions(), o.commitMs(), o.timeout(), o.deleteTopics());
            if (o.warmup() > 0) {
                Map.Entry<String, Map<String, String>> first =
                        o.variants().entrySet().iterator().next();
                RunResult w = bench.run(
                        "warmup",
                        1,
                        articles.subList(0, Math.min(o.warmup(), articles.size())),
                        first.getKey(),
                        first.getValue());
                System.out.println("LOAD warmup (not counted) " + describe(w));
            }
            bench.withRate(o.rate(), o.latencyFromS())
                    .withJfr(o.jfr(), o.jfrDir())
                    .withAlertsDir(o.alertsDir());
            Map<Integer, List<Article>> prefills = new LinkedHashMap<>();
            for (int p : o.prefill()) {
                if (p == 0) {
                    prefills.put(p, List.of());
                    continue;
                }
                if (o.prefillData().toAbsolutePath().normalize().toString().contains("/holdout/")) {
                    throw new IllegalArgumentException("the hold-out data is not for benchmarks: " + o.prefillData());
                }
                List<EvalData.Article> pool = EvalData.load(
                                o.prefillData(), o.prefillData().getFileName().toString())
                        .articles();
                prefills.put(p, prefillArticles(pool, p, articles.get(0).publishedAt(), prefillSpacing(p)));
                System.out.printf(
                        Locale.ROOT,
                        "LOAD prefill %d articles per measured run from %s (%d real, then synthetic)%n",
                        p,
                        o.prefillData(),
                        pool.size());
            }
            for (int run = 1; run <= o.runs(); run++) {
                for (int instances : o.configs()) {
                    for (Map.Entry<String, Map<String, String>> v : o.variants().entrySet())
                        for (int p : o.prefill()) {
                            bench.withPrefill(prefills.get(p));
                            RunResult r = bench.run(
                                    "r" + run + "i" + instances + "-" + v.getKey() + (p > 0 ? "-prefill" + p : ""),
                                    instances,
                                    articles,
                                    v.getKey(),
                                    v.getValue());
                            byConfig.get(configName(instances, v.getKey(), p)).add(r);
                            System.out.println("LOAD run " + run + " " + describe(r));
                            System.out.println("LOAD state " + describeState(r));
                            if (r.breakdown() != null) {
                                r.breakdown()
                                        .describe("LOAD breakdown " + r.label(), r.articles())
                                        .forEach(System.out::println);
                            }
                        }
                }
            }
        }
        printSummary(byConfig, articles.size(), engine);
        System.out.printf(Locale.ROOT, "LOAD total_wall_s=%.1f%n", (System.nanoTime() - t0) / 1e9);
    }

    // ---------------------------------------------------------------------------------------------------
    // One run

    /**
     * Pre-loads fresh topics with {@code articles}, starts {@code instances} Streams instances with one fresh
     * application id, waits until everything is processed end to end, counts the output, closes the
     * instances, measures their state directories, then deletes the run's topics and state.
     */
    public RunResult run(String label, int instances, List<Article> articles) throws Exception {
        return run(label, instances, articles, "base", Map.of());
    }

    /** As {@link #run(String, int, List)}, with a variant's Streams (and {@code sys.}) overrides. */
    public RunResult run(
            String label, int instances, List<Article> articles, String variant, Map<String, String> overrides)
            throws Exception {
        Map<String, String> streamsOverrides = new LinkedHashMap<>();
        Map<String, String> previous = new HashMap<>();
        overrides.forEach((k, v) -> {
            if (k.startsWith("sys.")) {
                String name = k.substring(4);
                previous.put(name, System.getProperty(name));
                System.setProperty(name, v);
            } else {
                streamsOverrides.put(k, v);
            }
        });
        try {
            RunResult r = attempt(label, instances, articles, variant, streamsOverrides);
            for (int retry = 1; retry <= 2 && r.failure() != null && r.failure().startsWith(PRELOAD_FAILED); retry++) {
                // before the clock starts, so a retry on fresh topics does not bias the measurement
                System.out.println("LOAD retrying " + label + " on fresh topics: " + r.failure());
                r = attempt(label, instances, articles, variant, streamsOverrides);
            }
            return r;
        } finally {
            previous.forEach((name, old) -> {
                if (old == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, old);
                }
            });
        }
    }

    static String configName(int instances, String variant, int prefill) {
        return instances + " " + variant + (prefill > 0 ? " prefill=" + prefill : "");
    }

    private static final String PRELOAD_FAILED = "pre-load failed";

    /** Records a flat-out pre-load sends before it waits for them to be acknowledged. */
    private static final int PRELOAD_CHUNK = 2_000;

    private RunResult attempt(
            String label, int instances, List<Article> articles, String variant, Map<String, String> overrides)
            throws Exception {
        String suffix = label.replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        String appId = "radar-load-" + suffix;
        String input = "articles-" + suffix;
        String alertsTopic = "rewrite-alerts-" + suffix;
        String dlq = "articles-dlq-" + suffix;
        Map<String, String> radarSettings = new HashMap<>();
        overrides.forEach((k, v) -> {
            if (k.startsWith("radar.")) {
                radarSettings.put(k, v);
            }
        });
        overrides = new LinkedHashMap<>(overrides);
        overrides.keySet().removeIf(k -> k.startsWith("radar."));
        radarSettings.putAll(Map.of(
                "radar.topics.articles", input,
                "radar.topics.alerts", alertsTopic,
                "radar.topics.dead-letter", dlq,
                "radar.topics.partitions", Integer.toString(partitions)));
        RadarConfig config = TestConfig.radar(radarSettings);
        boolean paced = rate > 0 && !label.equals("warmup");
        boolean profiled = jfr && !label.equals("warmup");
        boolean prefilled = !prefill.isEmpty() && !label.equals("warmup");
        long expectedInput = articles.size() + (prefilled ? prefill.size() : 0);

        List<Path> stateDirs = new ArrayList<>();
        List<KafkaStreams> streams = new ArrayList<>();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) ADMIN_TIMEOUT.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                (int) ADMIN_TIMEOUT.toMillis()))) {
            try {
                org.rewriteradar.streams.TopicCreator.create(
                        bootstrapServers, partitions, (short) 1, input, alertsTopic, dlq);
                awaitLeaders(admin, List.of(input, alertsTopic, dlq));
                if (!paced || prefilled) {
                    try {
                        preload(input, prefilled ? prefill : articles, 0, null);
                    } catch (Exception e) {
                        return failed(
                                label,
                                instances,
                                articles.size(),
                                PRELOAD_FAILED + ": " + e + "; " + describeTopic(admin, input));
                    }
                }
                Map<String, Long> sharedBefore = sharedLogBytes(admin);
                Map<String, Long> logsBefore = Map.of();
                Map<String, Double> metricsBefore = Map.of();
                long threadCpuBefore = 0;
                long alertsBefore = 0;

                List<String> sources = new ArrayList<>();
                List<String> internal = new ArrayList<>();
                AtomicReference<String> failure = new AtomicReference<>();
                AtomicLong allRunningAt = new AtomicLong();
                for (int i = 0; i < instances; i++) {
                    Path dir = Files.createTempDirectory(
                            Path.of(System.getProperty("load.state.parent", System.getProperty("java.io.tmpdir"))),
                            "radar-load-state-");
                    stateDirs.add(dir);
                    RewriteEngine engine = new RewriteEngine(
                            DetectionOverrides.apply(DetectionSettings.defaults(), config.detection()));
                    Topology topology = RadarTopology.build(config, engine);
                    if (i == 0) {
                        sources.addAll(sourceTopics(topology, input, appId));
                        internal.addAll(internalTopics(topology, appId));
                    }
                    KafkaStreams ks = new KafkaStreams(topology, streamsProps(appId, dir, overrides));
                    ks.setUncaughtExceptionHandler(e -> {
                        failure.compareAndSet(null, e.toString());
                        return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
                    });
                    streams.add(ks);
                }
                for (KafkaStreams ks : streams) {
                    ks.setStateListener((now, before) -> {
                        if (now == KafkaStreams.State.RUNNING
                                && allRunningAt.get() == 0
                                && streams.stream().allMatch(s -> s.state() == KafkaStreams.State.RUNNING)) {
                            allRunningAt.compareAndSet(0, System.nanoTime());
                        }
                    });
                }

                long prefillBegun = System.nanoTime();
                if (prefilled) {
                    streams.forEach(KafkaStreams::start);
                    long prefillDeadline =
                            prefillBegun + timeout.multipliedBy(20).toNanos();
                    Map<String, Long> done = null;
                    while (System.nanoTime() < prefillDeadline && failure.get() == null) {
                        done = caughtUp(admin, appId, sources);
                        if (done != null && done.getOrDefault(input, 0L) >= prefill.size()) {
                            break;
                        }
                        done = null;
                        Thread.sleep(POLL_MS);
                    }
                    if (done == null) {
                        return failed(
                                label,
                                instances,
                                articles.size(),
                                "pre-fill of " + prefill.size() + " not processed: "
                                        + (failure.get() != null ? failure.get() : lagReport(admin, appId, sources)));
                    }
                    double prefillS = (System.nanoTime() - prefillBegun) / 1e9;
                    System.out.printf(
                            Locale.ROOT,
                            "LOAD prefill %s %d articles indexed in %.1f s (%.0f articles/s)%n",
                            label,
                            prefill.size(),
                            prefillS,
                            prefill.size() / prefillS);
                    logsBefore = Breakdown.logBytes(admin);
                    sharedBefore = sharedLogBytes(admin);
                    metricsBefore = Breakdown.metricTotals(
                            streams, Set.of("producer-topic-metrics", "producer-metrics", "stream-thread-metrics"));
                    threadCpuBefore = Breakdown.streamThreadCpuOf(appId);
                    alertsBefore = countCommitted(alertsTopic, null);
                }
                jdk.jfr.Recording recording = profiled ? Breakdown.startRecording(10) : null;
                long cpu0 = Breakdown.jvmCpuNow();
                long start = System.nanoTime();
                if (prefilled) {
                    if (!paced) {
                        preload(input, articles, 0, null);
                    }
                } else {
                    streams.forEach(KafkaStreams::start);
                }
                long deadline = start + timeout.toNanos();
                AlertWatch watch = null;
                if (paced) {
                    while (System.nanoTime() < deadline
                            && failure.get() == null
                            && !streams.stream().allMatch(s -> s.state() == KafkaStreams.State.RUNNING)) {
                        Thread.sleep(50);
                    }
                    allRunningAt.compareAndSet(0, System.nanoTime());
                    watch = new AlertWatch(alertsTopic);
                    cpu0 = Breakdown.jvmCpuNow();
                    start = System.nanoTime(); // the clock of a paced run starts with the first send
                    deadline = start + timeout.toNanos();
                    try {
                        preload(input, articles, rate, watch.sentAt);
                    } catch (Exception e) {
                        failure.compareAndSet(null, "paced send failed: " + e);
                    }
                }
                Map<String, Long> committedInput = null;
                boolean completed = false;
                while (System.nanoTime() < deadline && failure.get() == null) {
                    if (allRunningAt.get() == 0
                            && streams.stream().allMatch(s -> s.state() == KafkaStreams.State.RUNNING)) {
                        allRunningAt.compareAndSet(0, System.nanoTime());
                    }
                    for (KafkaStreams ks : streams) {
                        if (ks.state() == KafkaStreams.State.ERROR
                                || ks.state() == KafkaStreams.State.PENDING_ERROR
                                || ks.state() == KafkaStreams.State.NOT_RUNNING) {
                            failure.compareAndSet(null, "instance went " + ks.state());
                        }
                    }
                    Map<String, Long> done = caughtUp(admin, appId, sources);
                    if (done != null && done.getOrDefault(input, 0L) >= expectedInput) {
                        committedInput = done;
                        completed = true;
                        break;
                    }
                    Thread.sleep(paced ? 50 : POLL_MS);
                }
                long end = System.nanoTime();
                long cpu1 = Breakdown.jvmCpuNow();
                long threadCpu = Breakdown.streamThreadCpuOf(appId) - threadCpuBefore;
                if (!completed && failure.get() == null) {
                    failure.set(
                            "not caught up within " + timeout.toSeconds() + " s: " + lagReport(admin, appId, sources));
                }
                long timeToRunning = allRunningAt.get() == 0
                        ? -1
                        : Math.max(0, TimeUnit.NANOSECONDS.toMillis(allRunningAt.get() - start));
                long processingMs = completed ? TimeUnit.NANOSECONDS.toMillis(end - start) : -1;
                long processedInput = committedInput == null ? -1 : committedInput.getOrDefault(input, -1L);

                List<Integer> tasks = new ArrayList<>();
                for (KafkaStreams ks : streams) {
                    tasks.add(ks.metadataForLocalThreads().stream()
                            .mapToInt(t -> t.activeTasks().size())
                            .sum());
                }
                long indexed = -1;
                if (completed) {
                    try {
                        indexed = countArticleStore(streams);
                    } catch (InvalidStateStoreException e) {
                        System.out.println("LOAD warning: article store not queryable: " + e);
                    }
                }
                Latency latency = null;
                if (watch != null) {
                    Thread.sleep(300); // the last alerts' poll
                    latency = watch.stop(rate, latencyFromS);
                }
                Map<String, Double> metrics = new HashMap<>(Breakdown.metricTotals(
                        streams, Set.of("producer-topic-metrics", "producer-metrics", "stream-thread-metrics")));
                metricsBefore.forEach((k, v) -> metrics.computeIfPresent(k, (key, now) -> now - v));
                Map<String, Map<String, Integer>> profile = Map.of();
                if (recording != null) {
                    profile = Breakdown.profile(
                            recording, appId, jfrDir == null ? null : jfrDir.resolve(suffix + ".jfr"));
                }
                Map<String, String> alertLines = new TreeMap<>();
                long alerts = countCommitted(alertsTopic, alertLines) - alertsBefore;
                long dead = countCommitted(dlq, null);
                if (alertsDir != null) {
                    Files.write(alertsDir.resolve(label + ".alerts"), alertLines.values());
                }

                closeAll(streams);
                streams.clear();
                Map<String, StoreSize> stores = new TreeMap<>();
                long stateBytes = 0;
                for (Path dir : stateDirs) {
                    stateBytes += measure(dir, stores);
                }
                Breakdown breakdown = breakdown(
                        admin,
                        appId,
                        input,
                        alertsTopic,
                        dlq,
                        internal,
                        articles.size(),
                        metrics,
                        sharedBefore,
                        logsBefore,
                        profile,
                        threadCpu,
                        cpu1 - cpu0,
                        end - start);
                return new RunResult(
                        label,
                        instances,
                        articles.size(),
                        completed,
                        failure.get(),
                        timeToRunning,
                        processingMs,
                        processedInput,
                        alerts,
                        alertLines.size(),
                        digest(alertLines.keySet()),
                        dead,
                        indexed,
                        tasks,
                        stateBytes,
                        stores,
                        variant,
                        breakdown,
                        latency);
            } catch (Exception e) {
                return failed(
                        label, instances, articles.size(), "run aborted: " + e + "; " + describeTopic(admin, input));
            } finally {
                closeAll(streams);
                for (Path dir : stateDirs) {
                    deleteRecursively(dir);
                }
                if (deleteTopics) {
                    deleteTopics(admin, appId, input, alertsTopic, dlq);
                }
            }
        }
    }

    private static Map<String, Long> sharedLogBytes(Admin admin) {
        try {
            Map<String, Long> all = Breakdown.logBytes(admin);
            Map<String, Long> out = new HashMap<>();
            for (String t : Breakdown.SHARED_TOPICS) {
                out.put(t, all.getOrDefault(t, 0L));
            }
            return out;
        } catch (Exception e) {
            return Map.of();
        }
    }

    private Breakdown breakdown(
            Admin admin,
            String appId,
            String input,
            String alertsTopic,
            String dlq,
            List<String> internal,
            int articles,
            Map<String, Double> metrics,
            Map<String, Long> sharedBefore,
            Map<String, Long> logsBefore,
            Map<String, Map<String, Integer>> profile,
            long threadCpu,
            long processCpu,
            long wallNs) {
        Map<String, Long> logs = new HashMap<>();
        try {
            logs.putAll(Breakdown.logBytes(admin));
        } catch (Exception e) {
            System.out.println("LOAD warning: describeLogDirs failed: " + e);
        }
        // after a pre-fill: what the measured articles added (the shared topics are counted apart below)
        logsBefore.forEach((t, before) -> {
            if (!Breakdown.SHARED_TOPICS.contains(t)) {
                logs.computeIfPresent(t, (k, now) -> now - before);
            }
        });
        Map<String, Breakdown.TopicFigures> topics = new LinkedHashMap<>();
        topics.put("articles (input)", new Breakdown.TopicFigures(articles, logs.getOrDefault(input, 0L), -1));
        List<String> outputs = new ArrayList<>(internal);
        outputs.add(alertsTopic);
        outputs.add(dlq);
        for (String t : outputs) {
            String name = t.equals(alertsTopic)
                    ? "rewrite-alerts (output)"
                    : t.equals(dlq) ? "articles-dlq (output)" : t.substring(appId.length() + 1);
            topics.put(
                    name,
                    new Breakdown.TopicFigures(
                            Math.round(metrics.getOrDefault("producer-topic-metrics:record-send-total:" + t, 0.0)),
                            logs.getOrDefault(t, 0L),
                            Math.round(metrics.getOrDefault("producer-topic-metrics:byte-total:" + t, 0.0))));
        }
        long shared = 0;
        for (String t : Breakdown.SHARED_TOPICS) {
            shared += logs.getOrDefault(t, 0L) - sharedBefore.getOrDefault(t, 0L);
        }
        Map<String, Double> clientTimes = new LinkedHashMap<>();
        for (String m : List.of(
                "producer-metrics:txn-begin-time-ns-total",
                "producer-metrics:txn-send-offsets-time-ns-total",
                "producer-metrics:txn-commit-time-ns-total",
                "producer-metrics:flush-time-ns-total",
                "producer-metrics:bufferpool-wait-time-ns-total",
                "stream-thread-metrics:blocked-time-ns-total")) {
            Double v = metrics.get(m);
            if (v != null) {
                clientTimes.put(m.substring(m.indexOf(':') + 1).replace("-ns-total", ""), v);
            }
        }
        long commits = Math.round(metrics.getOrDefault("stream-thread-metrics:commit-total", 0.0));
        int samples = profile.values().stream()
                .flatMap(m -> m.values().stream())
                .mapToInt(Integer::intValue)
                .sum();
        return new Breakdown(topics, shared, commits, threadCpu, processCpu, wallNs, clientTimes, profile, samples);
    }

    /** The internal topics of a topology (repartition and changelog), as named on the broker, in order. */
    static List<String> internalTopics(Topology topology, String appId) {
        Set<String> out = new LinkedHashSet<>();
        for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Sink sink
                        && sink.topic() != null
                        && sink.topic().endsWith("-repartition")) {
                    out.add(appId + "-" + sink.topic());
                }
                if (node instanceof TopologyDescription.Processor p) {
                    for (String store : p.stores()) {
                        out.add(appId + "-" + store + "-changelog");
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** Reads the alerts topic (read_committed) while a paced run goes, timing each alert from its article's send. */
    private final class AlertWatch {
        final Map<String, Long> sentAt = new java.util.concurrent.ConcurrentHashMap<>();
        private final List<long[]> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        private final java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        private final Thread thread;

        AlertWatch(String topic) throws InterruptedException {
            java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
            thread = new Thread(
                    () -> {
                        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrapServers,
                                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                                "read_committed",
                                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                                false,
                                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                                org.apache.kafka.common.serialization.StringDeserializer.class,
                                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                                ByteArrayDeserializer.class))) {
                            List<TopicPartition> tps = new ArrayList<>();
                            for (int p = 0; p < partitions; p++) {
                                tps.add(new TopicPartition(topic, p));
                            }
                            consumer.assign(tps);
                            consumer.seekToBeginning(tps);
                            tps.forEach(tp -> consumer.position(tp));
                            ready.countDown();
                            while (!stop.get()) {
                                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(20))) {
                                    long now = System.nanoTime();
                                    Long sent = sentAt.get(r.key());
                                    if (sent != null) {
                                        latencies.add(new long[] {sent, TimeUnit.NANOSECONDS.toMillis(now - sent)});
                                    }
                                }
                            }
                        }
                    },
                    "load-alert-watch");
            thread.setDaemon(true);
            thread.start();
            ready.await(30, TimeUnit.SECONDS);
        }

        Latency stop(double offered, int fromSecond) throws InterruptedException {
            stop.set(true);
            thread.join(10_000);
            List<long[]> timed;
            synchronized (latencies) {
                timed = List.copyOf(latencies);
            }
            if (timed.isEmpty()) {
                return new Latency(offered, fromSecond, 0, -1, -1, -1, -1, -1, List.of());
            }
            // the longest latency among the alerts of the articles sent in each second of the run
            long first = timed.stream().mapToLong(t -> t[0]).min().orElseThrow();
            List<Long> maxBySecond = new ArrayList<>();
            for (long[] t : timed) {
                int second = (int) TimeUnit.NANOSECONDS.toSeconds(t[0] - first);
                while (maxBySecond.size() <= second) {
                    maxBySecond.add(0L);
                }
                maxBySecond.set(second, Math.max(maxBySecond.get(second), t[1]));
            }
            List<Long> whole = timed.stream().map(t -> t[1]).sorted().toList();
            long from = first + TimeUnit.SECONDS.toNanos(fromSecond);
            List<Long> s = timed.stream()
                    .filter(t -> t[0] >= from)
                    .map(t -> t[1])
                    .sorted()
                    .toList();
            if (s.isEmpty()) {
                return new Latency(offered, fromSecond, 0, -1, -1, -1, -1, percentile(whole, 0.99), maxBySecond);
            }
            return new Latency(
                    offered,
                    fromSecond,
                    s.size(),
                    percentile(s, 0.50),
                    percentile(s, 0.95),
                    percentile(s, 0.99),
                    s.get(s.size() - 1),
                    percentile(whole, 0.99),
                    maxBySecond);
        }
    }

    static long percentile(List<Long> sorted, double q) {
        int i = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static String describeTopic(Admin admin, String topic) {
        try {
            return admin
                    .describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .get(topic)
                    .partitions()
                    .stream()
                    .map(p -> p.partition() + ":leader=" + p.leader() + ",isr="
                            + p.isr().size())
                    .collect(Collectors.joining(" ", topic + " [", "]"));
        } catch (Exception e) {
            return topic + " not describable: " + e;
        }
    }

    private static RunResult failed(String label, int instances, int articles, String why) {
        return new RunResult(
                label, instances, articles, false, why, -1, -1, -1, -1, 0, "-", -1, -1, List.of(), 0, Map.of(), "-",
                null, null);
    }

    /** Waits (bounded) until every partition of the topics has a leader, so the producer never waits on one. */
    private void awaitLeaders(Admin admin, List<String> topics) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                boolean ready = admin
                        .describeTopics(topics)
                        .allTopicNames()
                        .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                        .values()
                        .stream()
                        .allMatch(d -> d.partitions().size() == partitions
                                && d.partitions().stream()
                                        .allMatch(p -> p.leader() != null
                                                && !p.leader().isEmpty()));
                if (ready) {
                    return;
                }
            } catch (ExecutionException | TimeoutException e) {
                // not visible yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topics " + topics + " have no leaders after 60 s");
            }
            Thread.sleep(100);
        }
    }

    /**
     * The service's own Streams settings ({@link AppStreamsConfig}: {@code kafka-streams.*} of
     * application.properties), with this run's bootstrap servers, application id and state directory, the
     * commit interval when {@code --commit-ms} is given, then the variant's overrides and any {@code
     * -Dstreams.X=...} system property as Streams property X.
     */
    private Properties streamsProps(String appId, Path stateDir, Map<String, String> overrides) {
        Properties p = AppStreamsConfig.forTest(bootstrapServers, appId, stateDir);
        if (commitMs > 0) {
            p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Integer.toString(commitMs));
        }
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, "1");
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("streams.")) {
                p.put(name.substring("streams.".length()), System.getProperty(name));
            }
        }
        p.putAll(overrides);
        return p;
    }

    /** The topics the application consumes: the input and its repartition topics, as named on the broker. */
    static List<String> sourceTopics(Topology topology, String input, String appId) {
        Set<String> names = new TreeSet<>();
        for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
                    names.addAll(source.topicSet());
                }
            }
        }
        List<String> out = new ArrayList<>();
        out.add(input);
        for (String n : names) {
            if (!n.equals(input)) {
                out.add(appId + "-" + n);
            }
        }
        return out;
    }

    /**
     * Null while work remains; once the group's committed offset equals the end offset on every partition of
     * every source topic, the committed records per topic. Committed offsets are read first, end offsets
     * second: equality then means nothing was left unprocessed when the offsets were read, so nothing more
     * can be produced downstream (EOS commits offsets atomically with the output).
     */
    private Map<String, Long> caughtUp(Admin admin, String appId, List<String> topics) throws InterruptedException {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(appId)
                    .partitionsToOffsetAndMetadata()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, Long> ends = endOffsets(admin, topics);
            Map<String, Long> perTopic = new LinkedHashMap<>();
            for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
                OffsetAndMetadata c = committed.get(e.getKey());
                long at = c == null ? 0 : c.offset();
                if (at != e.getValue()) {
                    return null;
                }
                perTopic.merge(e.getKey().topic(), at, Long::sum);
            }
            return perTopic;
        } catch (ExecutionException | TimeoutException e) {
            return null; // e.g. the repartition topics are not created yet, or the group does not exist yet
        }
    }

    private String lagReport(Admin admin, String appId, List<String> topics) throws InterruptedException {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(appId)
                    .partitionsToOffsetAndMetadata()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, Long> ends = endOffsets(admin, topics);
            Map<String, Long> lag = new TreeMap<>();
            ends.forEach((tp, end) -> {
                OffsetAndMetadata c = committed.get(tp);
                lag.merge(tp.topic(), end - (c == null ? 0 : c.offset()), Long::sum);
            });
            return "lag " + lag;
        } catch (ExecutionException | TimeoutException e) {
            return "lag unknown (" + e + ")";
        }
    }

    private Map<TopicPartition, Long> endOffsets(Admin admin, List<String> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (String t : topics) {
            for (int p = 0; p < partitions; p++) {
                request.put(new TopicPartition(t, p), OffsetSpec.latest());
            }
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> info =
                admin.listOffsets(request).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> out = new HashMap<>();
        info.forEach((tp, i) -> out.put(tp, i.offset()));
        return out;
    }

    /**
     * How long the generator's producer keeps trying a record: on this machine the in-JVM broker has left a
     * fresh partition unwritable for over a minute while a 100k pre-fill went in (a 60 s limit failed the
     * first attempt in three of four such runs); waiting costs less than a retry on fresh topics.
     */
    static final Duration SEND_TIMEOUT = Duration.ofMinutes(5);

    /**
     * Sends the articles in order: as fast as the producer goes ({@code perSecond} 0), or paced at
     * {@code perSecond}, noting each send's time in {@code sentAt} (by id) just before it.
     */
    private void preload(String topic, List<Article> articles, double perSecond, Map<String, Long> sentAt)
            throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                perSecond > 0 ? 0 : 10,
                ProducerConfig.BATCH_SIZE_CONFIG,
                256 * 1024,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                (int) SEND_TIMEOUT.toMillis(),
                // no producer id to wait for: the in-JVM broker has left a run's first batches unsent for
                // the whole delivery timeout, idle, while an idempotent producer waited for one
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                false,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                1,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class))) {
            // the producer's own view: every partition with a known leader before the first send
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (producer.partitionsFor(topic).size() != partitions
                    || producer.partitionsFor(topic).stream()
                            .anyMatch(p -> p.leader() == null || p.leader().isEmpty())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("producer sees no leader for some partition of " + topic);
                }
                Thread.sleep(100);
            }
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>(articles.size());
            long t0 = System.nanoTime();
            for (int i = 0; i < articles.size(); i++) {
                Article a = articles.get(i);
                if (perSecond > 0) {
                    long due = t0 + (long) (i * 1e9 / perSecond);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                }
                if (sentAt != null) {
                    sentAt.putIfAbsent(a.id(), System.nanoTime());
                }
                sent.add(producer.send(new ProducerRecord<>(topic, a.id(), a.json())));
                if (perSecond <= 0 && (i + 1) % PRELOAD_CHUNK == 0) {
                    // a large pre-fill: bound what waits in the producer, or its batches expire before sending
                    producer.flush();
                }
            }
            producer.flush();
            for (java.util.concurrent.Future<?> f : sent) {
                f.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS); // surfaces any send error
            }
        }
    }

    /** Entries of the article store over all instances' local stores. */
    private static long countArticleStore(List<KafkaStreams> streams) {
        long n = 0;
        for (KafkaStreams ks : streams) {
            ReadOnlyKeyValueStore<String, Object> store = ks.store(StoreQueryParameters.fromNameAndType(
                    RadarTopology.ARTICLE_STORE, QueryableStoreTypes.<String, Object>keyValueStore()));
            try (KeyValueIterator<String, Object> it = store.all()) {
                while (it.hasNext()) {
                    it.next();
                    n++;
                }
            }
        }
        return n;
    }

    /** Records committed to the topic (read_committed, from the start to the last stable offset). */
    private long countCommitted(String topic, Map<String, String> alertLines) {
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(org.rewriteradar.kafka.ByteConsumers.config(bootstrapServers, true))) {
            List<TopicPartition> tps = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                tps.add(new TopicPartition(topic, p));
            }
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            Map<TopicPartition, Long> ends = consumer.endOffsets(tps, Duration.ofSeconds(30));
            long n = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (tps.stream().anyMatch(tp -> consumer.position(tp, Duration.ofSeconds(10)) < ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within 60 s");
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    n++;
                    if (alertLines != null) {
                        String[] line = alertLine(r.value());
                        alertLines.put(line[0], line[1]);
                    }
                }
            }
            return n;
        }
    }

    /** The alert's id, and a line naming it: id, kind, article id@version, original id@version. */
    private static String[] alertLine(byte[] value) {
        try {
            JsonNode a = JsonSerdes.MAPPER.readTree(value);
            String id = a.path("alertId").asText("?");
            return new String[] {
                id,
                String.join(
                        " ",
                        id,
                        a.path("kind").asText(),
                        a.path("article").path("id").asText() + "@"
                                + a.path("article").path("version").asText(),
                        a.path("original").path("id").asText() + "@"
                                + a.path("original").path("version").asText())
            };
        } catch (IOException e) {
            return new String[] {"unparsable", "unparsable"};
        }
    }

    /** Order-independent short digest of a set of ids, to compare two runs' alerts beyond their count. */
    static String digest(Set<String> ids) {
        long h = 0;
        for (String id : ids) {
            long x = id.hashCode() * 0x9E3779B97F4A7C15L;
            h += x ^ (x >>> 29);
        }
        return String.format(Locale.ROOT, "%016x", h);
    }

    private static void closeAll(List<KafkaStreams> streams) {
        for (KafkaStreams ks : streams) {
            ks.close(Duration.ZERO); // start shutting all down at once
        }
        for (KafkaStreams ks : streams) {
            if (!ks.close(Duration.ofSeconds(60))) {
                System.out.println("LOAD warning: a Streams instance did not close within 60 s");
            }
        }
    }

    private static void deleteTopics(Admin admin, String appId, String... names) {
        try {
            Set<String> all = admin.listTopics().names().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Set<String> mine = all.stream()
                    .filter(t -> t.startsWith(appId + "-") || List.of(names).contains(t))
                    .collect(Collectors.toSet());
            admin.deleteTopics(mine).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            System.out.println("LOAD warning: could not delete the run's topics: " + e);
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // State size

    /**
     * Sums the files under a state directory; store directories ({@code <task>/rocksdb/<store>/...}) are also
     * summed per store name into {@code stores}. Returns the directory's total bytes.
     */
    static long measure(Path stateDir, Map<String, StoreSize> stores) throws IOException {
        if (!Files.isDirectory(stateDir)) {
            return 0;
        }
        long total = 0;
        Map<String, Set<Path>> dirs = new HashMap<>();
        try (Stream<Path> files = Files.walk(stateDir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                long size;
                try {
                    size = Files.size(f);
                } catch (IOException gone) {
                    continue;
                }
                total += size;
                Path rel = stateDir.relativize(f);
                for (int i = 0; i + 1 < rel.getNameCount() - 1; i++) {
                    if (rel.getName(i).toString().equals("rocksdb")) {
                        String store = rel.getName(i + 1).toString();
                        boolean sst = f.getFileName().toString().endsWith(".sst");
                        dirs.computeIfAbsent(store, s -> new HashSet<>()).add(rel.subpath(0, i + 2));
                        stores.merge(
                                store,
                                new StoreSize(size, sst ? size : 0, 0),
                                (x, y) -> new StoreSize(x.bytes() + y.bytes(), x.sstBytes() + y.sstBytes(), 0));
                        break;
                    }
                }
            }
        }
        dirs.forEach((store, set) -> stores.computeIfPresent(
                store, (s, v) -> new StoreSize(v.bytes(), v.sstBytes(), v.directories() + set.size())));
        return total;
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.out.println("LOAD warning: could not delete " + dir + ": " + e);
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // Input

    /** Reads JSON lines in the shared data format, keeping each line as it is. */
    public static List<Article> readArticles(Path jsonl) throws IOException {
        List<Article> out = new ArrayList<>();
        try (Stream<String> lines = Files.lines(jsonl, StandardCharsets.UTF_8)) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JsonSerdes.MAPPER.readTree(line);
                out.add(new Article(
                        node.get("id").asText(),
                        OffsetDateTime.parse(node.get("publishedAt").asText()).toInstant(),
                        line));
            }
        }
        return out;
    }

    /** The {@code n} earliest articles, in {@code publishedAt} order (ties keep file order). */
    public static List<Article> firstByPublishedAt(List<Article> articles, int n) {
        if (n > articles.size()) {
            throw new IllegalArgumentException("asked for " + n + " articles, the data has " + articles.size());
        }
        return articles.stream()
                .sorted(Comparator.comparing(Article::publishedAt))
                .limit(n)
                .toList();
    }

    // ---------------------------------------------------------------------------------------------------
    // Report

    static String describe(RunResult r) {
        return String.format(
                Locale.ROOT,
                "variant=%s instances=%d articles=%d completed=%s articles_per_s=%.1f processing_ms=%d"
                        + " time_to_running_ms=%d"
                        + " after_running_ms=%d processed_input=%d indexed=%d alerts=%d distinct_alert_ids=%d"
                        + " alert_digest=%s dlq=%d active_tasks=%s%s%s",
                r.variant(),
                r.instances(),
                r.articles(),
                r.completed(),
                r.articlesPerSecond(),
                r.processingMs(),
                r.timeToRunningMs(),
                r.completed() && r.timeToRunningMs() >= 0 ? r.processingMs() - r.timeToRunningMs() : -1,
                r.processedInput(),
                r.indexedArticles(),
                r.alerts(),
                r.distinctAlertIds(),
                r.alertIdsDigest(),
                r.deadLetters(),
                r.activeTasksPerInstance(),
                r.latency() == null
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                " latency offered_per_s=%.0f from_s=%d alerts_timed=%d p50_ms=%d p95_ms=%d p99_ms=%d"
                                        + " max_ms=%d whole_run_p99_ms=%d max_ms_by_second_sent=%s",
                                r.latency().offeredPerSecond(),
                                r.latency().fromSecond(),
                                r.latency().alerts(),
                                r.latency().p50Ms(),
                                r.latency().p95Ms(),
                                r.latency().p99Ms(),
                                r.latency().maxMs(),
                                r.latency().wholeRunP99Ms(),
                                r.latency().maxBySecond().toString().replace(" ", "")),
                r.failure() == null ? "" : " failure=\"" + r.failure() + "\"");
    }

    static String describeState(RunResult r) {
        double n = Math.max(r.articles(), r.indexedArticles()); // per indexed article, a pre-fill included
        StringBuilder sb = new StringBuilder(String.format(
                Locale.ROOT,
                "instances=%d state_bytes=%d bytes_per_article=%.0f",
                r.instances(),
                r.stateBytes(),
                r.stateBytes() / n));
        r.stores()
                .forEach((store, s) -> sb.append(String.format(
                        Locale.ROOT,
                        " %s=%.0f(sst=%.0f,dirs=%d)",
                        store,
                        s.bytes() / n,
                        s.sstBytes() / n,
                        s.directories())));
        return sb.toString();
    }

    private static void printSummary(Map<String, List<RunResult>> byConfig, int n, EngineFigure engine) {
        System.out.println();
        System.out.println("==================== LOAD summary ====================");
        Map<String, Double> medians = new LinkedHashMap<>();
        for (Map.Entry<String, List<RunResult>> e : byConfig.entrySet()) {
            List<RunResult> runs = e.getValue();
            List<Double> rates = runs.stream()
                    .filter(RunResult::completed)
                    .map(RunResult::articlesPerSecond)
                    .toList();
            double median = median(rates);
            medians.put(e.getKey(), median);
            String rateList = runs.stream()
                    .map(r -> r.completed() ? String.format(Locale.ROOT, "%.1f", r.articlesPerSecond()) : "failed")
                    .collect(Collectors.joining(", ", "[", "]"));
            String running = runs.stream()
                    .map(r -> Long.toString(r.timeToRunningMs()))
                    .collect(Collectors.joining(", ", "[", "]"));
            String alerts =
                    runs.stream().map(r -> Long.toString(r.alerts())).distinct().collect(Collectors.joining("/"));
            String digests =
                    runs.stream().map(RunResult::alertIdsDigest).distinct().collect(Collectors.joining("/"));
            System.out.printf(
                    Locale.ROOT,
                    "LOAD instances+variant=%s articles=%d median_articles_per_s=%.1f runs=%s time_to_running_ms=%s"
                            + " alerts=%s"
                            + " alert_digest=%s%n",
                    e.getKey(),
                    n,
                    median,
                    rateList,
                    running,
                    alerts,
                    digests);
        }
        String firstKey = medians.keySet().iterator().next();
        for (Map.Entry<String, Double> m : medians.entrySet()) {
            if (!m.getKey().equals(firstKey) && medians.get(firstKey) > 0) {
                System.out.printf(
                        Locale.ROOT,
                        "LOAD ratio [%s]/[%s]=%.2f%n",
                        m.getKey(),
                        firstKey,
                        m.getValue() / medians.get(firstKey));
            }
        }
        if (engine != null && engine.engineMedian() > 0) {
            System.out.println("LOAD engine " + engine.describe());
            medians.forEach((config, median) -> System.out.printf(
                    Locale.ROOT,
                    "LOAD service_vs_engine [%s]=%.3f (service %.1f articles/s end to end, engine %.0f on one thread)%n",
                    config,
                    median / engine.engineMedian(),
                    median,
                    engine.engineMedian()));
        }
        Set<String> allAlertCounts = byConfig.values().stream()
                .flatMap(List::stream)
                .map(r -> r.alerts() + "@" + r.alertIdsDigest())
                .collect(Collectors.toCollection(TreeSet::new));
        System.out.println("LOAD same_alerts_across_runs=" + (allAlertCounts.size() == 1) + " " + allAlertCounts);
        for (Map.Entry<String, List<RunResult>> e : byConfig.entrySet()) {
            List<RunResult> runs = e.getValue();
            if (!runs.isEmpty()) {
                System.out.println("LOAD state (last run) " + describeState(runs.get(runs.size() - 1)));
            }
        }
        System.out.println("======================================================");
    }

    static double median(List<Double> xs) {
        if (xs.isEmpty()) {
            return 0;
        }
        List<Double> s = xs.stream().sorted().toList();
        int m = s.size() / 2;
        return s.size() % 2 == 1 ? s.get(m) : (s.get(m - 1) + s.get(m)) / 2;
    }
}

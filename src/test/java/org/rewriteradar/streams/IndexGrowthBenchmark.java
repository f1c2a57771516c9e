package org.rewriteradar.streams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.rewriteradar.StateDirs;
import org.rewriteradar.TestConfig;
import org.rewriteradar.bench.PerturbedPool;
import org.rewriteradar.eval.EvalData;
import org.rewriteradar.model.ArticleEvent;
import org.rewriteradar.similarity.DetectionSettings;
import org.rewriteradar.similarity.RewriteEngine;

/**
 * Cost per article of the whole topology (validation, fingerprinting, RocksDB stores, LSH buckets,
 * candidate lookup and scoring, all repartition hops) as the index grows. The index is pre-filled with
 * {@code indexSize} synthetic articles ({@link PerturbedPool}: perturbed {@code pool-bbc} articles); each
 * benchmark operation then publishes one real {@code pool-bbc} article under a fresh id and processes it
 * to the end. Runs on {@link TopologyTestDriver} with real RocksDB stores, one task, no broker. After the
 * run, the state directory size per indexed article is printed.
 *
 * <p>{@code ./mvnw -Pbench -Dbench.args="IndexGrowthBenchmark"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx6g"})
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 5, time = 10)
public class IndexGrowthBenchmark {

    @Param({"10000", "100000", "1000000"})
    public int indexSize;

    private Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> articles;
    private List<EvalData.Article> probes;
    private long probeCounter;
    private Instant probeTime;

    @Setup(Level.Trial)
    public void fillIndex() throws IOException {
        Path pool = Path.of(System.getProperty("radar.shared.dir", "../shared"), "data", "pool-bbc");
        EvalData.LabelledSet set = EvalData.load(pool, "pool-bbc");
        probes = set.articles();
        PerturbedPool synthetic = new PerturbedPool(probes, PerturbedPool.DEFAULT_REPLACE, PerturbedPool.DEFAULT_SEED);

        stateDir = StateDirs.fresh("radar-index-growth");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "radar-index-growth");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        var config = TestConfig.radar(Map.of("radar.index.retention", "P36500D"));
        driver = new TopologyTestDriver(
                RadarTopology.build(config, new RewriteEngine(DetectionSettings.defaults())), props);
        articles = driver.createInputTopic(
                config.topics().articles(), new ByteArraySerializer(), new ByteArraySerializer());

        Instant start = Instant.parse("2020-01-01T00:00:00Z");
        long begun = System.nanoTime();
        for (int k = 0; k < indexSize; k++) {
            EvalData.Article a = synthetic.article(k);
            publish("synthetic-" + k, a, start.plusSeconds(k));
            if ((k + 1) % 50_000 == 0) {
                System.out.printf(
                        "index fill: %d articles, %.0f articles/s%n",
                        k + 1, (k + 1) / ((System.nanoTime() - begun) / 1e9));
            }
        }
        probeTime = start.plusSeconds(indexSize + 1L);
        System.out.printf(
                "index filled: %d articles in %.1f s; state before probes: %s%n",
                indexSize, (System.nanoTime() - begun) / 1e9, sizes(stateDir, indexSize));
    }

    private void publish(String id, EvalData.Article a, Instant publishedAt) {
        ArticleEvent event = new ArticleEvent(id, null, "bench", a.title(), a.body(), publishedAt, "en");
        try {
            articles.pipeInput(id.getBytes(StandardCharsets.UTF_8), JsonSerdes.MAPPER.writeValueAsBytes(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One real article, new id, through the whole topology against the filled index. */
    @Benchmark
    public void processArticle() {
        long n = probeCounter++;
        EvalData.Article a = probes.get((int) (n % probes.size()));
        probeTime = probeTime.plusSeconds(1);
        publish("probe-" + n, a, probeTime);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        driver.close();
        System.out.printf(
                "state after run (%d indexed + %d probes): %s%n",
                indexSize, probeCounter, sizes(stateDir, indexSize + probeCounter));
        StateDirs.delete(stateDir);
    }

    /** Bytes on disk per indexed article, per store directory and in total. */
    static String sizes(Path stateDir, long articles) throws IOException {
        Map<String, Long> perStore = new LinkedHashMap<>();
        long total = 0;
        try (Stream<Path> files = Files.walk(stateDir)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                long size = Files.size(p);
                total += size;
                String store = "other";
                for (Path part : stateDir.relativize(p)) {
                    if (part.toString().endsWith("-store")) {
                        store = part.toString();
                    }
                }
                perStore.merge(store, size, Long::sum);
            }
        }
        StringBuilder out = new StringBuilder(String.format("total %.0f B/article", (double) total / articles));
        perStore.forEach((k, v) -> out.append(String.format(", %s %.0f", k, (double) v / articles)));
        return out.toString();
    }
}

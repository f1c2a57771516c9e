package org.rewriteradar.streams;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
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
import org.rewriteradar.bench.PerturbedPool;
import org.rewriteradar.eval.EvalData;
import org.rewriteradar.model.ArticleEvent;
import org.rewriteradar.model.RewriteAlert;
import org.rewriteradar.similarity.DetectionSettings;
import org.rewriteradar.similarity.RewriteEngine;

/**
 * Cost per article of the topology's processors, over real RocksDB state stores (the topology's serdes, no cache,
 * no changelog, no broker), as the index grows: versions, LSH buckets, candidate gathering, pair
 * look-up, scoring and the rewrite index, chained as in {@link RadarTopology} with one task. The index is
 * pre-filled with {@code indexSize} synthetic articles ({@link PerturbedPool}: perturbed
 * {@code pool-bbc} articles); each operation then processes one real {@code pool-bbc} article, under a
 * fresh id, to the end. (The TopologyTestDriver is not used: it commits, and so flushes every RocksDB
 * store, after every record.) After the run it prints the state on disk per indexed article.
 *
 * <p>{@code ./mvnw -Pbench -Dbench.args="IndexGrowthBenchmark"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 5, time = 10)
public class IndexGrowthBenchmark {

    @Param({"10000", "100000", "1000000"})
    public int indexSize;

    private Path stateDir;
    private final List<StateStore> stores = new ArrayList<>();
    private RewriteEngine engine;
    private MockProcessorContext<Object, Object> byId;
    private MockProcessorContext<Object, Object> byBand;
    private Processor<String, ArticleEvent, String, VersionProcessor.Update> versions;
    private Processor<String, BandProbe, String, BucketReply> buckets;
    private Processor<String, BucketReply, String, ScoringRequest> collector;
    private Processor<String, ScoringRequest, String, RewriteAlert> score;
    private Processor<String, RewriteAlert, Void, Void> rewriteIndex;
    private List<EvalData.Article> probes;
    private long probeCounter;
    private Instant clock;
    private long alerts;

    @Setup(Level.Trial)
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void fillIndex() throws IOException {
        Path pool = Path.of(System.getProperty("radar.shared.dir", "../shared"), "data", "pool-bbc");
        probes = EvalData.load(pool, "pool-bbc").articles();
        PerturbedPool synthetic = new PerturbedPool(probes, PerturbedPool.DEFAULT_REPLACE, PerturbedPool.DEFAULT_SEED);
        engine = new RewriteEngine(DetectionSettings.defaults());
        stateDir = StateDirs.fresh("radar-index-growth");

        byId = context(0);
        byBand = context(1);
        store(byId, RadarTopology.ARTICLE_STORE, Serdes.String(), RadarTopology.STORED_ARTICLE_SERDE);
        store(byId, RadarTopology.ARTICLE_EXPIRY_STORE, Serdes.String(), Serdes.Long());
        store(byId, RadarTopology.PAIR_STORE, Serdes.String(), Serdes.Long());
        store(byId, RadarTopology.REWRITE_STORE, Serdes.String(), RadarTopology.REWRITES_SERDE);
        store(byId, RadarTopology.CANDIDATE_STORE, Serdes.String(), Serdes.ByteArray());
        store(byBand, RadarTopology.BUCKET_STORE, Serdes.Bytes(), Serdes.ByteArray());

        Duration retention = Duration.ofDays(36_500);
        Duration sweep = Duration.ofHours(1);
        versions = new VersionProcessor(engine, engine::fingerprint, retention, sweep);
        // as RadarTopology: the engine's bucket capacity, candidate limit and minimum shared keys
        buckets = new BucketProcessor(engine.settings().candidates().indexBucketCapacity(), retention, sweep, 50_000);
        collector = new CandidateCollector(
                engine.settings().candidates().maxCandidates(),
                keyCount -> engine.minSharedKeys(new long[keyCount]),
                1);
        score = new ScoreProcessor(engine);
        rewriteIndex = new RewriteIndexProcessor(50, RewriteIndexProcessor.maxBytes(8 * 1024 * 1024));
        versions.init((MockProcessorContext) byId);
        collector.init((MockProcessorContext) byId);
        score.init((MockProcessorContext) byId);
        rewriteIndex.init((MockProcessorContext) byId);
        buckets.init((MockProcessorContext) byBand);

        clock = Instant.parse("2020-01-01T00:00:00Z");
        long begun = System.nanoTime();
        for (int k = 0; k < indexSize; k++) {
            process("synthetic-" + k, synthetic.article(k));
            if ((k + 1) % 100_000 == 0) {
                System.out.printf(
                        "index fill: %d articles, %.0f articles/s%n",
                        k + 1, (k + 1) / ((System.nanoTime() - begun) / 1e9));
            }
        }
        System.out.printf(
                "index filled: %d articles in %.1f s, %d alerts among them; state: %s%n",
                indexSize, (System.nanoTime() - begun) / 1e9, alerts, sizes(stateDir, indexSize));
    }

    private MockProcessorContext<Object, Object> context(int partition) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "radar-index-growth");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        return new MockProcessorContext<>(
                props,
                new TaskId(0, partition),
                stateDir.resolve("0_" + partition).toFile());
    }

    private <K, V> void store(
            MockProcessorContext<Object, Object> context, String name, Serde<K> keys, Serde<V> values) {
        KeyValueStore<K, V> store = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), keys, values)
                .withLoggingDisabled()
                .withCachingDisabled()
                .build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        stores.add(store);
    }

    /** One article through every processor, in topology order, until its alerts are indexed. */
    private void process(String id, EvalData.Article a) {
        clock = clock.plusSeconds(1);
        ArticleEvent event = new ArticleEvent(id, null, "bench", a.title(), a.body(), clock, "en");
        long ts = clock.toEpochMilli();
        // the wall clock the processors stamp indexing times with (retention) follows the articles
        byId.setCurrentSystemTimeMs(ts);
        byBand.setCurrentSystemTimeMs(ts);
        for (VersionProcessor.Update update : run(byId, versions, new Record<>(id, event, ts))) {
            for (var probe : RadarTopology.probes(engine, update, 1)) {
                for (BucketReply reply : run(byBand, buckets, new Record<>(id, probe.value, ts))) {
                    for (ScoringRequest request : run(byId, collector, new Record<>(id, reply, ts))) {
                        for (RewriteAlert alert : run(byId, score, new Record<>(id, request, ts))) {
                            alerts++;
                            run(byId, rewriteIndex, new Record<>(alert.article().id(), alert, ts));
                            run(
                                    byId,
                                    rewriteIndex,
                                    new Record<>(alert.original().id(), alert, ts));
                        }
                    }
                }
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <K, V, VOut> List<VOut> run(
            MockProcessorContext<Object, Object> context, Processor<K, V, ?, VOut> processor, Record<K, V> record) {
        context.resetForwards();
        processor.process(record);
        List<VOut> out = new ArrayList<>();
        for (var captured : context.forwarded()) {
            out.add((VOut)
                    ((MockProcessorContext.CapturedForward) captured).record().value());
        }
        context.resetForwards();
        return out;
    }

    /** One real pool-bbc article, under a new id, through the whole chain against the filled index. */
    @Benchmark
    public long processArticle() {
        long n = probeCounter++;
        process("probe-" + n, probes.get((int) (n % probes.size())));
        return alerts;
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        stores.forEach(StateStore::flush);
        System.out.printf(
                "state after run (%d indexed + %d probes, %d alerts): %s%n",
                indexSize, probeCounter, alerts, sizes(stateDir, indexSize + probeCounter));
        stores.forEach(StateStore::close);
        StateDirs.delete(stateDir);
    }

    /** Bytes on disk per indexed article, in total and per store directory. */
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

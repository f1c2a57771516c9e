package org.rewriteradar.streams;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
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
import org.rewriteradar.StateDirs;
import org.rewriteradar.TestConfig;
import org.rewriteradar.bench.PerturbedPool;
import org.rewriteradar.config.RadarConfig;
import org.rewriteradar.eval.EvalData;
import org.rewriteradar.model.ArticleEvent;
import org.rewriteradar.model.RewriteAlert;
import org.rewriteradar.similarity.ArticleFingerprint;
import org.rewriteradar.similarity.DetectionSettings;
import org.rewriteradar.similarity.RewriteEngine;

/**
 * Cost per article of the topology's processors as the index grows, in one process: the index is filled
 * with synthetic articles ({@link PerturbedPool}: perturbed {@code pool-bbc} articles) up to each checkpoint
 * in turn (by default 10k, 100k and 1M), and at each checkpoint real {@code pool-bbc} articles, under fresh
 * ids and never used as probes before, are run through the whole chain (versions, buckets, candidate
 * gathering, scoring and the rewrite index, as in {@link RadarTopology} with one task) over real RocksDB
 * stores with the service's RocksDB settings (no cache, no changelog, no broker).
 *
 * <p>Each round times a batch of probes through the topology, each article followed by a fixed amount
 * of engine work (fingerprint, then compare with the same 8 stored fingerprints): that baseline does
 * not depend on the index, so the ratio of the two cancels the load of a shared machine. A checkpoint
 * reports the medians over its rounds, the time per processor, and the work the index hands to the later
 * stages (bucket members met, candidates scored, alerts), so growth can be told apart between index
 * mechanics and data that gets denser as synthetic relatives accumulate. The fill is timed too (it is the
 * same chain). State on disk per indexed article is printed at each checkpoint.
 *
 * <p>Detection at a distance: before the fill, the originals of {@code --distant} × checkpoints spun pairs of
 * the generated spin set ({@code ./mvnw -Peval} writes it) are indexed; at each checkpoint the rewrites of
 * {@code --distant} of them are published and the alerts naming their original counted ({@code
 * distant_found}), so a bucket capacity that lets the index forget under a growing fill shows.
 *
 * <p>Neighbourhood against index size: with {@code --unseen-share F} (0 by default) a seeded fraction F of
 * the pool is never a base of the fill. Each round then times probes of both kinds, reported apart: {@code
 * probes=seen} (their base articles are in the fill, so every probe has checkpoint / (pool × (1 − F)) synthetic
 * relatives sharing its names, numbers and a fifth of its words: its neighbourhood grows with the index) and
 * {@code probes=unseen} (articles of the same pool, topics and vocabulary whose neighbourhood does not grow
 * with the fill: what the index's size alone costs). Distant spun pairs are counted apart the same way.
 * {@code --settings} takes engine overrides as {@code -Deval.settings} does (e.g. {@code
 * candidates.index-bucket-capacity=16}); {@code --variants "a=radar.k=v,radar.k2=v;b="} names sets of
 * service settings ({@code radar.index.*}, on the defaults; other keys are Streams properties, e.g. {@code
 * rocksdb.config.setter}): one chain each, every article through each in
 * turn, and per-chain lines against the one baseline, an A/B under the same load ({@code fill_rate} then
 * counts articles through any chain).
 *
 * <pre>
 * ./mvnw -B -q test-compile
 * MAVEN_OPTS=-Xmx6g ./mvnw -B -q exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.rewriteradar.streams.IndexGrowthBenchmark \
 *   -Dexec.args="--checkpoints 10000,100000,1000000 --rounds 7 --probes 100"
 * </pre>
 *
 * <p>Output lines start with {@code GROWTH}; the last block is a table, one line per checkpoint.
 */
public final class IndexGrowthBenchmark {

    private static final String[] STAGES = {"versions", "buckets", "candidates", "score", "rewrite-index"};

    private final Path stateDir;
    private final List<StateStore> stores = new ArrayList<>();
    private final RewriteEngine engine;
    private final MockProcessorContext<Object, Object> byId;
    private final MockProcessorContext<Object, Object> byBand;
    private final Processor<String, ArticleEvent, String, VersionProcessor.Update> versions;
    private final Processor<String, BandProbe, String, BucketReply> buckets;
    private final Processor<String, BucketReply, String, ScoringRequest> collector;
    private final Processor<String, ScoringRequest, String, ScoreProcessor.Scored> score;
    private final Processor<String, RewriteAlert, Void, Void> rewriteIndex;
    private Instant clock = Instant.parse("2020-01-01T00:00:00Z");

    private final long[] stageNanos = new long[STAGES.length];
    private long members;
    private long candidates;
    private long alerts;
    private final List<RewriteAlert> recentAlerts = new ArrayList<>();

    @SuppressWarnings({"unchecked", "rawtypes"})
    IndexGrowthBenchmark(RewriteEngine engine, RadarConfig.Index index, Map<String, String> streamsSettings) {
        this.engine = engine;
        this.stateDir = StateDirs.fresh("radar-index-growth");
        byId = context(0, streamsSettings);
        byBand = context(1, streamsSettings);
        store(byId, RadarTopology.ARTICLE_STORE, Serdes.String(), RadarTopology.STORED_ARTICLE_SERDE);
        store(byId, RadarTopology.ARTICLE_EXPIRY_STORE, Serdes.String(), Serdes.Long());
        store(byId, RadarTopology.PAIR_STORE, Serdes.String(), RadarTopology.PAIR_MARK_SERDE);
        store(byId, RadarTopology.REWRITE_STORE, Serdes.String(), RadarTopology.REWRITES_SERDE);
        store(byId, RadarTopology.CANDIDATE_STORE, Serdes.String(), Serdes.ByteArray());
        store(byBand, RadarTopology.BUCKET_STORE, Serdes.Bytes(), Serdes.ByteArray());

        Duration retention = Duration.ofDays(36_500);
        Duration sweep = Duration.ofHours(1);
        versions = new VersionProcessor(engine, engine::fingerprint, retention, sweep);
        buckets = new BucketProcessor(
                engine.settings().candidates().indexBucketCapacity(),
                engine.settings().candidates().fullBucketMembers(),
                retention,
                sweep,
                index.sweepBatch(),
                index.bucketCacheMembers());
        ScoringMeters meters = ScoringMeters.of(new SimpleMeterRegistry());
        collector = new CandidateCollector(
                engine.settings().candidates().maxCandidates(),
                engine.settings().candidates().maxLaterCandidates(),
                keyCount -> engine.minSharedKeys(new long[keyCount]),
                1,
                false, // the pair index alone: story rounds are measured end to end (BENCHMARKS.md)
                meters);
        score = new ScoreProcessor(engine, meters);
        rewriteIndex = new RewriteIndexProcessor(50, RewriteIndexProcessor.maxBytes(8 * 1024 * 1024));
        versions.init((MockProcessorContext) byId);
        collector.init((MockProcessorContext) byId);
        score.init((MockProcessorContext) byId);
        rewriteIndex.init((MockProcessorContext) byId);
        buckets.init((MockProcessorContext) byBand);
    }

    private MockProcessorContext<Object, Object> context(int partition, Map<String, String> streamsSettings) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "radar-index-growth");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, RadarRocksDbConfig.class);
        props.putAll(streamsSettings);
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
    void process(String id, EvalData.Article a) {
        clock = clock.plusSeconds(1);
        ArticleEvent event = new ArticleEvent(id, null, "bench", a.title(), a.body(), clock, "en");
        long ts = clock.toEpochMilli();
        // the wall clock the processors stamp indexing times with (retention) follows the articles
        byId.setCurrentSystemTimeMs(ts);
        byBand.setCurrentSystemTimeMs(ts);
        for (VersionProcessor.Update update : run(0, byId, versions, new Record<>(id, event, ts))) {
            if (update.article() == null) {
                continue; // a revision alert or a dead letter: not indexed, as in the topology
            }
            for (var probe : RadarTopology.probes(engine, update, 1)) {
                for (BucketReply reply : run(1, byBand, buckets, new Record<>(id, probe.value, ts))) {
                    members += reply.shared().size();
                    for (ScoringRequest request : run(2, byId, collector, new Record<>(id, reply, ts))) {
                        candidates += request.candidates().size();
                        for (ScoreProcessor.Scored scored : run(3, byId, score, new Record<>(id, request, ts))) {
                            RewriteAlert alert = scored.alert();
                            alerts++;
                            recentAlerts.add(alert);
                            run(
                                    4,
                                    byId,
                                    rewriteIndex,
                                    new Record<>(alert.article().id(), alert, ts));
                            run(
                                    4,
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
    private <K, V, VOut> List<VOut> run(
            int stage,
            MockProcessorContext<Object, Object> context,
            Processor<K, V, ?, VOut> processor,
            Record<K, V> record) {
        context.resetForwards();
        long begun = System.nanoTime();
        processor.process(record);
        stageNanos[stage] += System.nanoTime() - begun;
        List<VOut> out = new ArrayList<>();
        for (var captured : context.forwarded()) {
            out.add((VOut)
                    ((MockProcessorContext.CapturedForward) captured).record().value());
        }
        context.resetForwards();
        return out;
    }

    private void resetCounters() {
        recentAlerts.clear();
        Arrays.fill(stageNanos, 0);
        members = 0;
        candidates = 0;
        alerts = 0;
    }

    void close() {
        stores.forEach(StateStore::flush);
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

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> opts = new LinkedHashMap<>();
        opts.put("--checkpoints", "10000,100000,1000000");
        opts.put("--rounds", "7");
        opts.put("--probes", "100");
        opts.put("--warmup", "2000");
        opts.put("--shared", System.getProperty("radar.shared.dir", "../shared"));
        opts.put("--spin", "target/generated-sets/spin");
        opts.put("--distant", "50");
        opts.put("--settings", "");
        opts.put("--variants", "service=");
        opts.put("--unseen-share", "0");
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!opts.containsKey(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; options: " + opts.keySet());
            }
            opts.put(args[i], args[i + 1]);
        }
        // as the service (and TopologyReplay): Kafka's loggers at WARN, not JBoss LogManager's default ALL
        org.jboss.logmanager.Logger.getLogger("org.apache.kafka").setLevel(java.util.logging.Level.WARNING);
        int[] checkpoints = Arrays.stream(opts.get("--checkpoints").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim()))
                .toArray();
        int rounds = Integer.parseInt(opts.get("--rounds"));
        int perRound = Integer.parseInt(opts.get("--probes"));
        int warmup = Integer.parseInt(opts.get("--warmup"));

        List<EvalData.Article> pool = EvalData.load(Path.of(opts.get("--shared"), "data", "pool-bbc"), "pool-bbc")
                .articles();
        double unseenShare = Double.parseDouble(opts.get("--unseen-share"));
        List<EvalData.Article> bases = new ArrayList<>(pool);
        Collections.shuffle(bases, new Random(20_261_204L));
        List<EvalData.Article> unseenPool = new ArrayList<>(
                bases.subList(bases.size() - (int) Math.round(unseenShare * bases.size()), bases.size()));
        bases.removeAll(unseenPool);
        java.util.Set<String> unseenIds = new java.util.HashSet<>();
        unseenPool.forEach(a -> unseenIds.add(a.id()));
        PerturbedPool synthetic = new PerturbedPool(bases, PerturbedPool.DEFAULT_REPLACE, PerturbedPool.DEFAULT_SEED);
        RewriteEngine engine = new RewriteEngine(
                org.rewriteradar.eval.Evaluate.overridden(DetectionSettings.defaults(), opts.get("--settings")));
        // spun rewrites whose originals are indexed before the fill and probed at each checkpoint
        int distant = Integer.parseInt(opts.get("--distant"));
        List<EvalData.Pair> spun = new ArrayList<>();
        Map<String, EvalData.Article> spinArticles = new LinkedHashMap<>();
        Path spinDir = Path.of(opts.get("--spin"));
        if (distant > 0 && Files.isDirectory(spinDir)) {
            EvalData.LabelledSet spin = EvalData.load(spinDir, "spin");
            spin.articles().forEach(a -> spinArticles.put(a.id(), a));
            pool.forEach(a -> spinArticles.putIfAbsent(a.id(), a));
            spin.pairs().stream()
                    .filter(p -> p.label().equals("SPUN_REWRITE"))
                    .limit((long) distant * checkpoints.length)
                    .forEach(spun::add);
        } else if (distant > 0) {
            System.out.println("GROWTH no spin set at " + spinDir + " (./mvnw -Peval makes it): no distant probes");
        }
        java.util.Set<String> spunOriginals = new java.util.HashSet<>();
        spun.forEach(p -> spunOriginals.add(p.original()));
        List<EvalData.Article> all = new ArrayList<>(pool);
        all.removeIf(a -> spunOriginals.contains(a.id())); // a probe must not copy an indexed original
        Collections.shuffle(all, new Random(20_221_231L));
        // one list of probes per kind: "all", or "seen" (bases of the fill) and "unseen"
        Map<String, List<EvalData.Article>> probeKinds = new LinkedHashMap<>();
        if (unseenPool.isEmpty()) {
            probeKinds.put("all", all);
        } else {
            probeKinds.put(
                    "seen",
                    all.stream().filter(a -> !unseenIds.contains(a.id())).toList());
            probeKinds.put(
                    "unseen",
                    all.stream().filter(a -> unseenIds.contains(a.id())).toList());
        }
        for (var kind : probeKinds.entrySet()) {
            if (checkpoints.length * rounds * perRound > kind.getValue().size()) {
                throw new IllegalArgumentException("checkpoints × rounds × probes exceeds the "
                        + kind.getValue().size() + " " + kind.getKey()
                        + " pool-bbc articles: a probe must not meet an earlier copy of itself");
            }
        }
        String[] kinds = probeKinds.keySet().toArray(String[]::new);
        int kindCount = kinds.length;
        // the baseline's fixed engine work: compare each probe with the same 8 stored fingerprints
        ArticleFingerprint[] fixed = new ArticleFingerprint[8];
        for (int k = 0; k < fixed.length; k++) {
            EvalData.Article a = synthetic.article(k);
            fixed[k] = engine.fingerprint(a.id(), a.title(), a.body()).withoutKeys();
        }

        System.out.printf(
                "GROWTH setup checkpoints=%s rounds=%d probes=%d warmup=%d pool=%d unseen=%d distant=%d settings=%s"
                        + " bucket_capacity=%d variants=%s cpus=%d%n",
                Arrays.toString(checkpoints),
                rounds,
                perRound,
                warmup,
                pool.size(),
                unseenPool.size(),
                spun.size(),
                opts.get("--settings"),
                engine.settings().candidates().indexBucketCapacity(),
                opts.get("--variants"),
                Runtime.getRuntime().availableProcessors());
        Map<String, Map<String, String>> variants =
                org.rewriteradar.load.LoadBenchmark.Options.parseVariants(opts.get("--variants"));
        String[] names = variants.keySet().toArray(String[]::new);
        // one chain per variant, each article through each in turn: an A/B in one process and one load
        List<IndexGrowthBenchmark> chains = new ArrayList<>();
        for (Map<String, String> settings : variants.values()) {
            chains.add(new IndexGrowthBenchmark(
                    engine,
                    TestConfig.radar(settings).index(),
                    settings.entrySet().stream()
                            .filter(e -> !e.getKey().startsWith("radar."))
                            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
        }
        int n = chains.size();
        for (EvalData.Pair p : spun) {
            chains.forEach(chain -> chain.process("distant-original-" + p.original(), spinArticles.get(p.original())));
        }
        int nextDistant = 0;
        List<String> table = new ArrayList<>();
        long sink = 0;
        int indexed = 0;
        int[] nextProbe = new int[kindCount];
        long fillBegun = System.nanoTime();
        int fillFrom = 0;
        try {
            for (int checkpoint : checkpoints) {
                long chunkBegun = System.nanoTime();
                int chunkFrom = indexed;
                while (indexed < checkpoint) {
                    for (IndexGrowthBenchmark chain : chains) {
                        chain.process("synthetic-" + indexed, synthetic.article(indexed));
                    }
                    indexed++;
                    if (indexed % 50_000 == 0) {
                        System.out.printf(
                                "GROWTH fill %d articles, last %d at %.0f articles/s (each through %d chains)%n",
                                indexed,
                                indexed - chunkFrom,
                                (indexed - chunkFrom) / ((System.nanoTime() - chunkBegun) / 1e9),
                                n);
                        chunkBegun = System.nanoTime();
                        chunkFrom = indexed;
                    }
                }
                double fillRate = n * (indexed - fillFrom) / ((System.nanoTime() - fillBegun) / 1e9);
                if (checkpoint == checkpoints[0]) {
                    // warm the JIT on synthetic articles (they join the index like any other)
                    for (int k = 0; k < warmup; k++, indexed++) {
                        for (IndexGrowthBenchmark chain : chains) {
                            chain.process("synthetic-" + indexed, synthetic.article(indexed));
                        }
                        for (ArticleFingerprint f : fixed) {
                            sink += engine.compare(f, f).isPresent() ? 1 : 0;
                        }
                    }
                }
                int cols = n * kindCount;
                double[][] topo = new double[cols][rounds];
                double[][] base = new double[kindCount][rounds];
                double[][][] stage = new double[cols][STAGES.length][rounds];
                long[] members = new long[cols];
                long[] candidates = new long[cols];
                long[] alerts = new long[cols];
                for (int r = 0; r < rounds; r++)
                    for (int k = 0; k < kindCount; k++) {
                        List<EvalData.Article> batch =
                                probeKinds.get(kinds[k]).subList(nextProbe[k], nextProbe[k] + perRound);
                        nextProbe[k] += perRound;
                        chains.forEach(IndexGrowthBenchmark::resetCounters);
                        long[] topoNanos = new long[n];
                        long baseNanos = 0;
                        for (int a = 0; a < batch.size(); a++) {
                            EvalData.Article article = batch.get(a);
                            for (int t = 0; t < n; t++) {
                                int c = (a + t) % n; // alternate which chain goes first
                                long begun = System.nanoTime();
                                chains.get(c).process("probe-" + article.id(), article);
                                topoNanos[c] += System.nanoTime() - begun;
                            }
                            long between = System.nanoTime();
                            ArticleFingerprint fp =
                                    engine.fingerprint("baseline-" + article.id(), article.title(), article.body());
                            for (ArticleFingerprint f : fixed) {
                                sink += engine.compare(f, fp).isPresent() ? 1 : 0;
                            }
                            baseNanos += System.nanoTime() - between;
                        }
                        base[k][r] = baseNanos / 1e6 / perRound;
                        for (int c = 0; c < n; c++) {
                            IndexGrowthBenchmark chain = chains.get(c);
                            int col = c * kindCount + k;
                            topo[col][r] = topoNanos[c] / 1e6 / perRound;
                            for (int s = 0; s < STAGES.length; s++) {
                                stage[col][s][r] = chain.stageNanos[s] / 1e6 / perRound;
                            }
                            members[col] += chain.members;
                            candidates[col] += chain.candidates;
                            alerts[col] += chain.alerts;
                        }
                    }
                indexed += rounds * perRound * kindCount;
                // spun rewrites of originals indexed before the whole fill: still found?
                int[][] found = new int[n][2]; // [chain][original seen, unseen]
                int[] asked = new int[2];
                List<EvalData.Pair> slice =
                        spun.subList(Math.min(nextDistant, spun.size()), Math.min(nextDistant + distant, spun.size()));
                nextDistant += distant;
                for (EvalData.Pair p : slice) {
                    String original = "distant-original-" + p.original();
                    int side = unseenIds.contains(p.original()) ? 1 : 0;
                    asked[side]++;
                    for (int c = 0; c < n; c++) {
                        IndexGrowthBenchmark chain = chains.get(c);
                        chain.resetCounters();
                        chain.process("distant-rewrite-" + p.candidate(), spinArticles.get(p.candidate()));
                        if (chain.recentAlerts.stream()
                                .anyMatch(al -> al.original().id().equals(original))) {
                            found[c][side]++;
                        }
                    }
                    indexed++;
                }
                for (int col = 0; col < cols; col++) {
                    int c = col / kindCount;
                    int k = col % kindCount;
                    double[] ratio = new double[rounds];
                    for (int r = 0; r < rounds; r++) {
                        ratio[r] = topo[col][r] / base[k][r];
                    }
                    StringBuilder stages = new StringBuilder();
                    for (int s = 0; s < STAGES.length; s++) {
                        stages.append(String.format(" %s=%.3f", STAGES[s], median(stage[col][s])));
                    }
                    String line = String.format(
                            "GROWTH indexed=%d variant=%s probes=%s topology_ms=%.3f engine_baseline_ms=%.3f ratio=%.2f"
                                    + " (rounds %s) members_per_article=%.0f candidates_per_article=%.2f"
                                    + " alerts_per_article=%.3f distant_found=%s fill_rate=%.0f/s stage_ms:%s",
                            checkpoint,
                            names[c],
                            kinds[k],
                            median(topo[col]),
                            median(base[k]),
                            median(ratio),
                            Arrays.toString(Arrays.stream(ratio)
                                    .map(x -> Math.round(x * 100) / 100.0)
                                    .toArray()),
                            (double) members[col] / (rounds * perRound),
                            (double) candidates[col] / (rounds * perRound),
                            (double) alerts[col] / (rounds * perRound),
                            unseenPool.isEmpty()
                                    ? found[c][0] + "/" + slice.size()
                                    : String.format(
                                            "seen:%d/%d,unseen:%d/%d", found[c][0], asked[0], found[c][1], asked[1]),
                            fillRate,
                            stages);
                    System.out.println(line);
                    table.add(line);
                    if (k != kindCount - 1) {
                        continue;
                    }
                    IndexGrowthBenchmark chain = chains.get(c);
                    chain.stores.forEach(StateStore::flush);
                    System.out.println("GROWTH state at " + checkpoint + " variant=" + names[c] + ": "
                            + sizes(chain.stateDir, indexed));
                }
                fillBegun = System.nanoTime();
                fillFrom = indexed;
            }
        } finally {
            chains.forEach(IndexGrowthBenchmark::close);
        }
        System.out.println("GROWTH summary (sink " + (sink % 2) + ")");
        table.forEach(System.out::println);
    }
}

package org.rewriteradar.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.rewriteradar.config.DetectionOverrides;
import org.rewriteradar.eval.EvalData;
import org.rewriteradar.eval.MinHashBaseline;
import org.rewriteradar.similarity.ArticleFingerprint;
import org.rewriteradar.similarity.DetectionSettings;
import org.rewriteradar.similarity.InMemoryCandidateIndex;
import org.rewriteradar.similarity.RewriteEngine;

/**
 * Engine vs bare MinHash baseline on real pool-bbc articles, queried as they are (0.5-25 KB, median
 * about 2 KB). Per operation one article is fingerprinted ({@code *Fingerprint}), or fingerprinted and
 * scored against its LSH candidates ({@code *FingerprintAndScore}: engine up to {@code maxCandidates},
 * ranked by shared keys; baseline every id sharing a band, estimated Jaccard) in an index of
 * {@code rr.index.size} fingerprints (default 100,000): the whole pool plus synthetic articles from
 * {@link PerturbedPool} (documented perturbation of pool articles, seed {@link PerturbedPool#DEFAULT_SEED}).
 * The query's own pool entry is excluded, its perturbed relatives are not. The {@code bytes} secondary
 * result is body bytes processed per second (divide by 1024 for KB/s).
 *
 * <p>Parameter {@code probes}: {@code pool} queries every pool article in turn; {@code 4-6KB} only the
 * pool-bbc articles of 4,096-6,144 characters (the article size).
 *
 * <p>Data folder: system property {@code rr.pool} (default {@code /work/shared/data/pool-bbc}). Run:
 * {@code ./mvnw -Pbench -Dbench.args="EngineBenchmark -f 1 -wi 2 -i 3"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx6g", "-XX:+UseParallelGC"})
public class EngineBenchmark {

    private RewriteEngine engine;
    private final MinHashBaseline baseline = new MinHashBaseline();
    /**
     * Probe articles: {@code pool} = every pool-bbc article as it is (0.5-25 KB, median about 2 KB);
     * {@code 4-6KB} = the pool-bbc articles whose body is 4,096-6,144 characters (113 real articles, mean
     * about 4.7 KB; no concatenation). The index is the same for both.
     */
    @Param({"pool", "4-6KB"})
    public String probes;

    /**
     * Candidates scored per article ({@code radar.detection.candidates.max-candidates}); the default is the service's.
     * {@code -p maxCandidates=8,4} measures the trade-off of scoring fewer in one run.
     */
    @Param({"8"})
    public int maxCandidates;

    /**
     * Share of the content words {@link PerturbedPool} replaces in the synthetic articles of the index (its
     * default, 0.8, leaves a query's relatives about a fifth of its words). Lower values make closer
     * topical neighbours, which pass more of the engine's prefilter and cost a full scoring: {@code -p
     * replace=0.8,0.6} measures that sensitivity.
     */
    @Param({"0.8"})
    public double replace;

    /**
     * Sentence keys per sentence ({@code radar.detection.fingerprinting.sentence-key-seeds}), index and
     * queries alike; 0 = the service's default. {@code -p sentenceKeySeeds=2,3} measures the cost of more keys
     * in one run.
     */
    @Param({"0"})
    public int sentenceKeySeeds;

    private List<EvalData.Article> articles;
    private List<EvalData.Article> queries;
    private InMemoryCandidateIndex index;
    private BaselineIndex baselineIndex;
    private int next;

    /** Body bytes processed, reported per second beside the operations. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Bytes {
        public long bytes;
    }

    @Setup(Level.Trial)
    public void setup(BenchmarkParams params) {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("candidates.max-candidates", Integer.toString(maxCandidates));
        if (sentenceKeySeeds > 0) {
            overrides.put("fingerprinting.sentence-key-seeds", Integer.toString(sentenceKeySeeds));
        }
        engine = new RewriteEngine(DetectionOverrides.apply(DetectionSettings.defaults(), overrides));
        boolean engineIndex = params.getBenchmark().endsWith("engineFingerprintAndScore");
        boolean baselineIndexNeeded = params.getBenchmark().endsWith("baselineFingerprintAndScore");
        Path pool = Path.of(System.getProperty("rr.pool", "/work/shared/data/pool-bbc"));
        if (!Files.exists(pool.resolve("articles.jsonl"))) {
            throw new IllegalStateException("pool data not found at " + pool + " (set -Drr.pool)");
        }
        // only the scoring benchmarks need (and build) their method's index
        int indexSize = engineIndex || baselineIndexNeeded ? Integer.getInteger("rr.index.size", 100_000) : 0;
        articles = EvalData.load(pool, "pool").articles();
        PerturbedPool perturbed = new PerturbedPool(articles, replace, PerturbedPool.DEFAULT_SEED);
        index = InMemoryCandidateIndex.of(engine.settings().candidates());
        baselineIndex = new BaselineIndex(64);
        long t0 = System.nanoTime();
        for (int k = 0; k < indexSize; k++) {
            EvalData.Article a = perturbed.indexArticle(k);
            if (engineIndex) {
                ArticleFingerprint fp = engine.fingerprint(a.id(), a.title(), a.body());
                index.put(fp, engine.candidateKeys(fp));
            } else {
                baselineIndex.put(baseline.fingerprint(a.id(), a.body()));
            }
        }
        queries = probes.equals("pool")
                ? articles
                : articles.stream()
                        .filter(x -> x.body().length() >= 4096 && x.body().length() <= 6144)
                        .toList();
        System.out.printf(
                "%n[setup] %d probe articles (%s), mean %.0f chars%n",
                queries.size(),
                probes,
                queries.stream().mapToInt(x -> x.body().length()).average().orElse(0));
        System.out.printf(
                "%n[setup] indexed %d fingerprints (%d pool + %d perturbed) in %.1fs%n",
                indexSize,
                Math.min(indexSize, articles.size()),
                Math.max(0, indexSize - articles.size()),
                (System.nanoTime() - t0) / 1e9);
    }

    private EvalData.Article nextArticle() {
        EvalData.Article a = queries.get(next);
        next = (next + 1) % queries.size();
        return a;
    }

    @Benchmark
    public Object engineFingerprint(Bytes bytes) {
        EvalData.Article a = nextArticle();
        bytes.bytes += a.body().length();
        return engine.fingerprint(a.id(), a.title(), a.body());
    }

    @Benchmark
    public Object baselineFingerprint(Bytes bytes) {
        EvalData.Article a = nextArticle();
        bytes.bytes += a.body().length();
        return baseline.fingerprint(a.id(), a.body());
    }

    @Benchmark
    public void engineFingerprintAndScore(Bytes bytes, Blackhole bh) {
        EvalData.Article a = nextArticle();
        bytes.bytes += a.body().length();
        ArticleFingerprint fp = engine.fingerprint("q-" + a.id(), a.title(), a.body());
        for (String id : index.candidates(
                engine.candidateKeys(fp),
                engine.settings().candidates().maxCandidates(),
                a.id(),
                engine.minSharedKeys(fp.keys()))) {
            bh.consume(engine.compare(index.get(id), fp));
        }
    }

    @Benchmark
    public void baselineFingerprintAndScore(Bytes bytes, Blackhole bh) {
        EvalData.Article a = nextArticle();
        bytes.bytes += a.body().length();
        MinHashBaseline.Fp fp = baseline.fingerprint("q-" + a.id(), a.body());
        baselineIndex.score(fp, a.id(), baseline, bh);
    }

    /** The baseline's LSH index: band key -> most recent ids (bounded), as in the evaluation command. */
    static final class BaselineIndex {
        private final int capacity;
        private final Map<Long, int[]> buckets = new HashMap<>();
        private final Map<String, Integer> ids = new HashMap<>();
        private MinHashBaseline.Fp[] fps = new MinHashBaseline.Fp[1024];
        private int[] seen = new int[1024];
        private int size;
        private int stamp;

        BaselineIndex(int capacity) {
            this.capacity = capacity;
        }

        void put(MinHashBaseline.Fp fp) {
            int id = size++;
            if (id == fps.length) {
                fps = Arrays.copyOf(fps, id * 2);
                seen = Arrays.copyOf(seen, id * 2);
            }
            fps[id] = fp;
            ids.put(fp.id(), id);
            for (long k : fp.keys()) {
                int[] b = buckets.get(k);
                if (b == null) {
                    b = new int[] {0, -1};
                }
                if (b[0] + 1 == b.length) {
                    if (b[0] < capacity) {
                        b = Arrays.copyOf(b, Math.min(capacity, 2 * b[0]) + 1);
                    } else {
                        System.arraycopy(b, 2, b, 1, b[0] - 1);
                        b[0]--;
                    }
                }
                b[++b[0]] = id;
                buckets.put(k, b);
            }
        }

        void score(MinHashBaseline.Fp q, String exclude, MinHashBaseline baseline, Blackhole bh) {
            stamp++;
            Integer ex = ids.get(exclude);
            for (long k : q.keys()) {
                int[] b = buckets.get(k);
                if (b == null) {
                    continue;
                }
                for (int i = 1; i <= b[0]; i++) {
                    int id = b[i];
                    if (seen[id] != stamp && (ex == null || id != ex)) {
                        seen[id] = stamp;
                        bh.consume(baseline.jaccard(fps[id], q) >= MinHashBaseline.THRESHOLD);
                    }
                }
            }
        }
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder()
                        .include(EngineBenchmark.class.getSimpleName())
                        .build())
                .run();
    }
}

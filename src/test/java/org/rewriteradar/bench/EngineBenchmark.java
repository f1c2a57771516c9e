package org.rewriteradar.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.rewriteradar.eval.EvalData;
import org.rewriteradar.eval.MinHashBaseline;
import org.rewriteradar.similarity.ArticleFingerprint;
import org.rewriteradar.similarity.DetectionSettings;
import org.rewriteradar.similarity.InMemoryCandidateIndex;
import org.rewriteradar.similarity.RewriteEngine;

/**
 * Engine vs bare MinHash baseline on real pool-bbc articles (as they are, 0.5-25 KB). Per operation:
 * one article fingerprinted ({@code *Fingerprint}), or fingerprinted and scored against its LSH
 * candidates in an index of the whole pool ({@code *FingerprintAndScore}). The index here holds the
 * pool (2,127 articles), not the 100k/1M of the full benchmark plan. Data folder: system property
 * {@code rr.pool} (default {@code /work/shared/data/pool-bbc}).
 * Run: {@code java -cp <test classpath> org.rewriteradar.bench.EngineBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class EngineBenchmark {

    private final RewriteEngine engine = new RewriteEngine(DetectionSettings.defaults());
    private final MinHashBaseline baseline = new MinHashBaseline();
    private List<EvalData.Article> articles;
    private InMemoryCandidateIndex index;
    private int next;

    @Setup
    public void setup() {
        Path pool = Path.of(System.getProperty("rr.pool", "/work/shared/data/pool-bbc"));
        if (!Files.exists(pool.resolve("articles.jsonl"))) {
            throw new IllegalStateException("pool data not found at " + pool + " (set -Drr.pool)");
        }
        articles = EvalData.load(pool, "pool").articles();
        index = new InMemoryCandidateIndex(engine.settings().indexBucketCapacity());
        for (EvalData.Article a : articles) {
            ArticleFingerprint fp = engine.fingerprint(a.id(), a.title(), a.body());
            index.put(fp, engine.candidateKeys(fp));
        }
    }

    private EvalData.Article nextArticle() {
        EvalData.Article a = articles.get(next);
        next = (next + 1) % articles.size();
        return a;
    }

    @Benchmark
    public Object engineFingerprint() {
        EvalData.Article a = nextArticle();
        return engine.fingerprint(a.id(), a.title(), a.body());
    }

    @Benchmark
    public Object baselineFingerprint() {
        EvalData.Article a = nextArticle();
        return baseline.fingerprint(a.id(), a.body());
    }

    @Benchmark
    public void engineFingerprintAndScore(Blackhole bh) {
        EvalData.Article a = nextArticle();
        ArticleFingerprint fp = engine.fingerprint("q-" + a.id(), a.title(), a.body());
        for (String id :
                index.candidates(engine.candidateKeys(fp), engine.settings().maxCandidates(), a.id())) {
            bh.consume(engine.compare(index.get(id), fp));
        }
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder()
                        .include(EngineBenchmark.class.getSimpleName())
                        .build())
                .run();
    }
}

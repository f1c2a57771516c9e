package org.rewriteradar.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rewriteradar.eval.EvalData;
import org.rewriteradar.similarity.ArticleFingerprint;
import org.rewriteradar.similarity.DetectionSettings;
import org.rewriteradar.similarity.InMemoryCandidateIndex;
import org.rewriteradar.similarity.RewriteEngine;
import org.rewriteradar.text.TextAnalyzer;
import org.rewriteradar.text.TextNormalizer;

/**
 * One side of {@link SideBySide}: loaded once per class loader, so each build of the engine gets its own
 * index and state. Same data as {@link EngineBenchmark}: an index of pool-bbc plus {@link PerturbedPool}
 * articles, probed with the pool-bbc articles of 4-6 KB. Public static methods only, called reflectively.
 */
public final class SideBySideWorker {

    private static RewriteEngine engine;
    private static InMemoryCandidateIndex index;
    private static final List<EvalData.Article> probes = new ArrayList<>();
    private static ArticleFingerprint[] fingerprints;
    private static List<List<String>> candidates;
    private static long sink;
    private static final TextAnalyzer analyzer = new TextAnalyzer();

    private SideBySideWorker() {}

    /** Builds the index of {@code size} articles and the probes' fingerprints and candidates. */
    public static void setup(String pool, int size) {
        engine = new RewriteEngine(DetectionSettings.defaults());
        List<EvalData.Article> articles = EvalData.load(Path.of(pool), "pool").articles();
        PerturbedPool perturbed =
                new PerturbedPool(articles, PerturbedPool.DEFAULT_REPLACE, PerturbedPool.DEFAULT_SEED);
        index = InMemoryCandidateIndex.of(engine.settings().candidates());
        for (int k = 0; k < size; k++) {
            EvalData.Article a = perturbed.indexArticle(k);
            ArticleFingerprint fp = engine.fingerprint(a.id(), a.title(), a.body());
            index.put(fp, engine.candidateKeys(fp));
        }
        for (EvalData.Article a : articles) {
            if (a.body().length() >= 4096 && a.body().length() <= 6144) {
                probes.add(a);
            }
        }
        fingerprints = new ArticleFingerprint[probes.size()];
        candidates = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            fingerprints[i] = engine.fingerprint(
                    "q-" + probes.get(i).id(), null, probes.get(i).body());
            candidates.add(lookup(i, fingerprints[i]));
        }
    }

    private static List<String> lookup(int i, ArticleFingerprint fp) {
        return index.candidates(
                engine.candidateKeys(fp),
                engine.settings().candidates().maxCandidates(),
                probes.get(i).id(),
                engine.minSharedKeys(fp.keys()));
    }

    /**
     * Runs one phase over the probes for about {@code nanos} and returns microseconds per probe: {@code n}
     * normalise, {@code z} normalise + analyse, {@code f} fingerprint, {@code l} lookup, {@code s} score the
     * probe's candidates, {@code a} all of fingerprint, lookup and score as in {@link EngineBenchmark}.
     */
    public static double time(char phase, long nanos) {
        long t0 = System.nanoTime();
        int n = 0;
        while (System.nanoTime() - t0 < nanos) {
            for (int i = 0; i < probes.size(); i++) {
                EvalData.Article a = probes.get(i);
                switch (phase) {
                    case 'n' -> sink += TextNormalizer.normalize(a.body()).length();
                    case 'z' -> sink +=
                            analyzer.analyze(TextNormalizer.normalize(a.body())).size();
                    case 'f' -> sink +=
                            engine.fingerprint("q", a.title(), a.body()).tokens();
                    case 'l' -> sink += lookup(i, fingerprints[i]).size();
                    case 's' -> {
                        for (String id : candidates.get(i)) {
                            sink += engine.compare(index.get(id), fingerprints[i])
                                            .isPresent()
                                    ? 1
                                    : 0;
                        }
                    }
                    case 'a' -> {
                        ArticleFingerprint fp = engine.fingerprint("q-" + a.id(), a.title(), a.body());
                        for (String id : lookup(i, fp)) {
                            sink += engine.compare(index.get(id), fp).isPresent() ? 1 : 0;
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown phase " + phase);
                }
                n++;
            }
        }
        return (System.nanoTime() - t0) / 1e3 / n;
    }

    /** Consumed results, so that no phase's work can be optimised away. */
    public static long sink() {
        return sink;
    }
}

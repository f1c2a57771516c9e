package org.rewriteradar.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.rewriteradar.eval.EvalData;
import org.rewriteradar.similarity.ArticleFingerprint;
import org.rewriteradar.similarity.DetectionSettings;
import org.rewriteradar.similarity.InMemoryCandidateIndex;
import org.rewriteradar.similarity.RewriteEngine;
import org.rewriteradar.text.TextAnalyzer;
import org.rewriteradar.text.TextNormalizer;

/**
 * Quick single-threaded phase timing (not JMH): normalise, analyse, fingerprint, lookup and scoring per
 * probe article against an index of {@code rr.index.size} (pool + {@link PerturbedPool}). Probes: pool
 * articles with bodies of {@code rr.minBytes}..{@code rr.maxBytes} characters (default 4096..6144);
 * {@code rr.replace} is {@link PerturbedPool}'s replaced share of content words (default 0.8). For
 * profiling with JFR; times are thread CPU times (robust to a loaded machine); the figures of record come from {@link EngineBenchmark}.
 * {@code -Deval.settings=group.name=value,…} overrides engine settings as the evaluation does.
 */
public final class EngineProfile {

    private static final TextAnalyzer analyzer = new TextAnalyzer();

    public static void main(String[] args) {
        Path pool = Path.of(System.getProperty("rr.pool", "/work/shared/data/pool-bbc"));
        int indexSize = Integer.getInteger("rr.index.size", 100_000);
        int min = Integer.getInteger("rr.minBytes", 4096);
        int max = Integer.getInteger("rr.maxBytes", 6144);
        int seconds = Integer.getInteger("rr.seconds", 20);
        double replace =
                Double.parseDouble(System.getProperty("rr.replace", Double.toString(PerturbedPool.DEFAULT_REPLACE)));
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        RewriteEngine engine = new RewriteEngine(org.rewriteradar.eval.Evaluate.overridden(
                DetectionSettings.defaults(), System.getProperty("eval.settings", "")));
        List<EvalData.Article> articles = EvalData.load(pool, "pool").articles();
        PerturbedPool perturbed = new PerturbedPool(articles, replace, PerturbedPool.DEFAULT_SEED);
        InMemoryCandidateIndex index =
                InMemoryCandidateIndex.of(engine.settings().candidates());
        long t0 = cpu.getCurrentThreadCpuTime();
        for (int k = 0; k < indexSize; k++) {
            EvalData.Article a = perturbed.indexArticle(k);
            ArticleFingerprint fp = engine.fingerprint(a.id(), a.title(), a.body());
            index.put(fp, engine.candidateKeys(fp));
        }
        System.out.printf(Locale.ROOT, "indexed %d in %.1fs%n", indexSize, (cpu.getCurrentThreadCpuTime() - t0) / 1e9);
        List<EvalData.Article> probes = new ArrayList<>();
        for (EvalData.Article a : articles) {
            if (a.body().length() >= min && a.body().length() <= max) {
                probes.add(a);
            }
        }
        int[] hist = new int[11];
        int[] gated = new int[2];
        for (int p = 0; p < Math.min(probes.size(), 60); p++) {
            EvalData.Article a = probes.get(p);
            ArticleFingerprint fp = engine.fingerprint("q-" + a.id(), a.title(), a.body());
            for (String id : index.candidates(
                    engine.candidateKeys(fp),
                    engine.settings().candidates().maxCandidates(),
                    a.id(),
                    engine.minSharedKeys(fp.keys()))) {
                var f = engine.features(index.get(id), fp);
                hist[(int) (10 * f.unigram())]++;
                if (f.unigram() >= 0.3) {
                    gated[0]++;
                    if (f.unigram() >= 0.5 || f.c5() >= 0.15 || f.skeleton() >= 0.5) {
                        gated[1]++;
                    }
                }
            }
        }
        System.out.println("unigram histogram of candidates (deciles): " + java.util.Arrays.toString(hist)
                + "; unigram>=0.3: " + gated[0] + ", of which pass (uni>=0.5|c5>=0.15|skel>=0.5): " + gated[1]);
        long norm = 0, anal = 0, fpr = 0, look = 0, score = 0, bytes = 0, cands = 0, alerts = 0;
        int n = 0;
        long end = cpu.getCurrentThreadCpuTime() + seconds * 1_000_000_000L;
        while (cpu.getCurrentThreadCpuTime() < end) {
            EvalData.Article a = probes.get(n++ % probes.size());
            bytes += a.body().length();
            long s0 = cpu.getCurrentThreadCpuTime();
            String text = TextNormalizer.normalize(a.body());
            long s1 = cpu.getCurrentThreadCpuTime();
            analyzer.analyze(text);
            long s2 = cpu.getCurrentThreadCpuTime();
            ArticleFingerprint fp = engine.fingerprint("q-" + a.id(), a.title(), a.body());
            long s3 = cpu.getCurrentThreadCpuTime();
            List<String> ids = index.candidates(
                    engine.candidateKeys(fp),
                    engine.settings().candidates().maxCandidates(),
                    a.id(),
                    engine.minSharedKeys(fp.keys()));
            long s4 = cpu.getCurrentThreadCpuTime();
            for (String id : ids) {
                if (engine.compare(index.get(id), fp).isPresent()) {
                    alerts++;
                }
            }
            long s5 = cpu.getCurrentThreadCpuTime();
            cands += ids.size();
            norm += s1 - s0;
            anal += s2 - s1;
            fpr += s3 - s2;
            look += s4 - s3;
            score += s5 - s4;
        }
        System.out.printf(
                Locale.ROOT,
                "probes %d (%d..%d chars), n=%d mean %.0f chars: normalise %.1f us, analyse %.1f us, fingerprint(all) %.1f us,"
                        + " lookup %.1f us, score %.1f us (%.1f candidates, %.3f alerts); fp+lookup+score %.1f us = %.0f articles/s%n",
                probes.size(),
                min,
                max,
                n,
                (double) bytes / n,
                norm / 1e3 / n,
                anal / 1e3 / n,
                fpr / 1e3 / n,
                look / 1e3 / n,
                score / 1e3 / n,
                (double) cands / n,
                (double) alerts / n,
                (fpr + look + score) / 1e3 / n,
                1e9 * n / (fpr + look + score));
        compareCostByOutcome(engine, index, probes);
    }

    /**
     * Wall time of single {@code compare} calls by outcome (stopped by the prefilter, scored without alert,
     * alert): each probe is fingerprinted and its candidates are compared in turn, as in the benchmark
     * ("first pass"), then compared again in turn ("second pass", their data now in cache). The outcomes
     * are read beforehand, untimed.
     */
    private static void compareCostByOutcome(
            RewriteEngine engine, InMemoryCandidateIndex index, List<EvalData.Article> probes) {
        var s = engine.settings();
        long[] cold = new long[3];
        long[] warm = new long[3];
        int[] count = new int[3];
        for (int round = 0; round < 3; round++) {
            for (EvalData.Article a : probes) {
                ArticleFingerprint probe = engine.fingerprint("q-" + a.id(), a.title(), a.body());
                List<String> ids = index.candidates(
                        engine.candidateKeys(probe),
                        s.candidates().maxCandidates(),
                        a.id(),
                        engine.minSharedKeys(probe.keys()));
                int[] outcome = new int[ids.size()];
                for (int c = 0; c < ids.size(); c++) {
                    ArticleFingerprint o = index.get(ids.get(c));
                    var f = engine.features(o, probe);
                    outcome[c] = engine.compare(o, probe).isPresent()
                            ? 2
                            : f.unigram() < s.gate().minUnigram()
                                            && f.c5() < s.gate().minShingleContainment()
                                    ? 0
                                    : 1;
                }
                ArticleFingerprint fp = engine.fingerprint("q-" + a.id(), a.title(), a.body());
                for (long[] pass : new long[][] {cold, warm}) {
                    for (int c = 0; c < ids.size(); c++) {
                        ArticleFingerprint o = index.get(ids.get(c));
                        long t0 = System.nanoTime();
                        engine.compare(o, fp);
                        pass[outcome[c]] += System.nanoTime() - t0;
                        if (round > 0 && pass == cold) {
                            count[outcome[c]]++;
                        }
                    }
                }
            }
            if (round == 0) {
                Arrays.fill(cold, 0);
                Arrays.fill(warm, 0);
            }
        }
        String[] names = {"prefiltered", "scored", "alert"};
        StringBuilder out = new StringBuilder("compare per candidate, first / second pass:");
        for (int k = 0; k < 3; k++) {
            out.append(String.format(
                    Locale.ROOT,
                    " %s %.1f / %.1f us (%d);",
                    names[k],
                    count[k] == 0 ? 0 : cold[k] / 1e3 / count[k],
                    count[k] == 0 ? 0 : warm[k] / 1e3 / count[k],
                    count[k]));
        }
        System.out.println(out);
    }
}

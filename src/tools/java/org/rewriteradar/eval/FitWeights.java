package org.rewriteradar.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.rewriteradar.eval.EvalData.Article;
import org.rewriteradar.eval.EvalData.LabelledSet;
import org.rewriteradar.eval.EvalData.Pair;
import org.rewriteradar.similarity.ArticleFingerprint;
import org.rewriteradar.similarity.DetectionSettings;
import org.rewriteradar.similarity.Feature;
import org.rewriteradar.similarity.PairFeatures;
import org.rewriteradar.similarity.RewriteEngine;

/**
 * Fits the logistic weights of the calibrated score on development sets (never on hold-out). Rewrite
 * pairs (except REVISED) are positives; SAME_EVENT pairs and sampled UNRELATED pairs (random article
 * pairs of the same set, seeded) are negatives, weighted up so the threshold lands at a low false-alert
 * rate. Prints the fitted weights and, per set, recall and false alerts over a range of thresholds.
 * Usage: FitWeights <dev set folders...>; system properties {@code negWeight} (default 4), {@code drop}
 * (feature names held at weight 0), {@code epochs} (gradient steps, default 3000; the defaults of
 * 2026-12-02 used 200000, i.e. converged), {@code fit} (comma-separated feature names: start from
 * {@link DetectionSettings#defaults()} and fit only these weights and the bias, the others held) and
 * {@code step} (threshold grid of the table, default 0.1).
 */
public final class FitWeights {

    record Row(String set, String label, double[] x, int y) {}

    /** The settings' weights in the order of {@link Feature#ALL}, then the bias. */
    static double[] defaultWeights(DetectionSettings s) {
        double[] w = new double[Feature.COUNT + 1];
        for (Feature f : Feature.ALL) {
            w[f.ordinal()] = s.weights().weight(f);
        }
        w[Feature.COUNT] = s.weights().bias();
        return w;
    }

    public static void main(String[] args) {
        RewriteEngine engine = new RewriteEngine(DetectionSettings.defaults());
        List<Row> rows = new ArrayList<>();
        Random rnd = new Random(20240601L);
        for (Path folder : EvalData.expand(List.of(args))) {
            LabelledSet set = EvalData.load(folder, folder.getFileName().toString());
            Map<String, ArticleFingerprint> fps = new HashMap<>();
            for (Article a : set.articles()) {
                fps.put(a.id(), engine.fingerprint(a.id(), a.title(), a.body()));
            }
            for (Pair p : set.pairs()) {
                if (p.label().equals("REVISED")) {
                    continue;
                }
                ArticleFingerprint o = fps.get(p.original());
                ArticleFingerprint c = fps.get(p.candidate());
                if (o == null || c == null || o.tokens() == 0 || c.tokens() == 0) {
                    continue;
                }
                int y = EvalData.MUST_ALERT.contains(p.label()) ? 1 : 0;
                rows.add(new Row(set.name(), p.label(), engine.features(o, c).vector(), y));
            }
            // sampled unrelated pairs (same set, random, earlier original)
            List<Article> arts = set.articles();
            int want = Math.min(1000, arts.size());
            for (int k = 0; k < want && arts.size() > 1; k++) {
                int i = rnd.nextInt(arts.size());
                int j = rnd.nextInt(arts.size());
                if (i == j) {
                    continue;
                }
                Article o = arts.get(Math.min(i, j));
                Article c = arts.get(Math.max(i, j));
                ArticleFingerprint fo = fps.get(o.id());
                ArticleFingerprint fc = fps.get(c.id());
                if (fo.tokens() == 0 || fc.tokens() == 0) {
                    continue;
                }
                PairFeatures f = engine.features(fo, fc);
                if (f.c5() > 0.2) {
                    continue; // probably a real (unlabelled) copy
                }
                rows.add(new Row(set.name(), "RANDOM", f.vector(), 0));
            }
            System.err.println("loaded " + set.name());
        }
        int d = Feature.COUNT;
        double[] w = new double[d + 1];
        double negWeight = Double.parseDouble(System.getProperty("negWeight", "4"));
        String drop = System.getProperty("drop", "");
        // -Dfit=a,b: start from the default weights and fit only these features' weights and the bias
        Set<String> only = new HashSet<>();
        for (String n : System.getProperty("fit", "").split(",")) {
            if (!n.isBlank()) {
                only.add(n.trim());
            }
        }
        if (!only.isEmpty()) {
            w = defaultWeights(DetectionSettings.defaults());
        }
        double lr = 0.5;
        double l2 = 1e-4;
        for (int epoch = 0; epoch < Integer.getInteger("epochs", 3000); epoch++) {
            double[] g = new double[d + 1];
            double tw = 0;
            for (Row r : rows) {
                double z = w[d];
                for (int i = 0; i < d; i++) {
                    z += w[i] * r.x()[i];
                }
                double p = 1 / (1 + Math.exp(-z));
                double wt = r.y() == 1 ? 1.0 : negWeight;
                double err = (p - r.y()) * wt;
                for (int i = 0; i < d; i++) {
                    g[i] += err * r.x()[i];
                }
                g[d] += err;
                tw += wt;
            }
            for (int i = 0; i <= d; i++) {
                boolean held = i < d
                        && (drop.contains(Feature.ALL.get(i).key())
                                || (!only.isEmpty()
                                        && !only.contains(Feature.ALL.get(i).key())));
                if (!held) {
                    w[i] -= lr * (g[i] / tw + (i < d ? l2 * w[i] : 0));
                }
            }
        }
        System.out.println("weights:");
        for (int i = 0; i < d; i++) {
            System.out.printf(Locale.ROOT, "  %-16s %8.3f%n", Feature.ALL.get(i).key(), w[i]);
        }
        System.out.printf(Locale.ROOT, "  %-16s %8.3f%n", "bias", w[d]);
        Map<String, List<Row>> bySet = new HashMap<>();
        rows.forEach(r -> bySet.computeIfAbsent(r.set(), x -> new ArrayList<>()).add(r));
        double step = Double.parseDouble(System.getProperty("step", "0.1"));
        double nearDuplicate = DetectionSettings.defaults().kinds().nearDuplicateContainment();
        for (double t = 0.3; t < 0.9 + 1e-9; t += step) {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "t=%.2f", t));
            for (var e : bySet.entrySet()) {
                int pos = 0, tp = 0, se = 0, sefa = 0, rn = 0, rfa = 0;
                for (Row r : e.getValue()) {
                    double z = w[d];
                    for (int i = 0; i < d; i++) {
                        z += w[i] * r.x()[i];
                    }
                    boolean alert = 1 / (1 + Math.exp(-z)) >= t || r.x()[Feature.C5.ordinal()] >= nearDuplicate;
                    if (r.y() == 1) {
                        pos++;
                        tp += alert ? 1 : 0;
                    } else if (r.label().equals("RANDOM")) {
                        rn++;
                        rfa += alert ? 1 : 0;
                    } else {
                        se++;
                        sefa += alert ? 1 : 0;
                    }
                }
                sb.append(String.format(
                        Locale.ROOT,
                        " | %s R=%.3f FA=%s rndFA=%d/%d",
                        e.getKey(),
                        pos == 0 ? Double.NaN : (double) tp / pos,
                        se == 0 ? "n/a" : String.format(Locale.ROOT, "%.3f", (double) sefa / se),
                        rfa,
                        rn));
            }
            System.out.println(sb);
        }
    }
}

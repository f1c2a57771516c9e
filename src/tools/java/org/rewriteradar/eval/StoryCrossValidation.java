package org.rewriteradar.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.rewriteradar.similarity.DetectionSettings;
import org.rewriteradar.similarity.Feature;

/**
 * Honest figures from {@link MissAnalysis}'s per-pair TSV, with the story as the unit of sampling: no story
 * (METER's domain and date; elsewhere the original) is ever split between fitting and testing.
 *
 * <ul>
 *   <li>{@code BOOTSTRAP}: each set's recall and false-alert rate at the engine's own alerts, with a 95%
 *       interval from resampling whole stories. Negatives cluster by story (one hearing's reports alert
 *       together), so the interval is wider than a binomial one, and it says how far a hold-out half of a
 *       set can fall from the development figure by chance alone.
 *   <li>{@code ALONE}: each column on its own, recall at the threshold letting at most the target share of
 *       the set's negatives through.
 *   <li>{@code CV}: logistic combinations of the engine's weighted features, with and without extra
 *       columns, refitted on the training folds and scored on the held-out stories; recall at the
 *       threshold letting at most the target share of the pooled held-out negatives through, mean and
 *       standard deviation over seeds of the fold split, and the paired difference against the engine's
 *       features alone (the same folds).
 *   <li>{@code RULE}: the engine's alerts plus a second rule, alert when a column ({@code cv.rule}, default
 *       {@code c5Story}) reaches a threshold and the pair is the one the rule would name ({@code
 *       storyBest}); the threshold is the lowest keeping the training stories' false alerts at most the
 *       target, chosen per fold, and the held-out stories' recall and false alerts pooled (mean over seeds).
 *       Then, the threshold chosen on the whole set applied to every set of the TSV, beside the engine alone.
 * </ul>
 *
 * <p>{@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.rewriteradar.eval.StoryCrossValidation -Dexec.args="target/all.tsv"}; properties
 * {@code cv.set} (default {@code meter}), {@code cv.extra} (comma-separated TSV columns, default {@code
 * c5Story,quoteShared,bigramContent}), {@code cv.folds} (5), {@code cv.seeds} (10), {@code cv.fa} (0.05),
 * {@code cv.negWeight} (2: negatives' weight in the fit).
 */
public final class StoryCrossValidation {

    private static final Set<String> NEGATIVE = Set.of("SAME_EVENT", "UNRELATED");

    /** One labelled pair: its story, whether it must alert, whether the engine alerted, its columns. */
    record Row(String set, String story, boolean positive, boolean alerted, Map<String, Double> values) {}

    /** A figure and its 95% interval. */
    record Interval(double value, double low, double high) {}

    /** Recall at the target false-alert rate over the seeds of the fold split, per seed. */
    record CvResult(double[] recallPerSeed) {
        double mean() {
            return Arrays.stream(recallPerSeed).average().orElse(Double.NaN);
        }

        double sd() {
            double m = mean();
            return Math.sqrt(Arrays.stream(recallPerSeed)
                    .map(v -> (v - m) * (v - m))
                    .average()
                    .orElse(Double.NaN));
        }
    }

    private StoryCrossValidation() {}

    public static void main(String[] args) throws IOException {
        List<Row> all = read(Path.of(args[0]));
        String setName = System.getProperty("cv.set", "meter");
        List<String> extras = List.of(System.getProperty("cv.extra", "c5Story,quoteShared,bigramContent")
                .split(","));
        int folds = Integer.getInteger("cv.folds", 5);
        int seeds = Integer.getInteger("cv.seeds", 10);
        double fa = Double.parseDouble(System.getProperty("cv.fa", "0.05"));
        double negWeight = Double.parseDouble(System.getProperty("cv.negWeight", "2"));

        Map<String, List<Row>> bySet = new LinkedHashMap<>();
        all.forEach(r -> bySet.computeIfAbsent(r.set(), k -> new ArrayList<>()).add(r));
        bySet.forEach((set, rows) -> {
            Interval recall = bootstrap(rows, true, 2000, 1);
            Interval falseAlerts = bootstrap(rows, false, 2000, 1);
            System.out.printf(
                    Locale.ROOT,
                    "BOOTSTRAP %s stories=%d recall=%s false_alerts=%s%n",
                    set,
                    rows.stream().map(Row::story).distinct().count(),
                    format(recall),
                    format(falseAlerts));
        });

        List<Row> rows = bySet.getOrDefault(setName, List.of());
        if (rows.isEmpty()) {
            System.out.println("no rows of set " + setName);
            return;
        }
        List<String> engine = engineColumns();
        List<String> columns = new ArrayList<>(engine);
        columns.addAll(extras);
        for (String c : columns) {
            System.out.printf(Locale.ROOT, "ALONE %s %s recall=%.3f%n", setName, c, alone(rows, c, fa));
        }
        CvResult base = crossValidate(rows, engine, folds, seeds, fa, negWeight);
        print(setName, "engine", base, base);
        for (String e : extras) {
            List<String> with = new ArrayList<>(engine);
            with.add(e);
            print(setName, "engine+" + e, crossValidate(rows, with, folds, seeds, fa, negWeight), base);
        }
        String rule = System.getProperty("cv.rule", "c5Story");
        ruleFigures(all, rows, setName, rule, folds, seeds, fa);
        if (extras.size() > 1) {
            print(
                    setName,
                    "engine+" + String.join("+", extras),
                    crossValidate(rows, columns, folds, seeds, fa, negWeight),
                    base);
        }
    }

    static void ruleFigures(
            List<Row> all, List<Row> rows, String setName, String rule, int folds, int seeds, double fa) {
        List<String> stories = rows.stream().map(Row::story).distinct().sorted().toList();
        double recall = 0;
        double falseAlerts = 0;
        for (int s = 0; s < seeds; s++) {
            Map<String, Integer> fold = folds(stories, folds, s);
            int hits = 0;
            int pos = 0;
            int fas = 0;
            int neg = 0;
            for (int f = 0; f < folds; f++) {
                int held = f;
                List<Row> train =
                        rows.stream().filter(r -> fold.get(r.story()) != held).toList();
                double t = ruleThreshold(train, rule, fa);
                for (Row r : rows) {
                    if (fold.get(r.story()) == held) {
                        boolean alert = ruleAlerts(r, rule, t);
                        if (r.positive()) {
                            pos++;
                            hits += alert ? 1 : 0;
                        } else {
                            neg++;
                            fas += alert ? 1 : 0;
                        }
                    }
                }
            }
            recall += (double) hits / pos / seeds;
            falseAlerts += (double) fas / neg / seeds;
        }
        System.out.printf(
                Locale.ROOT,
                "RULE_CV %s engine+%s recall=%.3f false_alerts=%.3f (threshold chosen on training stories)%n",
                setName,
                rule,
                recall,
                falseAlerts);
        double t = ruleThreshold(rows, rule, fa);
        Map<String, List<Row>> bySet = new LinkedHashMap<>();
        all.forEach(r -> bySet.computeIfAbsent(r.set(), k -> new ArrayList<>()).add(r));
        bySet.forEach((set, rs) -> {
            int[] engine = new int[4];
            int[] with = new int[4];
            for (Row r : rs) {
                int k = r.positive() ? 0 : 2;
                engine[k + 1]++;
                with[k + 1]++;
                engine[k] += r.alerted() ? 1 : 0;
                with[k] += ruleAlerts(r, rule, t) ? 1 : 0;
            }
            System.out.printf(
                    Locale.ROOT,
                    "RULE %s %s>=%.4f hits %d/%d -> %d/%d false alerts %d/%d -> %d/%d%n",
                    set,
                    rule,
                    t,
                    engine[0],
                    engine[1],
                    with[0],
                    with[1],
                    engine[2],
                    engine[3],
                    with[2],
                    with[3]);
        });
    }

    static boolean ruleAlerts(Row r, String rule, double threshold) {
        return r.alerted() || (value(r, rule) >= threshold && r.values().getOrDefault("storyBest", 1.0) == 1.0);
    }

    /** The lowest value of {@code rule} among {@code rows} keeping their false alerts at most {@code fa}. */
    static double ruleThreshold(List<Row> rows, String rule, double fa) {
        double[] candidates = rows.stream()
                .mapToDouble(r -> value(r, rule))
                .distinct()
                .sorted()
                .toArray();
        long neg = rows.stream().filter(r -> !r.positive()).count();
        for (double t : candidates) {
            long fas = rows.stream()
                    .filter(r -> !r.positive() && ruleAlerts(r, rule, t))
                    .count();
            if (fas <= fa * neg) {
                return t;
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /** The features the default score weighs (non-zero default weight), in {@link Feature} order. */
    static List<String> engineColumns() {
        DetectionSettings.Weights w = DetectionSettings.defaults().weights();
        return Feature.ALL.stream()
                .filter(f -> w.weight(f) != 0)
                .map(Feature::key)
                .toList();
    }

    static List<Row> read(Path tsv) throws IOException {
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        String[] head = lines.get(0).split("\t");
        List<Row> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cell = line.split("\t", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < head.length && i < cell.length; i++) {
                row.put(head[i], cell[i]);
            }
            String label = row.get("label");
            if (label.equals("REVISED")) {
                continue;
            }
            Map<String, Double> values = new HashMap<>();
            row.forEach((k, v) -> {
                try {
                    values.put(k, Double.parseDouble(v));
                } catch (NumberFormatException notNumeric) {
                    // ids and labels
                }
            });
            out.add(new Row(
                    row.get("set"),
                    row.get("story"),
                    !NEGATIVE.contains(label),
                    "1".equals(row.get("alerted")),
                    values));
        }
        return out;
    }

    /**
     * Recall ({@code positives}) or the false-alert rate (negatives) at the engine's alerts, with the 2.5th
     * and 97.5th percentiles over {@code rounds} resamples of whole stories with replacement.
     */
    static Interval bootstrap(List<Row> rows, boolean positives, int rounds, long seed) {
        Map<String, int[]> byStory = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.positive() == positives) {
                int[] c = byStory.computeIfAbsent(r.story(), k -> new int[2]);
                c[0]++;
                c[1] += r.alerted() ? 1 : 0;
            }
        }
        if (byStory.isEmpty()) {
            return new Interval(Double.NaN, Double.NaN, Double.NaN);
        }
        List<int[]> stories = new ArrayList<>(byStory.values());
        int n = 0;
        int hit = 0;
        for (int[] c : stories) {
            n += c[0];
            hit += c[1];
        }
        Random random = new Random(seed);
        double[] sample = new double[rounds];
        for (int b = 0; b < rounds; b++) {
            int bn = 0;
            int bh = 0;
            for (int i = 0; i < stories.size(); i++) {
                int[] c = stories.get(random.nextInt(stories.size()));
                bn += c[0];
                bh += c[1];
            }
            sample[b] = (double) bh / bn;
        }
        Arrays.sort(sample);
        return new Interval(
                (double) hit / n, sample[(int) (0.025 * (rounds - 1))], sample[(int) Math.ceil(0.975 * (rounds - 1))]);
    }

    /** Recall of one column on its own at the threshold passing at most {@code fa} of the negatives. */
    static double alone(List<Row> rows, String column, double fa) {
        double[] scores = rows.stream().mapToDouble(r -> value(r, column)).toArray();
        boolean[] positive = positives(rows);
        return recallAtFalseAlerts(scores, positive, fa);
    }

    /**
     * The share of positives scoring above the threshold that lets at most {@code fa} of the negatives
     * through (strictly above the {@code floor(fa × negatives)}-th highest negative score, counted from 0).
     */
    static double recallAtFalseAlerts(double[] scores, boolean[] positive, double fa) {
        List<Double> neg = new ArrayList<>();
        int pos = 0;
        for (int i = 0; i < scores.length; i++) {
            if (positive[i]) {
                pos++;
            } else {
                neg.add(scores[i]);
            }
        }
        if (pos == 0) {
            return Double.NaN;
        }
        neg.sort(Collections.reverseOrder());
        int allowed = (int) Math.floor(fa * neg.size());
        double threshold = allowed < neg.size() ? neg.get(allowed) : Double.NEGATIVE_INFINITY;
        int hits = 0;
        for (int i = 0; i < scores.length; i++) {
            if (positive[i] && scores[i] > threshold) {
                hits++;
            }
        }
        return (double) hits / pos;
    }

    /** Story-split k-fold cross-validation of a logistic fit over {@code columns}, one result per seed. */
    static CvResult crossValidate(
            List<Row> rows, List<String> columns, int folds, int seeds, double fa, double negWeight) {
        double[][] x = matrix(rows, columns);
        boolean[] positive = positives(rows);
        List<String> stories = rows.stream().map(Row::story).distinct().sorted().toList();
        double[] recall = new double[seeds];
        for (int s = 0; s < seeds; s++) {
            Map<String, Integer> fold = folds(stories, folds, s);
            double[] scores = new double[rows.size()];
            for (int f = 0; f < folds; f++) {
                List<Integer> train = new ArrayList<>();
                for (int i = 0; i < rows.size(); i++) {
                    if (fold.get(rows.get(i).story()) != f) {
                        train.add(i);
                    }
                }
                double[] w = fitLogistic(x, positive, train, negWeight, 1e-3);
                for (int i = 0; i < rows.size(); i++) {
                    if (fold.get(rows.get(i).story()) == f) {
                        scores[i] = linear(w, x[i]);
                    }
                }
            }
            recall[s] = recallAtFalseAlerts(scores, positive, fa);
        }
        return new CvResult(recall);
    }

    /** Each story's fold: the stories shuffled with {@code seed}, then dealt round-robin. */
    static Map<String, Integer> folds(List<String> stories, int folds, long seed) {
        List<String> shuffled = new ArrayList<>(stories);
        Collections.shuffle(shuffled, new Random(seed));
        Map<String, Integer> fold = new HashMap<>();
        for (int i = 0; i < shuffled.size(); i++) {
            fold.put(shuffled.get(i), i % folds);
        }
        return fold;
    }

    /**
     * Weighted, L2-regularised logistic regression by Newton's method on the rows {@code train}: weights of
     * the columns, then the intercept last.
     */
    static double[] fitLogistic(double[][] x, boolean[] positive, List<Integer> train, double negWeight, double l2) {
        int d = x[0].length + 1;
        double[] w = new double[d];
        for (int iter = 0; iter < 50; iter++) {
            double[] gradient = new double[d];
            double[][] hessian = new double[d][d];
            for (int i : train) {
                double p = 1 / (1 + Math.exp(-linear(w, x[i])));
                double weight = positive[i] ? 1 : negWeight;
                double g = weight * (p - (positive[i] ? 1 : 0));
                double h = weight * p * (1 - p);
                for (int a = 0; a < d; a++) {
                    double xa = a < d - 1 ? x[i][a] : 1;
                    gradient[a] += g * xa;
                    for (int b = 0; b <= a; b++) {
                        hessian[a][b] += h * xa * (b < d - 1 ? x[i][b] : 1);
                    }
                }
            }
            for (int a = 0; a < d; a++) {
                gradient[a] += l2 * w[a];
                hessian[a][a] += l2;
                for (int b = 0; b < a; b++) {
                    hessian[b][a] = hessian[a][b];
                }
            }
            double[] step = solve(hessian, gradient);
            double moved = 0;
            for (int a = 0; a < d; a++) {
                w[a] -= step[a];
                moved = Math.max(moved, Math.abs(step[a]));
            }
            if (moved < 1e-9) {
                break;
            }
        }
        return w;
    }

    /** Solves {@code a · s = b} by Gaussian elimination with partial pivoting ({@code a} is overwritten). */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[] rhs = b.clone();
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            double tb = rhs[col];
            rhs[col] = rhs[pivot];
            rhs[pivot] = tb;
            for (int r = col + 1; r < n; r++) {
                double factor = a[r][col] / a[col][col];
                for (int c = col; c < n; c++) {
                    a[r][c] -= factor * a[col][c];
                }
                rhs[r] -= factor * rhs[col];
            }
        }
        double[] s = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double sum = rhs[r];
            for (int c = r + 1; c < n; c++) {
                sum -= a[r][c] * s[c];
            }
            s[r] = sum / a[r][r];
        }
        return s;
    }

    private static double linear(double[] w, double[] x) {
        double z = w[w.length - 1];
        for (int a = 0; a < x.length; a++) {
            z += w[a] * x[a];
        }
        return z;
    }

    private static double[][] matrix(List<Row> rows, List<String> columns) {
        double[][] x = new double[rows.size()][columns.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int c = 0; c < columns.size(); c++) {
                x[i][c] = value(rows.get(i), columns.get(c));
            }
        }
        return x;
    }

    private static boolean[] positives(List<Row> rows) {
        boolean[] p = new boolean[rows.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = rows.get(i).positive();
        }
        return p;
    }

    private static double value(Row r, String column) {
        Double v = r.values().get(column);
        if (v == null) {
            throw new IllegalArgumentException("no column " + column + " in the TSV");
        }
        return v;
    }

    private static void print(String set, String name, CvResult r, CvResult base) {
        double[] diff = new double[r.recallPerSeed().length];
        for (int i = 0; i < diff.length; i++) {
            diff[i] = r.recallPerSeed()[i] - base.recallPerSeed()[i];
        }
        System.out.printf(
                Locale.ROOT,
                "CV %s %s recall=%.3f sd=%.3f paired_diff=%+.3f min_diff=%+.3f%n",
                set,
                name,
                r.mean(),
                r.sd(),
                Arrays.stream(diff).average().orElse(Double.NaN),
                Arrays.stream(diff).min().orElse(Double.NaN));
    }

    private static String format(Interval i) {
        return String.format(Locale.ROOT, "%.3f[%.3f,%.3f]", i.value(), i.low(), i.high());
    }
}

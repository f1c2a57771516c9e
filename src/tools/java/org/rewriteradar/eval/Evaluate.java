package org.rewriteradar.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.rewriteradar.config.DetectionOverrides;
import org.rewriteradar.eval.EvalData.Article;
import org.rewriteradar.eval.EvalData.LabelledSet;
import org.rewriteradar.eval.EvalData.Pair;
import org.rewriteradar.similarity.ArticleFingerprint;
import org.rewriteradar.similarity.Detection;
import org.rewriteradar.similarity.DetectionSettings;
import org.rewriteradar.similarity.InMemoryCandidateIndex;
import org.rewriteradar.similarity.RewriteEngine;
import org.rewriteradar.similarity.RewriteKind;
import org.rewriteradar.streams.TopologyReplay;

/**
 * The evaluation command. Arguments: set folders, or folders of sets. For every set it runs the engine
 * and the plain MinHash-Jaccard baseline in pair mode and in stream mode (see shared/data/FORMAT.md),
 * prints per-label figures, false-alert rates and the kind confusion matrix, and ends with one
 * {@code EVAL} line per method, mode and set. kind_accuracy = share of detected must-alert pairs whose
 * alert kind equals the label.
 *
 * <p>The engine's stream mode measures the service: each set is replayed through the service's topology
 * in a {@code TopologyTestDriver} over heap stores ({@link TopologyReplay}), the stream mode's default
 * ({@code -Deval.stream=topology}). With {@code -Deval.stream=index} it runs over {@link
 * InMemoryCandidateIndex} instead, the engine's own candidate index without the service: a cross-check
 * of the two candidate paths. The baseline's stream mode always runs over its in-memory index, and pair
 * mode compares each labelled pair on its own.
 */
public final class Evaluate {

    /**
     * {@code -Deval.stream}: {@code topology} (the default) replays each set through the service's topology
     * ({@link TopologyReplay}, heap stores: 40–230 articles/s in the test driver on 2 busy cores, 3–5
     * minutes for all sets); {@code index} runs the engine's stream mode over {@link InMemoryCandidateIndex} (seconds).
     * Anything else is an error. Where they differ, the topology is the service: it compares only articles
     * published within the retention of each other, and searches candidates again for a new version.
     */
    static final String STREAM = System.getProperty("eval.stream", "topology");

    static final boolean TOPOLOGY_STREAM = "topology".equals(STREAM);

    /**
     * {@code -Deval.alerts}: a file to which the topology stream appends one line per alert (set, original,
     * article, kind, the label of the pair or UNJUDGED), for reading what a setting changed; unset, none.
     */
    static final String ALERTS_FILE = System.getProperty("eval.alerts", "");

    static final String USAGE = "usage: Evaluate <set folder | folder of sets>...\n"
            + "  -Deval.stream=topology  engine stream mode through the service topology (default)\n"
            + "  -Deval.stream=index     engine stream mode over InMemoryCandidateIndex (cross-check)\n"
            + "  -Deval.settings=group.name=value,...  detection setting overrides\n"
            + "  -Deval.alerts=FILE      append the topology stream's alerts to FILE, judged";

    /** A detection method seen by the evaluation: fingerprints, keys, pair and version comparison. */
    interface Method<F> {
        String name();

        F fingerprint(String id, Article a);

        F withId(F f, String id);

        long[] keys(F f);

        Optional<RewriteKind> compare(F original, F candidate);

        Optional<RewriteKind> compareVersions(F previous, F next);

        Index<F> newIndex();
    }

    interface Index<F> {
        void put(String id, F f, long[] keys);

        F get(String id);

        List<String> candidates(long[] keys, String exclude);
    }

    static final class EngineMethod implements Method<ArticleFingerprint> {
        final RewriteEngine engine;

        EngineMethod(RewriteEngine engine) {
            this.engine = engine;
        }

        public String name() {
            return "engine";
        }

        public ArticleFingerprint fingerprint(String id, Article a) {
            return engine.fingerprint(id, a.title(), a.body());
        }

        public ArticleFingerprint withId(ArticleFingerprint f, String id) {
            return f.withId(id);
        }

        public long[] keys(ArticleFingerprint f) {
            return engine.candidateKeys(f);
        }

        public Optional<RewriteKind> compare(ArticleFingerprint o, ArticleFingerprint c) {
            return engine.compare(o, c).map(Detection::kind);
        }

        public Optional<RewriteKind> compareVersions(ArticleFingerprint p, ArticleFingerprint n) {
            return engine.compareVersions(p, n).map(Detection::kind);
        }

        public Index<ArticleFingerprint> newIndex() {
            InMemoryCandidateIndex idx =
                    InMemoryCandidateIndex.of(engine.settings().candidates());
            int limit = engine.settings().candidates().maxCandidates();
            return new Index<>() {
                public void put(String id, ArticleFingerprint f, long[] keys) {
                    idx.put(f, keys);
                }

                public ArticleFingerprint get(String id) {
                    return idx.get(id);
                }

                public List<String> candidates(long[] keys, String exclude) {
                    return idx.candidates(keys, limit, exclude, engine.minSharedKeys(keys));
                }
            };
        }
    }

    static final class BaselineMethod implements Method<MinHashBaseline.Fp> {
        final MinHashBaseline baseline = new MinHashBaseline();

        public String name() {
            return "minhash-jaccard";
        }

        public MinHashBaseline.Fp fingerprint(String id, Article a) {
            return baseline.fingerprint(id, a.body());
        }

        public MinHashBaseline.Fp withId(MinHashBaseline.Fp f, String id) {
            return new MinHashBaseline.Fp(id, f.signature(), f.keys(), f.textHash(), f.shingles());
        }

        public long[] keys(MinHashBaseline.Fp f) {
            return f.keys();
        }

        public Optional<RewriteKind> compare(MinHashBaseline.Fp o, MinHashBaseline.Fp c) {
            double j = baseline.jaccard(o, c);
            if (j < MinHashBaseline.THRESHOLD) {
                return Optional.empty();
            }
            return Optional.of(j >= 0.9 ? RewriteKind.VERBATIM_COPY : RewriteKind.NEAR_DUPLICATE);
        }

        public Optional<RewriteKind> compareVersions(MinHashBaseline.Fp p, MinHashBaseline.Fp n) {
            if (p.textHash() == n.textHash()) {
                return Optional.empty();
            }
            return baseline.jaccard(p, n) >= MinHashBaseline.THRESHOLD
                    ? Optional.of(RewriteKind.REVISED)
                    : Optional.empty();
        }

        public Index<MinHashBaseline.Fp> newIndex() {
            Map<Long, ArrayDeque<String>> buckets = new HashMap<>();
            Map<String, MinHashBaseline.Fp> store = new HashMap<>();
            return new Index<>() {
                public void put(String id, MinHashBaseline.Fp f, long[] keys) {
                    store.put(id, f);
                    for (long k : keys) {
                        ArrayDeque<String> b = buckets.computeIfAbsent(k, x -> new ArrayDeque<>());
                        if (!b.contains(id)) {
                            b.addLast(id);
                            if (b.size() > 64) {
                                b.removeFirst();
                            }
                        }
                    }
                }

                public MinHashBaseline.Fp get(String id) {
                    return store.get(id);
                }

                public List<String> candidates(long[] keys, String exclude) {
                    TreeSet<String> out = new TreeSet<>();
                    for (long k : keys) {
                        ArrayDeque<String> b = buckets.get(k);
                        if (b != null) {
                            out.addAll(b);
                        }
                    }
                    out.remove(exclude);
                    return new ArrayList<>(out);
                }
            };
        }
    }

    /** Outcome per labelled pair: alerted or not, and the kind. */
    static final class Outcomes {
        final Map<Pair, RewriteKind> alerts = new LinkedHashMap<>();
        final List<Pair> pairs;
        int unjudged;

        Outcomes(List<Pair> pairs) {
            this.pairs = pairs;
        }
    }

    public static void main(String[] args) {
        List<Path> sets = EvalData.expand(List.of(args));
        if (sets.isEmpty() || !(STREAM.equals("topology") || STREAM.equals("index"))) {
            System.err.println(USAGE);
            System.exit(2);
        }
        RewriteEngine engine =
                new RewriteEngine(overridden(DetectionSettings.defaults(), System.getProperty("eval.settings", "")));
        List<String> evalLines = new ArrayList<>();
        Map<Path, String> given = new HashMap<>();
        for (String a : args) {
            given.put(Path.of(a), a);
        }
        for (Path folder : sets) {
            String name = given.getOrDefault(folder, folder.toString());
            LabelledSet set = EvalData.load(folder, name);
            System.out.printf(
                    Locale.ROOT,
                    "%n=== %s: %d articles, %d pairs%n",
                    name,
                    set.articles().size(),
                    set.pairs().size());
            evalLines.addAll(run(new EngineMethod(engine), set));
            evalLines.addAll(run(new BaselineMethod(), set));
        }
        System.out.println();
        evalLines.forEach(System.out::println);
    }

    /**
     * Settings with overrides {@code group.name=value,group.name=value} by kebab-case name, exactly as the
     * service's {@code radar.detection.<group>.<name>} settings (e.g. {@code candidates.max-candidates=15}) (for experiments; defaults otherwise).
     */
    public static DetectionSettings overridden(DetectionSettings d, String spec) {
        Map<String, String> values = new HashMap<>();
        for (String kv : spec.split(",")) {
            if (!kv.isBlank()) {
                String[] p = kv.split("=", 2);
                values.put(p[0].trim(), p[1].trim());
            }
        }
        return DetectionOverrides.apply(d, values);
    }

    static <F> List<String> run(Method<F> m, LabelledSet set) {
        Map<String, Article> byId = new HashMap<>();
        set.articles().forEach(a -> byId.put(a.id(), a));
        long t0 = System.nanoTime();
        long bytes = 0;
        Map<String, F> fps = new HashMap<>();
        for (Article a : set.articles()) {
            fps.put(a.id(), m.fingerprint(a.id(), a));
            bytes += a.body().length();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "--- %s: fingerprinted %d articles in %.2fs (%.0f articles/s, %.0f KB/s)%n",
                m.name(),
                fps.size(),
                secs,
                fps.size() / secs,
                bytes / 1024.0 / secs);

        Outcomes pair = new Outcomes(set.pairs());
        for (Pair p : set.pairs()) {
            F o = fps.get(p.original());
            F c = fps.get(p.candidate());
            if (o == null || c == null) {
                continue;
            }
            Optional<RewriteKind> k = p.label().equals("REVISED") ? m.compareVersions(o, c) : m.compare(o, c);
            k.ifPresent(kind -> pair.alerts.put(p, kind));
        }
        Outcomes stream;
        if (m instanceof EngineMethod e && TOPOLOGY_STREAM) {
            stream = topologyStream(e.engine, set);
        } else {
            long s0 = System.nanoTime();
            stream = stream(m, set, fps);
            double streamSecs = (System.nanoTime() - s0) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "--- %s stream: index replay of %d articles in %.2fs (%.0f articles/s, fingerprints above)%n",
                    m.name(),
                    set.articles().size(),
                    streamSecs,
                    set.articles().size() / streamSecs);
        }
        List<String> lines = new ArrayList<>();
        lines.add(report(m.name(), "pair", set, pair));
        lines.add(report(m.name(), "stream", set, stream));
        return lines;
    }

    /**
     * The engine's stream mode: the set replayed through the service's topology ({@link TopologyReplay}:
     * {@code TopologyTestDriver}, heap stores, the service's Streams settings, retention P30D), every
     * article in {@code publishedAt} order under its published id, alerts read from {@code rewrite-alerts}
     * and judged as in {@link #stream}.
     */
    static Outcomes topologyStream(RewriteEngine engine, LabelledSet set) {
        Map<String, String> revisedOriginal = revisedOriginal(set);
        Map<String, Pair> pairByIds = pairByIds(set);
        List<TopologyReplay.Published> published =
                new ArrayList<>(set.articles().size());
        for (Article a : set.articles()) {
            published.add(new TopologyReplay.Published(
                    a.id(), publishedId(revisedOriginal, a.id()), a.title(), a.body(), a.publishedAt(), a.source()));
        }
        long t0 = System.nanoTime();
        TopologyReplay.Result result = TopologyReplay.replay("rewrite-radar-eval", engine, published);
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "--- engine stream: topology replay of %d articles in %.2fs (%.0f articles/s), %d alerts, %d unmapped,"
                        + " %d dead letters%n",
                published.size(),
                secs,
                published.size() / secs,
                result.alerts().size(),
                result.unmapped(),
                result.deadLetters());
        Outcomes out = new Outcomes(set.pairs());
        out.unjudged += result.unmapped();
        for (TopologyReplay.Alerted a : result.alerts()) {
            judge(out, pairByIds, a.originalArticleId(), a.articleId(), a.kind());
        }
        if (!ALERTS_FILE.isEmpty()) {
            appendAlerts(set, pairByIds, result.alerts());
        }
        return out;
    }

    private static void appendAlerts(
            LabelledSet set, Map<String, Pair> pairByIds, List<TopologyReplay.Alerted> alerts) {
        StringBuilder lines = new StringBuilder();
        for (TopologyReplay.Alerted a : alerts) {
            Pair p = labelled(pairByIds, a.originalArticleId(), a.articleId());
            lines.append(String.join(
                            "\t",
                            set.name(),
                            a.originalArticleId(),
                            a.articleId(),
                            a.kind().name(),
                            p == null ? "UNJUDGED" : p.label()))
                    .append('\n');
        }
        try {
            Files.writeString(Path.of(ALERTS_FILE), lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** FORMAT.md: the candidate of a REVISED pair is published under its original's id. */
    private static Map<String, String> revisedOriginal(LabelledSet set) {
        Map<String, String> revisedOriginal = new HashMap<>();
        for (Pair p : set.pairs()) {
            if (p.label().equals("REVISED")) {
                revisedOriginal.put(p.candidate(), p.original());
            }
        }
        return revisedOriginal;
    }

    private static Map<String, Pair> pairByIds(LabelledSet set) {
        Map<String, Pair> pairByIds = new HashMap<>();
        for (Pair p : set.pairs()) {
            pairByIds.put(p.original() + "\u0000" + p.candidate(), p);
        }
        return pairByIds;
    }

    private static String publishedId(Map<String, String> revisedOriginal, String articleId) {
        String pub = articleId;
        while (revisedOriginal.containsKey(pub)) {
            pub = revisedOriginal.get(pub);
        }
        return pub;
    }

    /**
     * Stream mode over the method's in-memory index: the baseline's, and the engine's with {@code
     * -Deval.stream=index}.
     */
    static <F> Outcomes stream(Method<F> m, LabelledSet set, Map<String, F> fps) {
        Map<String, String> revisedOriginal = revisedOriginal(set);
        Map<String, Pair> pairByIds = pairByIds(set);
        Outcomes out = new Outcomes(set.pairs());
        Index<F> index = m.newIndex();
        Map<String, String> current = new HashMap<>(); // published id -> article id of its current version
        for (Article a : set.articles()) {
            String pub = publishedId(revisedOriginal, a.id());
            F fp = m.withId(fps.get(a.id()), pub);
            long[] keys = m.keys(fp);
            F previous = index.get(pub);
            if (previous != null) {
                String prevArticle = current.get(pub);
                Optional<RewriteKind> k = m.compareVersions(previous, fp);
                if (k.isPresent()) {
                    judge(out, pairByIds, prevArticle, a.id(), k.get());
                }
            } else {
                for (String cid : index.candidates(keys, pub)) {
                    F orig = index.get(cid);
                    Optional<RewriteKind> k = m.compare(orig, fp);
                    if (k.isPresent()) {
                        judge(out, pairByIds, current.get(cid), a.id(), k.get());
                    }
                }
            }
            index.put(pub, fp, keys);
            current.put(pub, a.id());
        }
        return out;
    }

    private static void judge(Outcomes out, Map<String, Pair> pairs, String original, String candidate, RewriteKind k) {
        Pair p = labelled(pairs, original, candidate);
        if (p == null) {
            out.unjudged++;
        } else {
            out.alerts.putIfAbsent(p, k);
        }
    }

    /** The labelled pair of two articles, in either order; null when the pair is unlabelled. */
    private static Pair labelled(Map<String, Pair> pairs, String original, String candidate) {
        Pair p = pairs.get(original + "\u0000" + candidate);
        return p != null ? p : pairs.get(candidate + "\u0000" + original);
    }

    static String report(String method, String mode, LabelledSet set, Outcomes o) {
        Map<String, int[]> perLabel = new TreeMap<>(); // n, alerted, kindCorrect
        Map<String, Map<String, Integer>> confusion = new TreeMap<>();
        Map<String, Integer> kindAlerts = new TreeMap<>();
        int tp = 0;
        int fp = 0;
        int pos = 0;
        int neg = 0;
        int kindOk = 0;
        for (Pair p : o.pairs) {
            RewriteKind k = o.alerts.get(p);
            int[] c = perLabel.computeIfAbsent(p.label(), x -> new int[3]);
            c[0]++;
            String kn = k == null ? "-" : k.name();
            confusion.computeIfAbsent(p.label(), x -> new TreeMap<>()).merge(kn, 1, Integer::sum);
            if (k != null) {
                c[1]++;
                kindAlerts.merge(k.name(), 1, Integer::sum);
                if (k.name().equals(p.label())) {
                    c[2]++;
                }
            }
            if (EvalData.MUST_ALERT.contains(p.label())) {
                pos++;
                if (k != null) {
                    tp++;
                    if (k.name().equals(p.label())) {
                        kindOk++;
                    }
                }
            } else if (EvalData.MUST_NOT_ALERT.contains(p.label())) {
                neg++;
                if (k != null) {
                    fp++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s %s %s (unjudged alerts: %d)%n", method, mode, set.name(), o.unjudged);
        System.out.printf(
                Locale.ROOT,
                "  %-15s %5s %7s %8s %8s %8s %6s%n",
                "label",
                "n",
                "alerted",
                "kind-P",
                "kind-R",
                "kind-F1",
                "rate");
        for (var e : perLabel.entrySet()) {
            int[] c = e.getValue();
            int predicted = kindAlerts.getOrDefault(e.getKey(), 0);
            double kp = predicted == 0 ? Double.NaN : (double) c[2] / predicted;
            double kr = (double) c[2] / c[0];
            double kf = Double.isNaN(kp) || kp + kr == 0 ? Double.NaN : 2 * kp * kr / (kp + kr);
            System.out.printf(
                    Locale.ROOT,
                    "  %-15s %5d %7d %8s %8s %8s %6s%n",
                    e.getKey(),
                    c[0],
                    c[1],
                    f(kp),
                    f(kr),
                    f(kf),
                    f((double) c[1] / c[0]));
        }
        System.out.println("  confusion (label -> alert kind counts, '-' = no alert):");
        confusion.forEach((label, row) -> System.out.printf(Locale.ROOT, "    %-15s %s%n", label, row));
        double precision = tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp);
        double recall = pos == 0 ? Double.NaN : (double) tp / pos;
        double f1 = Double.isNaN(precision) || Double.isNaN(recall) || precision + recall == 0
                ? Double.NaN
                : 2 * precision * recall / (precision + recall);
        double fa = neg == 0 ? Double.NaN : (double) fp / neg;
        double ka = tp == 0 ? Double.NaN : (double) kindOk / tp;
        return String.format(
                Locale.ROOT,
                "EVAL %s %s %s precision=%s recall=%s f1=%s false_alerts=%s kind_accuracy=%s",
                method,
                mode,
                set.name(),
                f(precision),
                f(recall),
                f(f1),
                f(fa),
                f(ka));
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }
}

package org.rewriteradar.similarity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.rewriteradar.bench.PerturbedPool;
import org.rewriteradar.eval.EvalData;
import org.rewriteradar.text.AnalyzedText;
import org.rewriteradar.text.TextNormalizer;

/**
 * What the design of the sentence keys ({@link CandidateKeys}) costs and buys, in memory, without the
 * topology: a key is the bottom-{@code terms} sketch of a sentence's content stems under one of {@code seeds}
 * seeds, optionally with the first {@code stop} stems of {@link CommonStems}' list left out ({@code 2x2/300} is
 * the engine's default).
 *
 * <ul>
 *   <li>{@code coverage}: per labelled set and label, the share of pairs whose two articles share at least
 *       one and at least two sentence keys: a candidate needs one shared key to be met in stream mode.
 *   <li>{@code collisions}: an index of synthetic articles ({@link PerturbedPool} over half of {@code
 *       pool-bbc}) grows to each checkpoint; for 200 unseen articles of the other half at each, the bucket
 *       members their keys meet (at most the engine's bucket capacity a bucket, all of them unless the variant
 *       says otherwise): random collisions, the work that grows with the index. At each checkpoint, {@code
 *       KEYS surviving} lines give, per labelled set and label, the share of pairs that share a key whose
 *       bucket would still answer with the original had the whole fill joined the index after it.
 * </ul>
 *
 * <pre>
 * ./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.rewriteradar.similarity.SentenceKeyDesign -Dexec.args="coverage|collisions"
 * </pre>
 *
 * Variants: {@code --variants "2x2,2x3,3x4,2x2/300"} (terms × seeds, {@code /K} leaves the K most frequent
 * stems out), each optionally followed by {@code :hot=N} (a key whose two stems are both among the N commonest
 * takes a third), {@code :cap=N} (buckets keep N members), {@code :silent=N} and {@code :keep=M} (a bucket
 * that N or more articles joined answers with its newest M members only: the engine's default is {@code
 * 2x2/300:silent=32:keep=4}, {@code candidates.index-bucket-capacity} and {@code
 * candidates.full-bucket-members}); {@code --checkpoints 10000,50000,100000}. Lines start with {@code KEYS}.
 */
public final class SentenceKeyDesign {

    private static final int BUCKET_CAPACITY =
            DetectionSettings.defaults().candidates().indexBucketCapacity();
    private static final int MIN_TERMS = 4;

    /**
     * One key design: bottom-{@code terms} of content stems, {@code seeds} seeds, {@code stop} stems left out;
     * a two-stem key whose both stems are in {@code hot} takes the third-smallest stem too (either list null:
     * none); buckets keep at most {@code capacity} members, and one that {@code silent} or more articles
     * joined answers with its newest {@code keep} ({@code silent} 0: with all).
     */
    record Design(
            String name, int terms, int seeds, CommonStems stop, CommonStems hot, int capacity, int silent, int keep) {

        /** Members a probe meets in a bucket that {@code count} articles joined before it. */
        int met(int count) {
            return silent > 0 && count >= silent ? Math.min(keep, count) : Math.min(capacity, count);
        }

        /** Whether a probe meets a member that {@code count} other articles followed into its bucket. */
        boolean survives(int count) {
            return count < capacity && (silent == 0 || count < silent);
        }
    }

    private final Workspace ws = new Workspace();

    private AnalyzedText analyze(String body) {
        return ws.analyzer.analyze(TextNormalizer.normalize(body == null ? "" : body));
    }

    /** The distinct sentence keys of an analysed text under a design. */
    static Set<Long> keys(AnalyzedText at, Design d) {
        long[] mixed = Mix.premix(at.terms());
        Set<Long> keys = new HashSet<>();
        int[] ss = at.sentenceStarts();
        int width = d.hot() == null ? d.terms() : Math.max(3, d.terms());
        long[] mins = new long[width];
        int[] minTerms = new int[width];
        for (int s = 0; s < at.sentences(); s++) {
            for (int seed = 0; seed < d.seeds(); seed++) {
                long salt = Mix.mix(CandidateKeys.SENTENCE_SEED, seed);
                Arrays.fill(mins, Long.MAX_VALUE);
                int distinct = 0;
                next:
                for (int i = ss[s]; i < ss[s + 1]; i++) {
                    if ((at.flags()[i] & AnalyzedText.FUNCTION) != 0
                            || (d.stop() != null && d.stop().contains(at.terms()[i]))) {
                        continue;
                    }
                    long h = Mix.mixPremixed(salt, mixed[i]);
                    for (long m : mins) {
                        if (m == h) {
                            continue next;
                        }
                    }
                    distinct++;
                    if (h < mins[width - 1]) {
                        int j = width - 1;
                        for (; j > 0 && mins[j - 1] > h; j--) {
                            mins[j] = mins[j - 1];
                            minTerms[j] = minTerms[j - 1];
                        }
                        mins[j] = h;
                        minTerms[j] = at.terms()[i];
                    }
                }
                if (distinct >= Math.max(MIN_TERMS, d.terms())) {
                    int used = d.terms();
                    if (d.hot() != null
                            && d.hot().contains(minTerms[0])
                            && d.hot().contains(minTerms[1])
                            && distinct >= 3) {
                        used = 3;
                    }
                    long key = mins[0];
                    for (int j = 1; j < used; j++) {
                        key = Mix.mix(key, mins[j]);
                    }
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    void coverage(Path data, List<Design> designs) {
        for (String set : List.of("meter", "clough", "sameevent-duc", "revisions-reuters")) {
            report(EvalData.load(data.resolve(set), set), designs);
        }
        Path spin = Path.of("target/generated-sets/spin");
        if (spin.toFile().isDirectory()) {
            report(EvalData.load(spin, "spin"), designs);
        }
    }

    private void report(EvalData.LabelledSet set, List<Design> designs) {
        Map<String, EvalData.Article> byId = new HashMap<>();
        set.articles().forEach(a -> byId.put(a.id(), a));
        Map<String, int[]> rows = new LinkedHashMap<>(); // label -> pairs, then (>=1, >=2) per design
        for (EvalData.Pair p : set.pairs()) {
            EvalData.Article o = byId.get(p.original());
            EvalData.Article c = byId.get(p.candidate());
            if (o == null || c == null) {
                continue;
            }
            int[] row = rows.computeIfAbsent(p.label(), k -> new int[1 + 2 * designs.size()]);
            row[0]++;
            AnalyzedText ao = analyze(o.body());
            AnalyzedText ac = analyze(c.body());
            for (int d = 0; d < designs.size(); d++) {
                Set<Long> shared = keys(ao, designs.get(d));
                shared.retainAll(keys(ac, designs.get(d)));
                row[1 + 2 * d] += shared.isEmpty() ? 0 : 1;
                row[2 + 2 * d] += shared.size() >= 2 ? 1 : 0;
            }
        }
        rows.forEach((label, row) -> {
            StringBuilder out =
                    new StringBuilder(String.format("KEYS coverage %s %s pairs=%d", set.name(), label, row[0]));
            for (int d = 0; d < designs.size(); d++) {
                out.append(String.format(
                        " | %s >=1 %.3f >=2 %.3f",
                        designs.get(d).name(), row[1 + 2 * d] / (double) row[0], row[2 + 2 * d] / (double) row[0]));
            }
            System.out.println(out);
        });
    }

    /**
     * Members met by unseen probes as the synthetic index grows, and, at each size, the share of labelled
     * pairs that still share a key whose bucket the original survives in: a bucket keeps its newest {@code
     * capacity} members, so an original indexed before the whole fill is still there when fewer than that
     * many fill articles joined the bucket after it.
     */
    void collisions(Path data, List<Design> designs, int[] checkpoints) {
        List<EvalData.Article> bases = new ArrayList<>(
                EvalData.load(data.resolve("pool-bbc"), "pool-bbc").articles());
        Collections.shuffle(bases, new Random(20_261_204L));
        List<EvalData.Article> unseen = new ArrayList<>(bases.subList(bases.size() / 2, bases.size()));
        bases.removeAll(unseen);
        PerturbedPool synthetic = new PerturbedPool(bases, PerturbedPool.DEFAULT_REPLACE, PerturbedPool.DEFAULT_SEED);
        List<LongCounts> buckets = new ArrayList<>();
        designs.forEach(d -> buckets.add(new LongCounts(1 << 20)));
        List<LabelledKeys> labelled = labelledKeys(data, designs);
        int indexed = 0;
        int probed = 0;
        for (int checkpoint : checkpoints) {
            for (; indexed < checkpoint; indexed++) {
                AnalyzedText at = analyze(synthetic.article(indexed).body());
                for (int d = 0; d < designs.size(); d++) {
                    for (long k : keys(at, designs.get(d))) {
                        buckets.get(d).increment(k);
                    }
                }
            }
            long[] keys = new long[designs.size()];
            long[] members = new long[designs.size()];
            List<EvalData.Article> probes =
                    unseen.subList(probed % (unseen.size() - 200), probed % (unseen.size() - 200) + 200);
            probed += 200;
            for (EvalData.Article p : probes) {
                AnalyzedText at = analyze(p.body());
                for (int d = 0; d < designs.size(); d++) {
                    for (long k : keys(at, designs.get(d))) {
                        keys[d]++;
                        members[d] += designs.get(d).met(buckets.get(d).get(k));
                    }
                }
            }
            StringBuilder out = new StringBuilder("KEYS collisions indexed=" + checkpoint);
            for (int d = 0; d < designs.size(); d++) {
                out.append(String.format(
                        " | %s keys=%.1f members=%.1f",
                        designs.get(d).name(), keys[d] / (double) probes.size(), members[d] / (double) probes.size()));
            }
            System.out.println(out);
            for (LabelledKeys set : labelled) {
                StringBuilder line = new StringBuilder(String.format(
                        "KEYS surviving indexed=%d %s %s pairs=%d",
                        checkpoint, set.set(), set.label(), set.shared().size()));
                for (int d = 0; d < designs.size(); d++) {
                    int covered = 0;
                    for (List<Set<Long>> pair : set.shared()) {
                        for (long k : pair.get(d)) {
                            int count = buckets.get(d).get(k);
                            if (designs.get(d).survives(count)) {
                                covered++;
                                break;
                            }
                        }
                    }
                    line.append(String.format(
                            " | %s %.3f",
                            designs.get(d).name(),
                            covered / (double) Math.max(1, set.shared().size())));
                }
                System.out.println(line);
            }
        }
    }

    /** The keys each labelled pair of one set and label shares, per design. */
    private record LabelledKeys(String set, String label, List<List<Set<Long>>> shared) {}

    private List<LabelledKeys> labelledKeys(Path data, List<Design> designs) {
        List<EvalData.LabelledSet> sets = new ArrayList<>();
        for (String name : List.of("meter", "clough", "revisions-reuters")) {
            sets.add(EvalData.load(data.resolve(name), name));
        }
        Path spin = Path.of("target/generated-sets/spin");
        if (spin.toFile().isDirectory()) {
            sets.add(EvalData.load(spin, "spin"));
        }
        List<LabelledKeys> out = new ArrayList<>();
        for (EvalData.LabelledSet set : sets) {
            Map<String, EvalData.Article> byId = new HashMap<>();
            set.articles().forEach(a -> byId.put(a.id(), a));
            Map<String, List<List<Set<Long>>>> byLabel = new LinkedHashMap<>();
            for (EvalData.Pair p : set.pairs()) {
                EvalData.Article o = byId.get(p.original());
                EvalData.Article c = byId.get(p.candidate());
                if (o == null || c == null || p.label().equals("UNRELATED")) {
                    continue;
                }
                AnalyzedText ao = analyze(o.body());
                AnalyzedText ac = analyze(c.body());
                List<Set<Long>> perDesign = new ArrayList<>();
                for (Design d : designs) {
                    Set<Long> shared = keys(ao, d);
                    shared.retainAll(keys(ac, d));
                    perDesign.add(shared);
                }
                byLabel.computeIfAbsent(p.label(), k -> new ArrayList<>()).add(perDesign);
            }
            byLabel.forEach((label, shared) -> out.add(new LabelledKeys(set.name(), label, shared)));
        }
        return out;
    }

    /** Counts per long key, open addressing (a synthetic index of a million articles holds 30 million keys). */
    static final class LongCounts {
        private long[] keys;
        private int[] counts;
        private int size;

        LongCounts(int capacity) {
            keys = new long[capacity];
            counts = new int[capacity];
        }

        void increment(long key) {
            if (size * 2 >= keys.length) {
                grow();
            }
            int i = slot(keys, key);
            if (counts[i] == 0) {
                keys[i] = key;
                size++;
            }
            counts[i]++;
        }

        int get(long key) {
            int i = slot(keys, key);
            return counts[i];
        }

        private int slot(long[] table, long key) {
            int mask = table.length - 1;
            int i = (int) Mix.mix(key, 0x5EED) & mask;
            while (counts[i] != 0 && table[i] != key) {
                i = (i + 1) & mask;
            }
            return i;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldCounts = counts;
            keys = new long[oldKeys.length * 2];
            counts = new int[oldKeys.length * 2];
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldCounts[j] != 0) {
                    int i = slot(keys, oldKeys[j]);
                    keys[i] = oldKeys[j];
                    counts[i] = oldCounts[j];
                }
            }
        }
    }

    public static void main(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        opts.put("--variants", "2x2,2x2/300,2x3,3x3,3x4,3x6");
        opts.put("--checkpoints", "10000,50000,100000");
        opts.put("--shared", "../shared");
        String mode = args.length == 0 ? "coverage" : args[0];
        for (int i = 1; i + 1 < args.length; i += 2) {
            if (!opts.containsKey(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; options: " + opts.keySet());
            }
            opts.put(args[i], args[i + 1]);
        }
        Path data = Path.of(opts.get("--shared"), "data");
        SentenceKeyDesign probe = new SentenceKeyDesign();
        List<Design> designs = new ArrayList<>();
        for (String v : opts.get("--variants").split(",")) {
            String[] options = v.trim().split(":");
            String[] parts = options[0].split("/");
            String[] ts = parts[0].split("x");
            CommonStems stop = parts.length > 1 ? CommonStems.first(Integer.parseInt(parts[1])) : null;
            CommonStems hot = null;
            int capacity = BUCKET_CAPACITY;
            int silent = 0;
            int keep = 0;
            for (int o = 1; o < options.length; o++) {
                String[] kv = options[o].split("=");
                switch (kv[0]) {
                    case "hot" -> hot = CommonStems.first(Integer.parseInt(kv[1]));
                    case "cap" -> capacity = Integer.parseInt(kv[1]);
                    case "silent" -> silent = Integer.parseInt(kv[1]);
                    case "keep" -> keep = Integer.parseInt(kv[1]);
                    default -> throw new IllegalArgumentException(
                            "variant option hot=N, cap=N, silent=N or keep=N, not " + options[o]);
                }
            }
            designs.add(new Design(
                    v.trim(), Integer.parseInt(ts[0]), Integer.parseInt(ts[1]), stop, hot, capacity, silent, keep));
        }
        switch (mode) {
            case "coverage" -> probe.coverage(data, designs);
            case "collisions" -> probe.collisions(
                    data,
                    designs,
                    Arrays.stream(opts.get("--checkpoints").split(","))
                            .mapToInt(s -> Integer.parseInt(s.trim()))
                            .toArray());
            default -> throw new IllegalArgumentException("mode: coverage or collisions, not " + mode);
        }
    }
}

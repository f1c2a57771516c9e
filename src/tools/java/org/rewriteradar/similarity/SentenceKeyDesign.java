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
import org.rewriteradar.text.TextAnalyzer;
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
 *       members their keys meet (at most 64 a bucket, as the service's buckets): random collisions, the work
 *       that grows with the index.
 * </ul>
 *
 * <pre>
 * ./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.rewriteradar.similarity.SentenceKeyDesign -Dexec.args="coverage|collisions"
 * </pre>
 *
 * Variants: {@code --variants "2x2,2x3,3x4,2x2/300"} (terms × seeds, {@code /K} leaves the K most frequent
 * stems out); {@code --checkpoints 10000,50000,100000}. Lines start with {@code KEYS}.
 */
public final class SentenceKeyDesign {

    private static final int BUCKET_CAPACITY = 64;
    private static final int MIN_TERMS = 4;

    /** One key design: bottom-{@code terms} of content stems, {@code seeds} seeds, {@code stop} stems left out. */
    record Design(String name, int terms, int seeds, Set<Integer> stop) {}

    private final Workspace ws = new Workspace();

    private AnalyzedText analyze(String body) {
        return ws.analyzer.analyze(TextNormalizer.normalize(body == null ? "" : body));
    }

    /** The distinct sentence keys of a text under a design. */
    Set<Long> keys(String body, Design d) {
        AnalyzedText at = analyze(body);
        long[] mixed = Mix.premix(at.terms());
        Set<Long> keys = new HashSet<>();
        int[] ss = at.sentenceStarts();
        long[] mins = new long[d.terms()];
        for (int s = 0; s < at.sentences(); s++) {
            for (int seed = 0; seed < d.seeds(); seed++) {
                long salt = Mix.mix(CandidateKeys.SENTENCE_SEED, seed);
                Arrays.fill(mins, Long.MAX_VALUE);
                int distinct = 0;
                next:
                for (int i = ss[s]; i < ss[s + 1]; i++) {
                    if ((at.flags()[i] & AnalyzedText.FUNCTION) != 0 || d.stop().contains(at.terms()[i])) {
                        continue;
                    }
                    long h = Mix.mixPremixed(salt, mixed[i]);
                    for (long m : mins) {
                        if (m == h) {
                            continue next;
                        }
                    }
                    distinct++;
                    if (h < mins[mins.length - 1]) {
                        int j = mins.length - 1;
                        for (; j > 0 && mins[j - 1] > h; j--) {
                            mins[j] = mins[j - 1];
                        }
                        mins[j] = h;
                    }
                }
                if (distinct >= Math.max(MIN_TERMS, d.terms())) {
                    long key = mins[0];
                    for (int j = 1; j < mins.length; j++) {
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
            for (int d = 0; d < designs.size(); d++) {
                Set<Long> shared = keys(o.body(), designs.get(d));
                shared.retainAll(keys(c.body(), designs.get(d)));
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

    void collisions(Path data, List<Design> designs, int[] checkpoints) {
        List<EvalData.Article> bases = new ArrayList<>(
                EvalData.load(data.resolve("pool-bbc"), "pool-bbc").articles());
        Collections.shuffle(bases, new Random(20_261_204L));
        List<EvalData.Article> unseen = new ArrayList<>(bases.subList(bases.size() / 2, bases.size()));
        bases.removeAll(unseen);
        PerturbedPool synthetic = new PerturbedPool(bases, PerturbedPool.DEFAULT_REPLACE, PerturbedPool.DEFAULT_SEED);
        List<Map<Long, Integer>> buckets = new ArrayList<>();
        designs.forEach(d -> buckets.add(new HashMap<>()));
        int indexed = 0;
        int probed = 0;
        for (int checkpoint : checkpoints) {
            for (; indexed < checkpoint; indexed++) {
                String body = synthetic.article(indexed).body();
                for (int d = 0; d < designs.size(); d++) {
                    for (long k : keys(body, designs.get(d))) {
                        buckets.get(d).merge(k, 1, Integer::sum);
                    }
                }
            }
            long[] keys = new long[designs.size()];
            long[] members = new long[designs.size()];
            List<EvalData.Article> probes = unseen.subList(probed, probed + 200);
            probed += 200;
            for (EvalData.Article p : probes) {
                for (int d = 0; d < designs.size(); d++) {
                    for (long k : keys(p.body(), designs.get(d))) {
                        keys[d]++;
                        members[d] += Math.min(BUCKET_CAPACITY, buckets.get(d).getOrDefault(k, 0));
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
            String[] parts = v.trim().split("/");
            String[] ts = parts[0].split("x");
            Set<Integer> stop = Set.of();
            if (parts.length > 1) {
                stop = new HashSet<>();
                for (String stem : CommonStems.load().subList(0, Integer.parseInt(parts[1]))) {
                    stop.add(TextAnalyzer.termHash(stem));
                }
            }
            designs.add(new Design(v.trim(), Integer.parseInt(ts[0]), Integer.parseInt(ts[1]), stop));
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

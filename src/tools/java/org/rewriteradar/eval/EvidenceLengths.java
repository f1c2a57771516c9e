package org.rewriteradar.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.rewriteradar.similarity.ArticleFingerprint;
import org.rewriteradar.similarity.Detection;
import org.rewriteradar.similarity.DetectionSettings;
import org.rewriteradar.similarity.MatchedPassage;
import org.rewriteradar.similarity.RewriteEngine;
import org.rewriteradar.similarity.RewriteKind;

/**
 * How long the evidence passages of the labelled pairs' detections are (the distribution behind {@code
 * radar.detection.evidence.max-passage-chars}): the engine scores every labelled pair as {@link EngineDump}
 * does, and prints, per kind of passage, the length in characters of each passage (its {@code end - start}
 * on each side, both sides counted, whatever the texts carry) by percentile, and per alert the characters its
 * evidence texts carry (after {@code max-passage-chars}). Kinds of passage: {@code verbatim} (the
 * whole text of a {@code VERBATIM_COPY}), {@code quote} and {@code sentence} ({@code EvidenceBuilder}), and
 * {@code revision} (changed runs of sentences, {@code RevisionDiff}).
 *
 * <p>{@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.rewriteradar.eval.EvidenceLengths -Dexec.args="../shared/data
 * target/generated-sets/spin"}; {@code -Deval.settings=evidence.max-passage-chars=…} as in {@link Evaluate}.
 */
public final class EvidenceLengths {

    private EvidenceLengths() {}

    public static void main(String[] args) {
        RewriteEngine engine = new RewriteEngine(
                Evaluate.overridden(DetectionSettings.defaults(), System.getProperty("eval.settings", "")));
        Map<String, List<Integer>> texts = new LinkedHashMap<>();
        for (String kind : List.of("verbatim", "quote", "sentence", "revision", "all but verbatim", "all")) {
            texts.put(kind, new ArrayList<>());
        }
        List<Integer> perAlert = new ArrayList<>();
        int alerts = 0;
        int truncated = 0;
        for (Path folder : EvalData.expand(List.of(args))) {
            EvalData.LabelledSet set =
                    EvalData.load(folder, folder.getFileName().toString());
            Map<String, ArticleFingerprint> fps = new HashMap<>();
            for (EvalData.Article a : set.articles()) {
                fps.put(a.id(), engine.fingerprint(a.id(), a.title(), a.body()));
            }
            for (EvalData.Pair p : set.pairs()) {
                ArticleFingerprint o = fps.get(p.original());
                ArticleFingerprint c = fps.get(p.candidate());
                if (o == null || c == null) {
                    continue;
                }
                Optional<Detection> d = p.label().equals("REVISED")
                        ? engine.compareVersions(o, c.withId(o.id()))
                        : engine.compare(o, c);
                if (d.isEmpty()) {
                    continue;
                }
                alerts++;
                int sum = 0;
                for (MatchedPassage m : d.get().evidence()) {
                    String kind = d.get().kind() == RewriteKind.VERBATIM_COPY
                            ? "verbatim"
                            : d.get().kind() == RewriteKind.REVISED ? "revision" : m.quote() ? "quote" : "sentence";
                    for (int length :
                            new int[] {m.originalEnd() - m.originalStart(), m.candidateEnd() - m.candidateStart()}) {
                        texts.get(kind).add(length);
                        texts.get("all").add(length);
                        if (!kind.equals("verbatim")) {
                            texts.get("all but verbatim").add(length);
                        }
                    }
                    sum += m.originalText().length() + m.candidateText().length();
                    boolean cut = m.originalText().length() < m.originalEnd() - m.originalStart()
                            || m.candidateText().length() < m.candidateEnd() - m.candidateStart();
                    truncated += cut ? 1 : 0;
                }
                perAlert.add(sum);
            }
        }
        System.out.printf(Locale.ROOT, "EVIDENCE alerts %d, passages cut %d%n", alerts, truncated);
        texts.forEach((kind, lengths) -> System.out.println(line("texts " + kind, lengths)));
        System.out.println(line("evidence chars per alert", perAlert));
    }

    private static String line(String what, List<Integer> values) {
        int[] v = values.stream().mapToInt(Integer::intValue).sorted().toArray();
        if (v.length == 0) {
            return String.format(Locale.ROOT, "%-26s n 0", what);
        }
        StringBuilder over = new StringBuilder();
        for (int limit : new int[] {500, 1000, 2000, 5000}) {
            long n = Arrays.stream(v).filter(x -> x > limit).count();
            over.append(String.format(Locale.ROOT, " >%d %d (%.2f%%)", limit, n, 100.0 * n / v.length));
        }
        return String.format(
                Locale.ROOT,
                "%-26s n %6d  p50 %6d  p90 %6d  p99 %6d  p99.9 %6d  max %7d %s",
                what,
                v.length,
                pct(v, 0.50),
                pct(v, 0.90),
                pct(v, 0.99),
                pct(v, 0.999),
                v[v.length - 1],
                over);
    }

    private static int pct(int[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}

package org.rewriteradar.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.rewriteradar.similarity.ArticleFingerprint;
import org.rewriteradar.similarity.Detection;
import org.rewriteradar.similarity.DetectionSettings;
import org.rewriteradar.similarity.FingerprintCodec;
import org.rewriteradar.similarity.PairFeatures;
import org.rewriteradar.similarity.RewriteEngine;

/**
 * Writes everything the engine computes on labelled sets — every fingerprint (its encoded bytes), its
 * candidate keys, and every labelled pair's features and detection (kind, score, signals, evidence) — to
 * one text file, and prints its SHA-256. Two builds that print the same digest detect identically on
 * these sets: the check for refactorings that must not change a single detection.
 *
 * <p>{@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.rewriteradar.eval.EngineDump -Dexec.args="target/engine-dump.txt ../shared/data"}, with
 * the default settings or {@code -Deval.settings=group.name=value,…} as {@link Evaluate} takes them (e.g.
 * {@code evidence.max-passage-chars=2147483647}, to compare detections apart from what their passages carry).
 */
public final class EngineDump {

    private EngineDump() {}

    public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
        Path out = Path.of(args[0]);
        RewriteEngine engine = new RewriteEngine(
                Evaluate.overridden(DetectionSettings.defaults(), System.getProperty("eval.settings", "")));
        HexFormat hex = HexFormat.of();
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            for (Path folder : EvalData.expand(List.of(args).subList(1, args.length))) {
                EvalData.LabelledSet set =
                        EvalData.load(folder, folder.getFileName().toString());
                Map<String, ArticleFingerprint> fps = new HashMap<>();
                for (EvalData.Article a : set.articles()) {
                    ArticleFingerprint fp = engine.fingerprint(a.id(), a.title(), a.body());
                    fps.put(a.id(), fp);
                    w.println("FP " + a.id() + " " + hex.formatHex(FingerprintCodec.encode(fp)));
                    w.println("KEYS " + a.id() + " " + Arrays.toString(engine.candidateKeys(fp)) + " min="
                            + engine.minSharedKeys(fp.keys()));
                }
                for (EvalData.Pair p : set.pairs()) {
                    ArticleFingerprint o = fps.get(p.original());
                    ArticleFingerprint c = fps.get(p.candidate());
                    if (o == null || c == null) {
                        continue;
                    }
                    PairFeatures f = engine.features(o, c);
                    w.println("FEATURES " + p.original() + " " + p.candidate() + " " + Arrays.toString(f.vector())
                            + " aligned=" + Arrays.toString(f.alignedPairs()) + " sims="
                            + Arrays.toString(f.alignedSims()));
                    Optional<Detection> d = p.label().equals("REVISED")
                            ? engine.compareVersions(o, c.withId(o.id()))
                            : engine.compare(o, c);
                    w.println("DETECTION " + p.original() + " " + p.candidate() + " "
                            + d.map(x -> x.kind() + " " + x.score() + " " + new TreeMap<>(x.signals()) + " "
                                            + x.evidence())
                                    .orElse("none"));
                }
            }
        }
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(out));
        System.out.println("ENGINE-DUMP " + out + " " + Files.size(out) + " bytes sha256=" + hex.formatHex(digest));
    }
}

package org.rewriteradar.similarity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The detection engine: fingerprints articles, names candidate keys for lookup and scores candidate
 * pairs. Pure Java, thread-safe, no Kafka.
 */
public final class RewriteEngine {

    private final DetectionSettings settings;

    public RewriteEngine(DetectionSettings settings) {
        this.settings = settings;
    }

    public DetectionSettings settings() {
        return settings;
    }

    /** Normalises a raw body (plain text or HTML) and fingerprints it. */
    public ArticleFingerprint fingerprint(String id, String title, String body) {
        String text = body.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim();
        long hash = com.dynatrace.hash4j.hashing.Hashing.komihash5_0().hashCharsToLong(text);
        return new ArticleFingerprint(id, text, hash, words(text).size());
    }

    /** Lookup keys (LSH bands) under which this article is indexed and searched; stable across JVMs. */
    public long[] candidateKeys(ArticleFingerprint fingerprint) {
        return new long[0];
    }

    /** Scores a candidate against an earlier original; empty when it is not a rewrite. */
    public Optional<Detection> compare(ArticleFingerprint original, ArticleFingerprint candidate) {
        Set<String> a = shingles(original.text());
        Set<String> b = shingles(candidate.text());
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        double containment = (double) common.size() / Math.min(a.size(), b.size());
        if (containment < settings.alertThreshold()) {
            return Optional.empty();
        }
        return Optional.of(new Detection(
                RewriteKind.NEAR_DUPLICATE, containment, Map.of("containment5", containment), List.of()));
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private static Set<String> shingles(String text) {
        List<String> w = words(text);
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 5 <= w.size(); i++) {
            out.add(String.join(" ", w.subList(i, i + 5)));
        }
        return out;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

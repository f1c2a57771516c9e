package org.rewriteradar.similarity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The signals map of a {@link Detection}: the measurements behind it by name, rounded to four decimals
 * (they are for people and alerts, not for further computation).
 */
final class Signals {

    private Signals() {}

    /** A pair's signals: every {@link Feature} by its key, in order, then {@code j5}, {@code containment} and {@code score}. */
    static Map<String, Double> of(PairFeatures f, double score) {
        Map<String, Double> signals = new LinkedHashMap<>();
        for (Feature x : Feature.ALL) {
            signals.put(x.key(), round(x.of(f)));
        }
        signals.put("j5", round(f.j5()));
        signals.put("containment", round(f.containment()));
        signals.put("score", round(score));
        return signals;
    }

    /**
     * A story alert's signals: the pair's ({@link #of}), then {@code storyNarrative}, the share of the
     * candidate's narrative 5-shingles the story's versions hold together, and {@code storyVersions}.
     */
    static Map<String, Double> story(PairFeatures f, double score, double share, int versions) {
        Map<String, Double> signals = of(f, score);
        signals.put("storyNarrative", round(share));
        signals.put("storyVersions", (double) versions);
        return signals;
    }

    /** The signals of an identical re-send: full containment, Jaccard and score. */
    static Map<String, Double> verbatim() {
        Map<String, Double> signals = new LinkedHashMap<>();
        signals.put("c5", 1.0);
        signals.put("j5", 1.0);
        signals.put("containment", 1.0);
        signals.put("score", 1.0);
        return signals;
    }

    /** {@code v} rounded half up to four decimals. */
    static double round(double v) {
        return Math.round(v * 10_000.0) / 10_000.0;
    }
}

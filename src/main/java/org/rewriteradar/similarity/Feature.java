package org.rewriteradar.similarity;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The features the calibrated score combines, in their one canonical order: the order of {@link
 * PairFeatures#vector()}, of a detection's signals, and of the weights' fitting and printing in the
 * evaluation tools. Each names its {@link PairFeatures} value ({@link #of}) and its weight in {@link
 * DetectionSettings.Weights} ({@link DetectionSettings.Weights#weight}), under the same {@link #key()}.
 * Adding a feature means adding it here, to {@link PairFeatures} and to {@link DetectionSettings.Weights}.
 */
public enum Feature {
    C5("c5", PairFeatures::c5),
    NARRATIVE5("narrative5", PairFeatures::narrative5),
    SKELETON("skeleton", PairFeatures::skeleton),
    ALIGN_CANDIDATE("alignCandidate", PairFeatures::alignCandidate),
    ALIGN_ORIGINAL("alignOriginal", PairFeatures::alignOriginal),
    ALIGN_SIMILARITY("alignSimilarity", PairFeatures::alignSimilarity),
    SENTENCE_CANDIDATE("sentenceCandidate", PairFeatures::sentenceCandidate),
    SENTENCE_ORIGINAL("sentenceOriginal", PairFeatures::sentenceOriginal),
    UNIGRAM("unigram", PairFeatures::unigram),
    QUOTE_SHARED("quoteShared", PairFeatures::quoteShared),
    LENGTH_RATIO("lengthRatio", PairFeatures::lengthRatio);

    /** Every feature, in order (one shared immutable list instead of {@code values()} copies). */
    public static final List<Feature> ALL = List.of(values());

    /** Number of features. */
    public static final int COUNT = ALL.size();

    private final String key;
    private final ToDoubleFunction<PairFeatures> value;

    Feature(String key, ToDoubleFunction<PairFeatures> value) {
        this.key = key;
        this.value = value;
    }

    /**
     * The feature's name: its {@link PairFeatures} component, its signal name in a {@link Detection}, and
     * its weight's name in {@link DetectionSettings.Weights} (configured as {@code
     * radar.detection.weights.<kebab-case key>}).
     */
    public String key() {
        return key;
    }

    /** This feature's value in {@code f}. */
    public double of(PairFeatures f) {
        return value.applyAsDouble(f);
    }

    /** The feature of this key. */
    public static Feature byKey(String key) {
        for (Feature f : ALL) {
            if (f.key.equals(key)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown feature " + key + "; known: "
                + ALL.stream().map(Feature::key).toList());
    }
}

package org.rewriteradar.similarity;

import java.util.List;

/**
 * The features the calibrated score combines, in their one canonical order: the order of {@link
 * PairFeatures#vector()}, of a detection's signals, and of the weights' fitting and printing in the
 * evaluation tools. Each names its {@link PairFeatures} value ({@link #of}) and its weight in {@link
 * DetectionSettings.Weights} ({@link DetectionSettings.Weights#weight}), under the same {@link #key()}.
 * Adding a feature means adding it here, to {@link PairFeatures} and to {@link DetectionSettings.Weights}.
 */
public enum Feature {
    C5("c5"),
    NARRATIVE5("narrative5"),
    SKELETON("skeleton"),
    ALIGN_CANDIDATE("alignCandidate"),
    ALIGN_ORIGINAL("alignOriginal"),
    ALIGN_SIMILARITY("alignSimilarity"),
    SENTENCE_CANDIDATE("sentenceCandidate"),
    SENTENCE_ORIGINAL("sentenceOriginal"),
    UNIGRAM("unigram"),
    QUOTE_SHARED("quoteShared"),
    LENGTH_RATIO("lengthRatio");

    /** Every feature, in order (one shared immutable list instead of {@code values()} copies). */
    public static final List<Feature> ALL = List.of(values());

    /** Number of features. */
    public static final int COUNT = ALL.size();

    private final String key;

    Feature(String key) {
        this.key = key;
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
        // a switch rather than a stored accessor: the score reads every feature of every scored pair
        return switch (this) {
            case C5 -> f.c5();
            case NARRATIVE5 -> f.narrative5();
            case SKELETON -> f.skeleton();
            case ALIGN_CANDIDATE -> f.alignCandidate();
            case ALIGN_ORIGINAL -> f.alignOriginal();
            case ALIGN_SIMILARITY -> f.alignSimilarity();
            case SENTENCE_CANDIDATE -> f.sentenceCandidate();
            case SENTENCE_ORIGINAL -> f.sentenceOriginal();
            case UNIGRAM -> f.unigram();
            case QUOTE_SHARED -> f.quoteShared();
            case LENGTH_RATIO -> f.lengthRatio();
        };
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

package org.rewriteradar.similarity;

/**
 * The calibrated score: the logistic function of a linear combination of the pair's features,
 * {@code p = 1 / (1 + exp(-z))} with {@code z = bias + Σ weight(f) · value(f)} over {@link Feature#ALL}, in
 * that order (the weights are fitted by logistic regression on labelled pairs, {@code eval.FitWeights}, so
 * {@code p} estimates the probability that the candidate is derived from the original). A pair alerts at
 * {@code p >= alertThreshold}.
 */
final class RewriteScore {

    private final double bias;
    private final double[] weights = new double[Feature.COUNT];
    private final double alertThreshold;

    RewriteScore(DetectionSettings.Weights w) {
        this.bias = w.bias();
        for (Feature f : Feature.ALL) {
            weights[f.ordinal()] = w.weight(f);
        }
        this.alertThreshold = w.alertThreshold();
    }

    /** The calibrated score of the pair's features, in [0, 1]. */
    double score(PairFeatures f) {
        double z = bias;
        for (Feature x : Feature.ALL) {
            z += weights[x.ordinal()] * x.of(f);
        }
        return 1.0 / (1.0 + Math.exp(-z));
    }

    /** True when a pair of this score does not alert on its score alone ({@code score < alertThreshold}). */
    boolean belowThreshold(double score) {
        return score < alertThreshold;
    }
}

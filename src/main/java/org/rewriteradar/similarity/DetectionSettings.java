package org.rewriteradar.similarity;

/**
 * Every threshold and size of the detection engine. {@link #defaults()} holds the tuned values.
 *
 * @param alertThreshold minimum score for a pair to be reported as a rewrite
 */
public record DetectionSettings(double alertThreshold) {

    public static DetectionSettings defaults() {
        return new DetectionSettings(0.5);
    }
}

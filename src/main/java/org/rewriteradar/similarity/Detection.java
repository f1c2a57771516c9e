package org.rewriteradar.similarity;

import java.util.List;
import java.util.Map;

/**
 * The engine's verdict that a candidate text rewrites an original.
 *
 * @param kind the strongest kind of rewriting the evidence supports
 * @param score calibrated confidence in [0,1] that the candidate is derived from the original; for a pair
 *     alerting on containment alone (a near duplicate, or {@code weights.alert-containment}), at least the
 *     alert threshold
 * @param signals the individual measurements that produced the score, by name: each {@link
 *     Feature#key()} then {@code j5}, {@code containment} and {@code score} for a rewrite, the size of the
 *     change for a revision
 * @param evidence aligned passages, strongest first
 */
public record Detection(RewriteKind kind, double score, Map<String, Double> signals, List<MatchedPassage> evidence) {}

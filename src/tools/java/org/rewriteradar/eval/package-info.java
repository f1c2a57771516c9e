/**
 * Evaluation tooling (not tests, not shipped): reading labelled sets ({@code EvalData}), the evaluation
 * command behind {@code ./mvnw -Peval} ({@code Evaluate}, engine beside the MinHash-Jaccard baseline, pair
 * and stream modes), weight fitting ({@code FitWeights}) and the engine dump that checks a refactoring
 * changes no detection ({@code EngineDump}).
 */
package org.rewriteradar.eval;

package org.rewriteradar.similarity;

import java.util.Arrays;

/**
 * In-order sentence alignment of two fingerprints over their narrative content stems, and the best single
 * match of every sentence in any order.
 *
 * <p>Sentences with fewer than {@code minTerms} narrative content stems take no part. For every pair of
 * sentences (i of the original, j of the candidate) x(i, j) is the number of content stems they share,
 * counted through the candidate's postings ({@link ProbeSets}) with the original's stems mapped into the
 * candidate's dictionary. Their Dice similarity is sim = 2x / (l<sub>i</sub> + l<sub>j</sub>), taken as 0
 * below {@code minSimilarity}. A monotone dynamic programme (longest common subsequence with weights) picks
 * the order-preserving set of pairs maximising the sum of sim · (l<sub>i</sub> + l<sub>j</sub>) = 2x, on
 * exact integers; the traceback yields the aligned pairs. Then:
 *
 * <ul>
 *   <li>{@code alignCandidate} / {@code alignOriginal}: aligned sentences' lengths over the total length of
 *       the side's alignable sentences;
 *   <li>{@code alignSimilarity}: mean sim of the aligned pairs;
 *   <li>{@code sentenceCandidate} / {@code sentenceOriginal}: for each sentence of the side, the largest x
 *       with any single sentence of the other side (any order), summed, over the side's total length.
 * </ul>
 *
 * Immutable; its arrays come from a {@link Scratch}.
 */
final class SentenceAligner {

    /**
     * The alignment of one pair.
     *
     * @param alignCandidate share of the candidate's alignable narrative covered by aligned sentences
     * @param alignOriginal the same for the original
     * @param alignSimilarity mean Dice similarity of the aligned pairs (0 when none)
     * @param sentenceCandidate best single-sentence matches of the candidate's sentences, over its total
     * @param sentenceOriginal the same for the original's sentences
     * @param pairs aligned pairs, {@code [2k]} original sentence, {@code [2k+1]} candidate sentence, in order
     * @param sims similarity of each aligned pair
     */
    record Result(
            double alignCandidate,
            double alignOriginal,
            double alignSimilarity,
            double sentenceCandidate,
            double sentenceOriginal,
            int[] pairs,
            double[] sims) {}

    private final DetectionSettings.Alignment settings;

    SentenceAligner(DetectionSettings.Alignment settings) {
        this.settings = settings;
    }

    /**
     * Aligns original {@code a} with candidate {@code b}, given {@code pb} = {@code b}'s tables and {@code
     * aToB} = for each of {@code a}'s content stems its index in {@code b}'s, or -1.
     */
    Result align(ArticleFingerprint a, ArticleFingerprint b, ProbeSets pb, int[] aToB, Scratch scr) {
        int na = a.sentences();
        int nb = b.sentences();
        int[] oa = a.sentenceOffsets();
        int[] ob = b.sentenceOffsets();
        int[] ta = a.sentenceTerms();
        int minTerms = settings.minTerms();
        double totalA = 0;
        double totalB = 0;
        for (int i = 0; i < na; i++) {
            int len = oa[i + 1] - oa[i];
            if (len >= minTerms) {
                totalA += len;
            }
        }
        for (int j = 0; j < nb; j++) {
            int len = ob[j + 1] - ob[j];
            if (len >= minTerms) {
                totalB += len;
            }
        }
        // shared narrative stems per (a-sentence, b-sentence) through b's postings, in the workspace's scratch
        int[] start = pb.postingStart;
        int[] post = pb.postings;
        int cells = na * nb;
        int[] count = scr.ints(cells);
        boolean any = false;
        for (int i = 0; i < na; i++) {
            if (oa[i + 1] - oa[i] < minTerms) {
                continue;
            }
            int row = i * nb;
            for (int p = oa[i]; p < oa[i + 1]; p++) {
                int m = aToB[ta[p]];
                if (m < 0) {
                    continue;
                }
                for (int q = start[m]; q < start[m + 1]; q++) {
                    count[row + post[q]]++;
                    any = true;
                }
            }
        }
        double minSim = settings.minSimilarity();
        int w = nb + 1;
        int[] pairs = new int[2 * Math.min(na, nb)];
        int np = 0;
        // best single-sentence match per sentence, any order (rows and columns of the count matrix)
        double bestForA = 0;
        double bestForB = 0;
        if (any) {
            // a matched pair adds sim * (la + lb) = 2 * shared: the programme runs on exact integers
            int[] dp = scr.dp((na + 1) * w);
            Arrays.fill(dp, 0, w, 0);
            int[] colBest = scr.cols(nb);
            for (int i = 1; i <= na; i++) {
                int la = oa[i] - oa[i - 1];
                int row = (i - 1) * nb;
                int up = (i - 1) * w;
                int cur = i * w;
                int rowBest = 0;
                int left = 0;
                dp[cur] = 0;
                for (int j = 1; j <= nb; j++) {
                    int best = Math.max(dp[up + j], left);
                    int x = count[row + j - 1];
                    if (x > 0) {
                        rowBest = Math.max(rowBest, x);
                        colBest[j - 1] = Math.max(colBest[j - 1], x);
                        if (sim(x, la + ob[j] - ob[j - 1], minSim) > 0) {
                            best = Math.max(best, dp[up + j - 1] + 2 * x);
                        }
                    }
                    dp[cur + j] = best;
                    left = best;
                }
                bestForA += rowBest;
            }
            for (int j = 0; j < nb; j++) {
                bestForB += colBest[j];
            }
            int i = na;
            int j = nb;
            while (i > 0 && j > 0) {
                int x = count[(i - 1) * nb + j - 1];
                if (sim(x, oa[i] - oa[i - 1] + ob[j] - ob[j - 1], minSim) > 0
                        && dp[i * w + j] == dp[(i - 1) * w + j - 1] + 2 * x) {
                    pairs[2 * np] = i - 1;
                    pairs[2 * np + 1] = j - 1;
                    np++;
                    i--;
                    j--;
                } else if (dp[i * w + j] == dp[(i - 1) * w + j]) {
                    i--;
                } else {
                    j--;
                }
            }
        }
        int[] aligned = new int[np * 2];
        double[] sims = new double[np];
        double covA = 0;
        double covB = 0;
        double sumSim = 0;
        for (int p = 0; p < np; p++) {
            int x = pairs[2 * (np - 1 - p)];
            int y = pairs[2 * (np - 1 - p) + 1];
            aligned[2 * p] = x;
            aligned[2 * p + 1] = y;
            sims[p] = sim(count[x * nb + y], oa[x + 1] - oa[x] + ob[y + 1] - ob[y], minSim);
            covA += oa[x + 1] - oa[x];
            covB += ob[y + 1] - ob[y];
            sumSim += sims[p];
        }
        return new Result(
                totalB == 0 ? 0 : covB / totalB,
                totalA == 0 ? 0 : covA / totalA,
                np == 0 ? 0 : sumSim / np,
                totalB == 0 ? 0 : bestForB / totalB,
                totalA == 0 ? 0 : bestForA / totalA,
                aligned,
                sims);
    }

    /** Dice similarity of two sentences sharing {@code shared} stems of {@code len} in all; 0 below the minimum. */
    private static double sim(int shared, int len, double minSim) {
        if (shared == 0) {
            return 0;
        }
        double d = 2.0 * shared / len;
        return d >= minSim ? d : 0;
    }

    /**
     * Scratch arrays of the alignment, reused between pairs ({@link #ints} and {@link #cols} handed out
     * zeroed); one per {@link Workspace}.
     */
    static final class Scratch {
        private int[] ints = new int[1024];
        private int[] dp = new int[1024];
        private int[] cols = new int[256];
        private int[] aToB = new int[256];

        /** Not zeroed: every cell is written before it is read. */
        int[] aToB(int n) {
            return aToB = atLeast(aToB, n);
        }

        /** Zeroed. */
        int[] cols(int n) {
            cols = atLeast(cols, n);
            Arrays.fill(cols, 0, n, 0);
            return cols;
        }

        /** Zeroed. */
        int[] ints(int n) {
            ints = atLeast(ints, n);
            Arrays.fill(ints, 0, n, 0);
            return ints;
        }

        /** Not zeroed: the caller zeroes row 0 and column 0 and writes every other cell before reading it. */
        int[] dp(int n) {
            return dp = atLeast(dp, n);
        }

        private static int[] atLeast(int[] a, int n) {
            return a.length >= n ? a : new int[Math.max(n, a.length * 2)];
        }
    }
}

package org.rewriteradar.similarity;

import java.util.ArrayList;
import java.util.List;
import org.rewriteradar.text.AnalyzedText;

/**
 * The evidence of an alerting pair: first the candidate's quotations found verbatim in the original, in the
 * candidate's order, then the aligned sentence pairs, most similar first; at most {@code maxPassages}, each
 * text of at most {@code maxPassageChars} characters ({@link #bound}, which every detection's evidence goes
 * through).
 *
 * <p>A quotation of the candidate (a quote span of at least three tokens) is reported when at least half of
 * its 3-grams occur in the original and the occurrences lie within three times the quotation's length of
 * each other; the original passage runs from the first to the last occurrence, its similarity is the share
 * of 3-grams found.
 */
final class EvidenceBuilder {

    private final DetectionSettings.Evidence settings;

    EvidenceBuilder(DetectionSettings.Evidence evidence) {
        if (evidence.maxPassageChars() < 1) {
            throw new IllegalArgumentException(
                    "evidence.max-passage-chars must be at least 1: " + evidence.maxPassageChars());
        }
        this.settings = evidence;
    }

    /** Quote passages, then aligned sentences by similarity, capped. */
    List<MatchedPassage> evidence(
            ArticleFingerprint a,
            AnalyzedText ta,
            QuoteTrigrams trigramsA,
            ArticleFingerprint b,
            AnalyzedText tb,
            PairFeatures f) {
        List<MatchedPassage> out = new ArrayList<>();
        out.addAll(quotePassages(a.text(), ta, trigramsA, b.text(), tb));
        List<MatchedPassage> sentences = new ArrayList<>();
        int[] al = f.alignedPairs();
        int[] spansA = ta.sentenceSpans();
        int[] spansB = tb.sentenceSpans();
        for (int p = 0; p < f.alignedSims().length; p++) {
            int sa = al[2 * p];
            int sb = al[2 * p + 1];
            int as = spansA[2 * sa];
            int ae = spansA[2 * sa + 1];
            int bs = spansB[2 * sb];
            int be = spansB[2 * sb + 1];
            sentences.add(new MatchedPassage(
                    as,
                    ae,
                    bs,
                    be,
                    a.text().substring(as, ae),
                    b.text().substring(bs, be),
                    Signals.round(f.alignedSims()[p]),
                    false));
        }
        sentences.sort((x, y) -> Double.compare(y.similarity(), x.similarity()));
        out.addAll(sentences);
        return bound(out, settings);
    }

    /**
     * The first {@link DetectionSettings.Evidence#maxPassages()} passages, each text cut to {@link
     * DetectionSettings.Evidence#maxPassageChars()} ({@link MatchedPassage#cut(int)}): what a detection carries.
     */
    static List<MatchedPassage> bound(List<MatchedPassage> passages, DetectionSettings.Evidence evidence) {
        int n = Math.min(passages.size(), evidence.maxPassages());
        List<MatchedPassage> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(passages.get(i).cut(evidence.maxPassageChars()));
        }
        return List.copyOf(out);
    }

    /** Quotations of the candidate found verbatim in the original, located in both texts. */
    private static List<MatchedPassage> quotePassages(
            String textA, AnalyzedText a, QuoteTrigrams trigramsA, String textB, AnalyzedText b) {
        int[] qs = b.quoteSpans();
        if (qs == null || qs.length == 0) {
            return List.of();
        }
        List<MatchedPassage> out = new ArrayList<>();
        int t = 0;
        int nb = b.size();
        for (int q = 0; q < qs.length; q += 2) {
            while (t < nb && b.starts()[t] < qs[q]) {
                t++;
            }
            int from = t;
            int to = from;
            while (to < nb && b.ends()[to] <= qs[q + 1]) {
                to++;
            }
            int grams = to - from - 2;
            if (grams <= 0) {
                continue;
            }
            int hit = 0;
            int minA = Integer.MAX_VALUE;
            int maxA = -1;
            for (int i = from; i + 3 <= to; i++) {
                int p = trigramsA.first(Mix.hashRun(b.terms(), i, 3, QuoteTrigrams.QUOTE_SEED));
                if (p >= 0) {
                    hit++;
                    minA = Math.min(minA, p);
                    maxA = Math.max(maxA, p + 2);
                }
            }
            double share = (double) hit / grams;
            if (share >= 0.5 && maxA - minA <= 3 * (to - from)) {
                int as = a.starts()[minA];
                int ae = a.ends()[maxA];
                int bs = qs[q];
                int be = qs[q + 1];
                out.add(new MatchedPassage(
                        as, ae, bs, be, textA.substring(as, ae), textB.substring(bs, be), Signals.round(share), true));
            }
        }
        return out;
    }
}

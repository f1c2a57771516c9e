package org.rewriteradar.similarity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rewriteradar.text.SentenceSplitter;

/**
 * The difference between two versions of one article, at sentence granularity: a longest common
 * subsequence of equal sentences (dynamic programme over the two sentence lists), every run of unmatched
 * sentences between matches one changed passage (original = removed text, candidate = added text). The
 * changed fraction is (removed + added characters) / (both texts' characters); when every sentence matches
 * but the texts differ (paragraphing), it is the difference of the lengths over the total, at least one
 * character's worth. The changed passages are bounded as any evidence ({@link EvidenceBuilder#bound}).
 */
final class RevisionDiff {

    private final double minChangedFraction;
    private final DetectionSettings.Evidence evidence;

    RevisionDiff(DetectionSettings.Revisions revisions, DetectionSettings.Evidence evidence) {
        this.minChangedFraction = revisions.minChangedFraction();
        this.evidence = evidence;
    }

    /**
     * Compares two versions of one article: empty when the normalised texts are identical (or the change
     * is below {@link DetectionSettings.Revisions#minChangedFraction()}), else a {@link RewriteKind#REVISED}
     * detection whose signals give the size of the change and whose evidence lists the changed passages
     * (original = removed text, candidate = added text, at sentence granularity).
     */
    Optional<Detection> compareVersions(ArticleFingerprint previous, ArticleFingerprint next) {
        if (previous.textHash() == next.textHash() && previous.text().equals(next.text())) {
            return Optional.empty();
        }
        int[] spansA = SentenceSplitter.split(previous.text());
        int[] spansB = SentenceSplitter.split(next.text());
        String[] pa = sentenceTexts(previous.text(), spansA);
        String[] pb = sentenceTexts(next.text(), spansB);
        int na = pa.length;
        int nb = pb.length;
        int[][] lcs = new int[na + 1][nb + 1];
        for (int i = na - 1; i >= 0; i--) {
            for (int j = nb - 1; j >= 0; j--) {
                lcs[i][j] = pa[i].equals(pb[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<MatchedPassage> changes = new ArrayList<>();
        long removed = 0;
        long added = 0;
        int changedSentences = 0;
        int i = 0;
        int j = 0;
        while (i < na || j < nb) {
            if (i < na && j < nb && pa[i].equals(pb[j])) {
                i++;
                j++;
                continue;
            }
            int i0 = i;
            int j0 = j;
            while (i < na || j < nb) {
                if (i < na && j < nb && pa[i].equals(pb[j])) {
                    break;
                }
                if (j >= nb || (i < na && lcs[i + 1][j] >= lcs[i][j + 1])) {
                    removed += pa[i].length();
                    i++;
                } else {
                    added += pb[j].length();
                    j++;
                }
                changedSentences++;
            }
            changes.add(passage(previous.text(), spansA, i0, i, next.text(), spansB, j0, j));
        }
        long total = Math.max(1, previous.text().length() + next.text().length());
        double changedFraction = (double) (removed + added) / total;
        if (removed + added == 0) {
            // sentences equal but separators differ (paragraphing): count the character difference
            changedFraction = Math.abs(previous.text().length() - next.text().length()) / (double) total;
            changedFraction = Math.max(changedFraction, 1.0 / total);
        }
        if (changedFraction < minChangedFraction) {
            return Optional.empty();
        }
        Map<String, Double> signals = new LinkedHashMap<>();
        signals.put("changedFraction", Signals.round(changedFraction));
        signals.put("addedChars", (double) added);
        signals.put("removedChars", (double) removed);
        signals.put("changedSentences", (double) changedSentences);
        signals.put("previousTokens", (double) previous.tokens());
        signals.put("nextTokens", (double) next.tokens());
        return Optional.of(new Detection(RewriteKind.REVISED, 1.0, signals, EvidenceBuilder.bound(changes, evidence)));
    }

    private static MatchedPassage passage(String a, int[] sa, int i0, int i1, String b, int[] sb, int j0, int j1) {
        int as = i0 < i1 ? sa[2 * i0] : (i0 < sa.length / 2 ? sa[2 * i0] : a.length());
        int ae = i0 < i1 ? sa[2 * i1 - 1] : as;
        int bs = j0 < j1 ? sb[2 * j0] : (j0 < sb.length / 2 ? sb[2 * j0] : b.length());
        int be = j0 < j1 ? sb[2 * j1 - 1] : bs;
        return new MatchedPassage(as, ae, bs, be, a.substring(as, ae), b.substring(bs, be), 0.0, false);
    }

    private static String[] sentenceTexts(String text, int[] s) {
        String[] out = new String[s.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = text.substring(s[2 * i], s[2 * i + 1]);
        }
        return out;
    }
}

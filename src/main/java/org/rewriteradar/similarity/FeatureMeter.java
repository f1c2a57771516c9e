package org.rewriteradar.similarity;

import org.rewriteradar.text.AnalyzedText;

/**
 * Measures a pair's {@link PairFeatures} from the fingerprints' sorted sets. The candidate {@code b} is
 * usually compared with several originals in a row, so its sets are indexed once into hash tables ({@link
 * ProbeSets}) and the original's items are probed into them: one table read per item.
 *
 * <ul>
 *   <li>content stems: {@code unigram} = the candidate's distinct narrative content stems found in the
 *       original, over the candidate's narrative content stems; the probe also maps the original's content
 *       stems into the candidate's dictionary for the alignment. Then {@link PairGate#rejectsContent}.
 *   <li>stem 5-shingles: with I = shared shingles, {@code c5} = I / min(|A|, |B|) (containment of the
 *       smaller set), {@code j5} = I / (|A| + |B| - I) (Jaccard), {@code containment} = I / |B| (the
 *       candidate's side), {@code narrative5} = the candidate's
 *       narrative shingles found in the original, over the candidate's narrative shingles. Then {@link
 *       PairGate#rejectsShingles}.
 *   <li>{@code skeleton}: the candidate's narrative skeleton n-grams found in the original, over the
 *       candidate's narrative skeleton n-grams.
 *   <li>{@code quoteShared} ({@link QuoteTrigrams#shared}): computed from the analysed texts when they are
 *       given, else when its weight is non-zero, else left 0 (the engine fills it in for alerting pairs).
 *   <li>{@code lengthRatio} = |ln(candidate tokens / original tokens)|.
 *   <li>the alignment features: {@link SentenceAligner}.
 * </ul>
 */
final class FeatureMeter {

    private final PairGate gate;
    private final SentenceAligner aligner;
    private final int alignMinTerms;
    private final boolean quoteWeighted;

    FeatureMeter(DetectionSettings settings) {
        this.gate = new PairGate(settings.gate(), settings.kinds());
        this.aligner = new SentenceAligner(settings.alignment());
        this.alignMinTerms = settings.alignment().minTerms();
        this.quoteWeighted = settings.weights().quoteShared() != 0;
    }

    /**
     * The features of original {@code a} and candidate {@code b}; with {@code gated}, null as soon as the
     * {@link PairGate} rejects the pair. {@code ta} and {@code tb}, the analysed texts, may be null.
     */
    PairFeatures measure(
            ArticleFingerprint a, ArticleFingerprint b, AnalyzedText ta, AnalyzedText tb, boolean gated, Workspace ws) {
        ProbeSets pb = ws.candidateTables.prepare(b, alignMinTerms);
        // content stems: prefilter containment, unigram overlap, and a -> b dictionary mapping
        int[] ca = a.contentTerms();
        int[] cb = b.contentTerms();
        int[] aToB = ws.alignment.aToB(ca.length);
        int shared = 0;
        int sharedNarrB = 0;
        int narrB = pb.narrativeContent;
        for (int i = 0; i < ca.length; i++) {
            long e = pb.content(ca[i] >> 1);
            aToB[i] = ProbeSets.index(e);
            shared += ProbeSets.found(e);
            sharedNarrB += ProbeSets.narrative(e);
        }
        if (gated && gate.rejectsContent(shared, ca.length, cb.length)) {
            return null;
        }
        double unigram = narrB == 0 ? 0 : (double) sharedNarrB / narrB;

        // shingles: c5, j5, narrative5
        int[] sa = a.shingles();
        int[] sb = b.shingles();
        int inter = 0;
        int narrInter = 0;
        int narr = pb.narrativeShingles;
        for (int x : sa) {
            long e = pb.shingle(x >> 1);
            inter += ProbeSets.found(e);
            narrInter += ProbeSets.narrative(e);
        }
        double c5 = sa.length == 0 || sb.length == 0 ? 0 : (double) inter / Math.min(sa.length, sb.length);
        if (gated && gate.rejectsShingles(unigram, c5)) {
            return null;
        }
        double j5 = sa.length + sb.length - inter == 0 ? 0 : (double) inter / (sa.length + sb.length - inter);
        double narrative5 = narr == 0 ? 0 : (double) narrInter / narr;
        double containment = sb.length == 0 ? 0 : (double) inter / sb.length;

        // skeleton: candidate's narrative skeleton n-grams found anywhere in the original
        int[] ka = a.skeleton();
        int skelHit = 0;
        int skelN = pb.narrativeSkeleton;
        for (int x : ka) {
            skelHit += ProbeSets.narrative(pb.skeleton(x >> 1));
        }
        double skeleton = skelN == 0 ? 0 : (double) skelHit / skelN;

        double quoteShared = ta != null && tb != null
                ? QuoteTrigrams.shared(new QuoteTrigrams(ta.terms()), tb)
                : quoteWeighted
                        ? QuoteTrigrams.shared(
                                new QuoteTrigrams(ws.analysis(a.text()).terms()), ws.analysis(b.text()))
                        : 0;
        double lengthRatio = Math.abs(Math.log((double) b.tokens() / a.tokens()));

        SentenceAligner.Result al = aligner.align(a, b, pb, aToB, ws.alignment);
        return new PairFeatures(
                c5,
                j5,
                containment,
                narrative5,
                skeleton,
                al.alignCandidate(),
                al.alignOriginal(),
                al.alignSimilarity(),
                al.sentenceCandidate(),
                al.sentenceOriginal(),
                unigram,
                quoteShared,
                lengthRatio,
                al.pairs(),
                al.sims());
    }
}

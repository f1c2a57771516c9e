package org.rewriteradar.similarity;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import com.dynatrace.hash4j.similarity.ElementHashProvider;
import com.dynatrace.hash4j.similarity.SimilarityHashPolicy;
import com.dynatrace.hash4j.similarity.SimilarityHashing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rewriteradar.text.AnalyzedText;
import org.rewriteradar.text.TextAnalyzer;
import org.rewriteradar.text.TextNormalizer;

/**
 * The detection engine: fingerprints articles, names candidate keys for lookup and scores candidate
 * pairs. Pure Java, thread-safe (immutable state only), no Kafka.
 *
 * <p>Scoring combines measures that synonym spinning and rewording leave intact, computed on the
 * narrative (the text outside quotations), because independent reports of one event share quotes and
 * names but not the narrative's sentence structure: in-order sentence alignment (monotone dynamic
 * programme over sentence pairs whose content stems overlap), skeleton n-grams (function words, numbers
 * and names literal, other words wildcards), 5-shingle containment and content-stem containment. A
 * logistic combination with weights from {@link DetectionSettings} gives the calibrated score.
 */
public final class RewriteEngine {

    private static final Hasher64 TEXT_HASH = Hashing.komihash5_0(0x5252_4144L);
    private static final long SHINGLE_SEED = 0x5348_494e_474cL;
    private static final long SKELETON_SEED = 0x534b_454cL;
    private static final long QUOTE_SEED = 0x5155_4f54L;
    private static final long BAND_SEED = 0x4241_4e44L;
    private static final long SENTENCE_SEED = 0x5345_4e54L;
    private static final int WILDCARD = 0x2a2a2a2a;
    private static final byte NAMEISH = AnalyzedText.FUNCTION | AnalyzedText.NUMBER | AnalyzedText.CAPITALISED;

    private final DetectionSettings settings;
    private final SimilarityHashPolicy minHashPolicy;

    public RewriteEngine(DetectionSettings settings) {
        this.settings = settings;
        this.minHashPolicy = SimilarityHashing.superMinHash(settings.minHashComponents(), 16);
    }

    public RewriteEngine() {
        this(DetectionSettings.defaults());
    }

    public DetectionSettings settings() {
        return settings;
    }

    // ------------------------------------------------------------------ fingerprint

    /** Normalises a raw body (plain text or HTML) and fingerprints it. The title is not part of the text. */
    public ArticleFingerprint fingerprint(String id, String title, String body) {
        String text = TextNormalizer.normalize(body == null ? "" : body);
        long hash = TEXT_HASH.hashCharsToLong(text);
        AnalyzedText at = TextAnalyzer.analyze(text);
        int n = at.size();
        int[] terms = at.terms();
        byte[] flags = at.flags();

        int[] content = new int[n];
        int c = 0;
        for (int i = 0; i < n; i++) {
            if ((flags[i] & AnalyzedText.FUNCTION) == 0) {
                content[c++] = terms[i];
            }
        }
        int[] contentTerms = sortedUnique(content, c);

        long[] sh3 = shingles(terms, 3, SHINGLE_SEED);
        byte[] signature = sh3.length == 0
                ? minHashPolicy.createHasher().compute(ElementHashProvider.ofValues(0L))
                : minHashPolicy.createHasher().compute(ElementHashProvider.ofValues(sh3));

        long[] keys = computeKeys(at, signature);
        return new ArticleFingerprint(
                id,
                text,
                hash,
                n,
                terms,
                flags,
                at.starts(),
                at.ends(),
                at.sentenceStarts(),
                at.sentenceSpans(),
                at.quoteSpans(),
                contentTerms,
                signature,
                keys);
    }

    private long[] computeKeys(AnalyzedText at, byte[] signature) {
        long[] keys = new long[settings.lshBands() + at.sentences() * settings.sentenceKeySeeds()];
        int k = 0;
        if (at.size() >= settings.shingleSize()) {
            for (int b = 0; b < settings.lshBands(); b++) {
                long h = Mix.mix(BAND_SEED, b);
                for (int r = 0; r < settings.lshRows(); r++) {
                    h = Mix.mix(h, minHashPolicy.getComponent(signature, b * settings.lshRows() + r));
                }
                keys[k++] = h;
            }
        }
        int[] terms = at.terms();
        byte[] flags = at.flags();
        int[] ss = at.sentenceStarts();
        for (int s = 0; s < at.sentences(); s++) {
            int distinct = 0;
            for (int seed = 0; seed < settings.sentenceKeySeeds(); seed++) {
                long salt = Mix.mix(SENTENCE_SEED, seed);
                long min1 = Long.MAX_VALUE;
                long min2 = Long.MAX_VALUE;
                distinct = 0;
                for (int i = ss[s]; i < ss[s + 1]; i++) {
                    if ((flags[i] & AnalyzedText.FUNCTION) != 0) {
                        continue;
                    }
                    long h = Mix.mix(salt, terms[i]);
                    if (h == min1 || h == min2) {
                        continue;
                    }
                    distinct++;
                    if (h < min1) {
                        min2 = min1;
                        min1 = h;
                    } else if (h < min2) {
                        min2 = h;
                    }
                }
                if (distinct >= settings.sentenceKeyMinTerms()) {
                    keys[k++] = Mix.mix(min1, min2);
                }
            }
        }
        long[] out = Arrays.copyOf(keys, k);
        Arrays.sort(out);
        int u = 0;
        for (int i = 0; i < out.length; i++) {
            if (u == 0 || out[i] != out[u - 1]) {
                out[u++] = out[i];
            }
        }
        return Arrays.copyOf(out, u);
    }

    /** Lookup keys (LSH bands) under which this article is indexed and searched; stable across JVMs. */
    public long[] candidateKeys(ArticleFingerprint fp) {
        return fp.keys() == null ? new long[0] : fp.keys().clone();
    }

    // ------------------------------------------------------------------ scoring

    /** Scores a candidate against an earlier original; empty when it is not a rewrite. */
    public Optional<Detection> compare(ArticleFingerprint original, ArticleFingerprint candidate) {
        if (original.tokens() == 0 || candidate.tokens() == 0) {
            return Optional.empty();
        }
        if (original.textHash() == candidate.textHash() && original.text().equals(candidate.text())) {
            Map<String, Double> signals = new LinkedHashMap<>();
            signals.put("c5", 1.0);
            signals.put("j5", 1.0);
            signals.put("score", 1.0);
            MatchedPassage whole = new MatchedPassage(
                    0,
                    original.text().length(),
                    0,
                    candidate.text().length(),
                    original.text(),
                    candidate.text(),
                    1.0,
                    false);
            return Optional.of(new Detection(RewriteKind.VERBATIM_COPY, 1.0, signals, List.of(whole)));
        }
        if (containment(candidate.contentTerms(), original.contentTerms()) < settings.prefilterMinContainment()
                && containment(original.contentTerms(), candidate.contentTerms())
                        < settings.prefilterMinContainment()) {
            return Optional.empty();
        }
        PairFeatures f = features(original, candidate);
        double score = score(f);
        boolean forced = f.c5() >= settings.nearDuplicateContainment();
        if (score < settings.alertThreshold() && !forced) {
            return Optional.empty();
        }
        RewriteKind kind = kind(f);
        Map<String, Double> signals = new LinkedHashMap<>();
        double[] v = f.vector();
        for (int i = 0; i < v.length; i++) {
            signals.put(PairFeatures.NAMES[i], round(v[i]));
        }
        signals.put("j5", round(f.j5()));
        signals.put("score", round(score));
        return Optional.of(
                new Detection(kind, Math.max(score, forced ? 0.5 : 0), signals, evidence(original, candidate, f)));
    }

    /** The calibrated score: logistic combination of the pair's features with the settings' weights. */
    public double score(PairFeatures f) {
        DetectionSettings s = settings;
        double z = s.bias()
                + s.wContainment() * f.c5()
                + s.wNarrative() * f.narrative5()
                + s.wSkeleton() * f.skeleton()
                + s.wAlignCandidate() * f.alignCandidate()
                + s.wAlignOriginal() * f.alignOriginal()
                + s.wAlignSimilarity() * f.alignSimilarity()
                + s.wUnigram() * f.unigram()
                + s.wQuote() * f.quoteShared()
                + s.wLength() * f.lengthRatio();
        return 1.0 / (1.0 + Math.exp(-z));
    }

    /** The kind of rewriting the features support (assuming the pair alerts). */
    public RewriteKind kind(PairFeatures f) {
        if (f.c5() >= settings.verbatimJaccard() && f.j5() >= settings.verbatimJaccard()) {
            return RewriteKind.VERBATIM_COPY;
        }
        if (f.c5() >= settings.nearDuplicateContainment()) {
            return RewriteKind.NEAR_DUPLICATE;
        }
        if (f.alignCandidate() >= settings.spunMinAlign()
                && f.alignOriginal() >= settings.spunMinAlign()
                && f.skeleton() >= settings.spunMinSkeleton()) {
            return RewriteKind.SPUN_REWRITE;
        }
        return RewriteKind.PARAPHRASE;
    }

    /** All pair measurements (see {@link PairFeatures}); public for evaluation and weight fitting. */
    public PairFeatures features(ArticleFingerprint a, ArticleFingerprint b) {
        int n = settings.shingleSize();
        long[] sa = shingles(a.terms(), n, SHINGLE_SEED);
        long[] sb = shingles(b.terms(), n, SHINGLE_SEED);
        int inter = intersect(sa, sb);
        double c5 = sa.length == 0 || sb.length == 0 ? 0 : (double) inter / Math.min(sa.length, sb.length);
        double j5 = sa.length + sb.length - inter == 0 ? 0 : (double) inter / (sa.length + sb.length - inter);

        long[] nb = narrativeShingles(b, n);
        double narrative5 = nb.length == 0 ? 0 : (double) intersect(nb, sa) / nb.length;

        long[] ka = skeleton(a, false);
        long[] kb = skeleton(b, true);
        double skeleton = kb.length == 0 ? 0 : (double) intersect(kb, ka) / kb.length;

        int[] nbTerms = narrativeContent(b, 0, b.tokens());
        double unigram = nbTerms.length == 0 ? 0 : (double) intersectInts(nbTerms, a.contentTerms()) / nbTerms.length;

        double quoteShared = quoteShared(a, b);
        double lengthRatio = Math.abs(Math.log((double) b.tokens() / a.tokens()));

        // sentence alignment over narrative content stems
        int na = a.sentences();
        int nbS = b.sentences();
        int[][] as = new int[na][];
        int[][] bs = new int[nbS][];
        double totalA = 0;
        double totalB = 0;
        for (int i = 0; i < na; i++) {
            as[i] = narrativeContent(a, a.sentenceStarts()[i], a.sentenceStarts()[i + 1]);
            if (as[i].length >= settings.alignMinTerms()) {
                totalA += as[i].length;
            }
        }
        for (int j = 0; j < nbS; j++) {
            bs[j] = narrativeContent(b, b.sentenceStarts()[j], b.sentenceStarts()[j + 1]);
            if (bs[j].length >= settings.alignMinTerms()) {
                totalB += bs[j].length;
            }
        }
        double[][] dp = new double[na + 1][nbS + 1];
        double[][] sim = new double[na][nbS];
        for (int i = 0; i < na; i++) {
            if (as[i].length < settings.alignMinTerms()) {
                continue;
            }
            for (int j = 0; j < nbS; j++) {
                if (bs[j].length < settings.alignMinTerms()) {
                    continue;
                }
                int x = intersectInts(as[i], bs[j]);
                if (x > 0) {
                    double d = 2.0 * x / (as[i].length + bs[j].length);
                    if (d >= settings.alignMinSimilarity()) {
                        sim[i][j] = d;
                    }
                }
            }
        }
        for (int i = 1; i <= na; i++) {
            for (int j = 1; j <= nbS; j++) {
                double best = Math.max(dp[i - 1][j], dp[i][j - 1]);
                double s = sim[i - 1][j - 1];
                if (s > 0) {
                    best = Math.max(best, dp[i - 1][j - 1] + s * (as[i - 1].length + bs[j - 1].length));
                }
                dp[i][j] = best;
            }
        }
        List<int[]> pairs = new ArrayList<>();
        int i = na;
        int j = nbS;
        while (i > 0 && j > 0) {
            double s = sim[i - 1][j - 1];
            if (s > 0 && dp[i][j] == dp[i - 1][j - 1] + s * (as[i - 1].length + bs[j - 1].length)) {
                pairs.add(new int[] {i - 1, j - 1});
                i--;
                j--;
            } else if (dp[i][j] == dp[i - 1][j]) {
                i--;
            } else {
                j--;
            }
        }
        int[] aligned = new int[pairs.size() * 2];
        double[] sims = new double[pairs.size()];
        double covA = 0;
        double covB = 0;
        double sumSim = 0;
        for (int p = 0; p < pairs.size(); p++) {
            int[] pr = pairs.get(pairs.size() - 1 - p);
            aligned[2 * p] = pr[0];
            aligned[2 * p + 1] = pr[1];
            sims[p] = sim[pr[0]][pr[1]];
            covA += as[pr[0]].length;
            covB += bs[pr[1]].length;
            sumSim += sims[p];
        }
        return new PairFeatures(
                c5,
                j5,
                narrative5,
                skeleton,
                totalB == 0 ? 0 : covB / totalB,
                totalA == 0 ? 0 : covA / totalA,
                pairs.isEmpty() ? 0 : sumSim / pairs.size(),
                unigram,
                quoteShared,
                lengthRatio,
                aligned,
                sims);
    }

    private List<MatchedPassage> evidence(ArticleFingerprint a, ArticleFingerprint b, PairFeatures f) {
        List<MatchedPassage> out = new ArrayList<>();
        out.addAll(quotePassages(a, b));
        List<MatchedPassage> sentences = new ArrayList<>();
        int[] al = f.alignedPairs();
        for (int p = 0; p < f.alignedSims().length; p++) {
            int sa = al[2 * p];
            int sb = al[2 * p + 1];
            int as = a.sentenceSpans()[2 * sa];
            int ae = a.sentenceSpans()[2 * sa + 1];
            int bs = b.sentenceSpans()[2 * sb];
            int be = b.sentenceSpans()[2 * sb + 1];
            sentences.add(new MatchedPassage(
                    as,
                    ae,
                    bs,
                    be,
                    a.text().substring(as, ae),
                    b.text().substring(bs, be),
                    round(f.alignedSims()[p]),
                    false));
        }
        sentences.sort((x, y) -> Double.compare(y.similarity(), x.similarity()));
        out.addAll(sentences);
        return out.size() > settings.maxEvidence() ? List.copyOf(out.subList(0, settings.maxEvidence())) : out;
    }

    /** Quotations of the candidate found verbatim in the original, located in both texts. */
    private List<MatchedPassage> quotePassages(ArticleFingerprint a, ArticleFingerprint b) {
        int[] qs = b.quoteSpans();
        if (qs == null || qs.length == 0) {
            return List.of();
        }
        Map<Long, Integer> firstPos = new HashMap<>();
        int[] ta = a.terms();
        for (int i = 0; i + 3 <= ta.length; i++) {
            firstPos.putIfAbsent(Mix.hashRun(ta, i, 3, QUOTE_SEED), i);
        }
        List<MatchedPassage> out = new ArrayList<>();
        int t = 0;
        for (int q = 0; q < qs.length; q += 2) {
            while (t < b.tokens() && b.tokenStarts()[t] < qs[q]) {
                t++;
            }
            int from = t;
            int to = from;
            while (to < b.tokens() && b.tokenEnds()[to] <= qs[q + 1]) {
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
                Integer p = firstPos.get(Mix.hashRun(b.terms(), i, 3, QUOTE_SEED));
                if (p != null) {
                    hit++;
                    minA = Math.min(minA, p);
                    maxA = Math.max(maxA, p + 2);
                }
            }
            double share = (double) hit / grams;
            if (share >= 0.5 && maxA - minA <= 3 * (to - from)) {
                int as = a.tokenStarts()[minA];
                int ae = a.tokenEnds()[maxA];
                int bs = qs[q];
                int be = qs[q + 1];
                out.add(new MatchedPassage(
                        as, ae, bs, be, a.text().substring(as, ae), b.text().substring(bs, be), round(share), true));
            }
        }
        return out;
    }

    private static double quoteShared(ArticleFingerprint a, ArticleFingerprint b) {
        int quoted = 0;
        byte[] fb = b.flags();
        for (byte x : fb) {
            if ((x & AnalyzedText.QUOTE) != 0) {
                quoted++;
            }
        }
        if (quoted < 3) {
            return 0;
        }
        long[] qb = new long[quoted];
        int k = 0;
        int[] tb = b.terms();
        for (int i = 0; i + 3 <= tb.length; i++) {
            if ((fb[i] & fb[i + 1] & fb[i + 2] & AnalyzedText.QUOTE) != 0) {
                qb[k++] = Mix.hashRun(tb, i, 3, QUOTE_SEED);
            }
        }
        if (k == 0) {
            return 0;
        }
        long[] sqb = sortedUnique(qb, k);
        long[] sa = shingles(a.terms(), 3, QUOTE_SEED);
        return (double) intersect(sqb, sa) / sqb.length;
    }

    // ------------------------------------------------------------------ revisions

    /**
     * Compares two versions of one article: empty when the normalised texts are identical (or the change
     * is below {@link DetectionSettings#revisionMinChangedFraction()}), else a {@link RewriteKind#REVISED}
     * detection whose signals give the size of the change and whose evidence lists the changed passages
     * (original = removed text, candidate = added text, at sentence granularity).
     */
    public Optional<Detection> compareVersions(ArticleFingerprint previous, ArticleFingerprint next) {
        if (previous.textHash() == next.textHash() && previous.text().equals(next.text())) {
            return Optional.empty();
        }
        String[] pa = sentenceTexts(previous);
        String[] pb = sentenceTexts(next);
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
            changes.add(passage(previous, i0, i, next, j0, j));
        }
        long total = Math.max(1, previous.text().length() + next.text().length());
        double changedFraction = (double) (removed + added) / total;
        if (removed + added == 0) {
            // sentences equal but separators differ (paragraphing): count the character difference
            changedFraction = Math.abs(previous.text().length() - next.text().length()) / (double) total;
            changedFraction = Math.max(changedFraction, 1.0 / total);
        }
        if (changedFraction < settings.revisionMinChangedFraction()) {
            return Optional.empty();
        }
        Map<String, Double> signals = new LinkedHashMap<>();
        signals.put("changedFraction", round(changedFraction));
        signals.put("addedChars", (double) added);
        signals.put("removedChars", (double) removed);
        signals.put("changedSentences", (double) changedSentences);
        signals.put("previousTokens", (double) previous.tokens());
        signals.put("nextTokens", (double) next.tokens());
        List<MatchedPassage> evidence = changes.size() > settings.maxEvidence()
                ? List.copyOf(changes.subList(0, settings.maxEvidence()))
                : changes;
        return Optional.of(new Detection(RewriteKind.REVISED, 1.0, signals, evidence));
    }

    private static MatchedPassage passage(ArticleFingerprint a, int i0, int i1, ArticleFingerprint b, int j0, int j1) {
        int[] sa = a.sentenceSpans();
        int[] sb = b.sentenceSpans();
        int as = i0 < i1
                ? sa[2 * i0]
                : (i0 < sa.length / 2 ? sa[2 * i0] : a.text().length());
        int ae = i0 < i1 ? sa[2 * i1 - 1] : as;
        int bs = j0 < j1
                ? sb[2 * j0]
                : (j0 < sb.length / 2 ? sb[2 * j0] : b.text().length());
        int be = j0 < j1 ? sb[2 * j1 - 1] : bs;
        return new MatchedPassage(
                as, ae, bs, be, a.text().substring(as, ae), b.text().substring(bs, be), 0.0, false);
    }

    private static String[] sentenceTexts(ArticleFingerprint fp) {
        int[] s = fp.sentenceSpans();
        String[] out = new String[s.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = fp.text().substring(s[2 * i], s[2 * i + 1]);
        }
        return out;
    }

    // ------------------------------------------------------------------ helpers

    private long[] narrativeShingles(ArticleFingerprint b, int n) {
        int[] t = b.terms();
        byte[] f = b.flags();
        if (t.length < n) {
            return new long[0];
        }
        long[] out = new long[t.length - n + 1];
        int k = 0;
        int quoteRun = 0; // tokens since last quote token
        for (int i = 0; i < t.length; i++) {
            quoteRun = (f[i] & AnalyzedText.QUOTE) != 0 ? 0 : quoteRun + 1;
            if (i + 1 >= n && quoteRun >= n) {
                out[k++] = Mix.hashRun(t, i + 1 - n, n, SHINGLE_SEED);
            }
        }
        return sortedUnique(out, k);
    }

    private long[] skeleton(ArticleFingerprint fp, boolean narrativeOnly) {
        int g = settings.skeletonSize();
        int[] t = fp.terms();
        byte[] f = fp.flags();
        if (t.length < g) {
            return new long[0];
        }
        int[] sym = new int[t.length];
        for (int i = 0; i < t.length; i++) {
            sym[i] = (f[i] & NAMEISH) != 0 ? t[i] : WILDCARD;
        }
        long[] out = new long[t.length - g + 1];
        int k = 0;
        int wild = 0;
        int quoteRun = 0;
        for (int i = 0; i < t.length; i++) {
            if (sym[i] == WILDCARD) {
                wild++;
            }
            if (i >= g && sym[i - g] == WILDCARD) {
                wild--;
            }
            quoteRun = (f[i] & AnalyzedText.QUOTE) != 0 ? 0 : quoteRun + 1;
            if (i + 1 >= g && wild <= settings.skeletonMaxWildcards() && (!narrativeOnly || quoteRun >= g)) {
                out[k++] = Mix.hashRun(sym, i + 1 - g, g, SKELETON_SEED);
            }
        }
        return sortedUnique(out, k);
    }

    private static int[] narrativeContent(ArticleFingerprint fp, int from, int to) {
        int[] t = fp.terms();
        byte[] f = fp.flags();
        int[] out = new int[to - from];
        int k = 0;
        for (int i = from; i < to; i++) {
            if ((f[i] & (AnalyzedText.FUNCTION | AnalyzedText.QUOTE)) == 0) {
                out[k++] = t[i];
            }
        }
        return sortedUnique(out, k);
    }

    static long[] shingles(int[] terms, int n, long seed) {
        if (terms.length < n) {
            return new long[0];
        }
        long[] out = new long[terms.length - n + 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = Mix.hashRun(terms, i, n, seed);
        }
        return sortedUnique(out, out.length);
    }

    static long[] sortedUnique(long[] a, int n) {
        Arrays.sort(a, 0, n);
        int u = 0;
        for (int i = 0; i < n; i++) {
            if (u == 0 || a[i] != a[u - 1]) {
                a[u++] = a[i];
            }
        }
        return Arrays.copyOf(a, u);
    }

    static int[] sortedUnique(int[] a, int n) {
        Arrays.sort(a, 0, n);
        int u = 0;
        for (int i = 0; i < n; i++) {
            if (u == 0 || a[i] != a[u - 1]) {
                a[u++] = a[i];
            }
        }
        return Arrays.copyOf(a, u);
    }

    static int intersect(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        int c = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                c++;
                i++;
                j++;
            }
        }
        return c;
    }

    static int intersectInts(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        int c = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                c++;
                i++;
                j++;
            }
        }
        return c;
    }

    private static double containment(int[] part, int[] whole) {
        return part == null || part.length == 0 ? 0 : (double) intersectInts(part, whole) / part.length;
    }

    private static double round(double v) {
        return Math.round(v * 10_000.0) / 10_000.0;
    }
}

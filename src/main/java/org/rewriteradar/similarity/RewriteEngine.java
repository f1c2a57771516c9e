package org.rewriteradar.similarity;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import com.dynatrace.hash4j.similarity.ElementHashProvider;
import com.dynatrace.hash4j.similarity.SimilarityHashPolicy;
import com.dynatrace.hash4j.similarity.SimilarityHashing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rewriteradar.text.AnalyzedText;
import org.rewriteradar.text.SentenceSplitter;
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
    private static final long MIXED_WILDCARD = Mix.mix(0x2a2a2a2a);
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
                content[c++] = pack(terms[i], (flags[i] & AnalyzedText.QUOTE) == 0);
            }
        }
        int[] contentTerms = packedSortedUnique(content, c);
        long[] mixed = Mix.premix(terms);
        // word 3-shingle hashes: the SuperMinHash input
        long[] sh3 = Mix.windows(mixed, 3, SHINGLE_SEED);
        int[] shingles = packedShingles(mixed, flags, settings.shingleSize());
        int[] skeleton = packedSkeleton(mixed, flags);

        // per sentence: narrative content stems as indices into contentTerms
        int sentences = at.sentences();
        int[] ss = at.sentenceStarts();
        int[] offsets = new int[sentences + 1];
        int[] sentenceTerms = new int[n];
        int[] scratch = new int[16];
        int dictBits = ProbeSets.dictionaryBits(contentTerms.length);
        long[] dict = ProbeSets.fillEntries(new long[1 << dictBits], contentTerms, dictBits);
        int k = 0;
        for (int s = 0; s < sentences; s++) {
            offsets[s] = k;
            int m = 0;
            for (int i = ss[s]; i < ss[s + 1]; i++) {
                if ((flags[i] & (AnalyzedText.FUNCTION | AnalyzedText.QUOTE)) == 0) {
                    if (m == scratch.length) {
                        scratch = Arrays.copyOf(scratch, m * 2);
                    }
                    scratch[m++] = ProbeSets.index(ProbeSets.entry(dict, dictBits, terms[i] >> 1));
                }
            }
            Arrays.sort(scratch, 0, m);
            for (int x = 0; x < m; x++) {
                if (x == 0 || scratch[x] != scratch[x - 1]) {
                    sentenceTerms[k++] = scratch[x];
                }
            }
        }
        offsets[sentences] = k;

        // SuperMinHash ignores order and repeats, so the 3-shingle hashes go in unsorted
        byte[] signature = sh3.length == 0
                ? minHashPolicy.createHasher().compute(ElementHashProvider.ofValues(0L))
                : minHashPolicy.createHasher().compute(ElementHashProvider.ofValues(sh3));

        long[] keys = computeKeys(at, mixed, signature);
        return new ArticleFingerprint(
                id, text, hash, n, contentTerms, shingles, skeleton, Arrays.copyOf(sentenceTerms, k), offsets, keys);
    }

    /** Packs a 32-bit hash into a packed-set item: upper 31 bits of the hash, bit 0 = narrative. */
    private static int pack(int hash, boolean narrative) {
        return (hash & ~1) | (narrative ? 1 : 0);
    }

    /** Sorts packed items and merges equal hashes (narrative bit OR-ed). */
    static int[] packedSortedUnique(int[] a, int n) {
        RadixSort.sort(a, n);
        int u = 0;
        for (int i = 0; i < n; i++) {
            if (u > 0 && (a[i] >> 1) == (a[u - 1] >> 1)) {
                a[u - 1] |= a[i] & 1;
            } else {
                a[u++] = a[i];
            }
        }
        return Arrays.copyOf(a, u);
    }

    /** Stem n-shingles ({@link Mix#windows}); narrative when all n tokens lie outside quotations. */
    private static int[] packedShingles(long[] t, byte[] f, int n) {
        long[] h = Mix.windows(t, n, SHINGLE_SEED);
        int[] out = new int[h.length];
        int quoteRun = 0; // tokens since last quote token
        for (int i = 0; i < t.length; i++) {
            quoteRun = (f[i] & AnalyzedText.QUOTE) != 0 ? 0 : quoteRun + 1;
            if (i + 1 >= n) {
                out[i + 1 - n] = pack((int) (h[i + 1 - n] >>> 32), quoteRun >= n);
            }
        }
        return packedSortedUnique(out, out.length);
    }

    /** Skeleton n-grams with at most {@code skeletonMaxWildcards} wildcards; narrative as for shingles. */
    private int[] packedSkeleton(long[] mixed, byte[] f) {
        int g = settings.skeletonSize();
        if (mixed.length < g) {
            return new int[0];
        }
        long[] sym = new long[mixed.length];
        for (int i = 0; i < mixed.length; i++) {
            sym[i] = (f[i] & NAMEISH) != 0 ? mixed[i] : MIXED_WILDCARD;
        }
        long[] h = Mix.windows(sym, g, SKELETON_SEED);
        int[] out = new int[mixed.length - g + 1];
        int k = 0;
        int wild = 0;
        int quoteRun = 0;
        for (int i = 0; i < mixed.length; i++) {
            if (sym[i] == MIXED_WILDCARD) {
                wild++;
            }
            if (i >= g && sym[i - g] == MIXED_WILDCARD) {
                wild--;
            }
            quoteRun = (f[i] & AnalyzedText.QUOTE) != 0 ? 0 : quoteRun + 1;
            if (i + 1 >= g && wild <= settings.skeletonMaxWildcards()) {
                out[k++] = pack((int) (h[i + 1 - g] >>> 32), quoteRun >= g);
            }
        }
        return packedSortedUnique(out, k);
    }

    private long[] computeKeys(AnalyzedText at, long[] mixed, byte[] signature) {
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
        // each sentence's content tokens, compacted without a branch, so the seeds' scans have none either
        byte[] flags = at.flags();
        int[] ss = at.sentenceStarts();
        long[] contentMixed = new long[at.size()];
        int[] contentStart = new int[at.sentences() + 1];
        int c = 0;
        for (int s = 0; s < at.sentences(); s++) {
            contentStart[s] = c;
            for (int i = ss[s]; i < ss[s + 1]; i++) {
                contentMixed[c] = mixed[i];
                c += (flags[i] & AnalyzedText.FUNCTION) == 0 ? 1 : 0;
            }
        }
        contentStart[at.sentences()] = c;
        for (int s = 0; s < at.sentences(); s++) {
            for (int seed = 0; seed < settings.sentenceKeySeeds(); seed++) {
                long salt = Mix.mix(SENTENCE_SEED, seed);
                long min1 = Long.MAX_VALUE;
                long min2 = Long.MAX_VALUE;
                int distinct = 0;
                for (int i = contentStart[s]; i < contentStart[s + 1]; i++) {
                    long h = Mix.mixPremixed(salt, contentMixed[i]);
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

    /**
     * Shared keys a candidate needs with a query of these keys before it is scored: {@link
     * DetectionSettings#minSharedKeys()} for queries with at least {@link
     * DetectionSettings#minSharedKeysFrom()} keys, else 1.
     */
    public int minSharedKeys(long[] keys) {
        return keys.length >= settings.minSharedKeysFrom() ? Math.max(1, settings.minSharedKeys()) : 1;
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
        PairFeatures f = measure(original, candidate, null, null, true);
        if (f == null) {
            return Optional.empty();
        }
        double score = score(f);
        boolean forced = f.c5() >= settings.nearDuplicateContainment();
        if (score < settings.alertThreshold() && !forced) {
            return Optional.empty();
        }
        // alerting (rare): recompute token-level detail from the texts for quotes and evidence
        AnalyzedText ta = TextAnalyzer.analyze(original.text());
        AnalyzedText tb = TextAnalyzer.analyze(candidate.text());
        Trigrams trigramsA = new Trigrams(ta.terms());
        if (settings.wQuote() == 0) {
            f = f.withQuoteShared(quoteShared(trigramsA, tb));
        }
        RewriteKind kind = kind(f);
        Map<String, Double> signals = new LinkedHashMap<>();
        double[] v = f.vector();
        for (int i = 0; i < v.length; i++) {
            signals.put(PairFeatures.NAMES[i], round(v[i]));
        }
        signals.put("j5", round(f.j5()));
        signals.put("score", round(score));
        return Optional.of(new Detection(
                kind, Math.max(score, forced ? 0.5 : 0), signals, evidence(original, ta, trigramsA, candidate, tb, f)));
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
                + s.wSentenceCandidate() * f.sentenceCandidate()
                + s.wSentenceOriginal() * f.sentenceOriginal()
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
        return measure(a, b, TextAnalyzer.analyze(a.text()), TextAnalyzer.analyze(b.text()), false);
    }

    /**
     * Computes the pair's features from the fingerprints' sorted sets by merge-joins. With {@code gate},
     * returns null as soon as the pair cannot alert (content-stem prefilter). {@code quoteShared} is
     * computed from the analysed texts when given, else when its weight is non-zero, else left 0.
     */
    private PairFeatures measure(
            ArticleFingerprint a, ArticleFingerprint b, AnalyzedText ta, AnalyzedText tb, boolean gate) {
        // b is the candidate, usually compared with several originals in a row: probe a's items into b's tables
        ProbeSets pb = ProbeSets.of(b, settings.alignMinTerms());
        // content stems: prefilter containment, unigram overlap, and a -> b dictionary mapping
        int[] ca = a.contentTerms();
        int[] cb = b.contentTerms();
        int[] aToB = SCRATCH.get().aToB(ca.length);
        int shared = 0;
        int sharedNarrB = 0;
        int narrB = pb.narrativeContent;
        for (int i = 0; i < ca.length; i++) {
            long e = pb.content(ca[i] >> 1);
            aToB[i] = ProbeSets.index(e);
            shared += ProbeSets.found(e);
            sharedNarrB += ProbeSets.narrative(e);
        }
        double minContainment = settings.prefilterMinContainment();
        if (gate
                && (cb.length == 0 || (double) shared / cb.length < minContainment)
                && (ca.length == 0 || (double) shared / ca.length < minContainment)) {
            return null;
        }
        double unigram = narrB == 0 ? 0 : (double) sharedNarrB / narrB;
        // cheap gate first: below the unigram gate only pairs sharing enough 5-shingles are scored
        boolean belowUnigram = gate && unigram < settings.prefilterMinUnigram();

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
        if (belowUnigram
                && c5 < Math.min(settings.prefilterMinShingleContainment(), settings.nearDuplicateContainment())) {
            return null;
        }
        double j5 = sa.length + sb.length - inter == 0 ? 0 : (double) inter / (sa.length + sb.length - inter);
        double narrative5 = narr == 0 ? 0 : (double) narrInter / narr;

        // skeleton: candidate's narrative skeleton n-grams found anywhere in the original
        int[] ka = a.skeleton();
        int skelHit = 0;
        int skelN = pb.narrativeSkeleton;
        for (int x : ka) {
            skelHit += ProbeSets.narrative(pb.skeleton(x >> 1));
        }
        double skeleton = skelN == 0 ? 0 : (double) skelHit / skelN;

        double quoteShared = ta != null && tb != null
                ? quoteShared(ta, tb)
                : settings.wQuote() != 0
                        ? quoteShared(TextAnalyzer.analyze(a.text()), TextAnalyzer.analyze(b.text()))
                        : 0;
        double lengthRatio = Math.abs(Math.log((double) b.tokens() / a.tokens()));

        return align(a, b, pb, aToB, c5, j5, narrative5, skeleton, unigram, quoteShared, lengthRatio);
    }

    /** In-order sentence alignment over narrative content stems (monotone dynamic programme). */
    private PairFeatures align(
            ArticleFingerprint a,
            ArticleFingerprint b,
            ProbeSets pb,
            int[] aToB,
            double c5,
            double j5,
            double narrative5,
            double skeleton,
            double unigram,
            double quoteShared,
            double lengthRatio) {
        int na = a.sentences();
        int nb = b.sentences();
        int[] oa = a.sentenceOffsets();
        int[] ob = b.sentenceOffsets();
        int[] ta = a.sentenceTerms();
        int minTerms = settings.alignMinTerms();
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
        // shared narrative stems per (a-sentence, b-sentence) through b's postings, in per-thread scratch
        int[] start = pb.postingStart;
        int[] post = pb.postings;
        Scratch scr = SCRATCH.get();
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
        double minSim = settings.alignMinSimilarity();
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
        return new PairFeatures(
                c5,
                j5,
                narrative5,
                skeleton,
                totalB == 0 ? 0 : covB / totalB,
                totalA == 0 ? 0 : covA / totalA,
                np == 0 ? 0 : sumSim / np,
                totalB == 0 ? 0 : bestForB / totalB,
                totalA == 0 ? 0 : bestForA / totalA,
                unigram,
                quoteShared,
                lengthRatio,
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

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Per-thread scratch arrays of the alignment ({@link #ints} and {@link #cols} handed out zeroed). */
    private static final class Scratch {
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

    private List<MatchedPassage> evidence(
            ArticleFingerprint a,
            AnalyzedText ta,
            Trigrams trigramsA,
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
                    round(f.alignedSims()[p]),
                    false));
        }
        sentences.sort((x, y) -> Double.compare(y.similarity(), x.similarity()));
        out.addAll(sentences);
        return out.size() > settings.maxEvidence() ? List.copyOf(out.subList(0, settings.maxEvidence())) : out;
    }

    /** Quotations of the candidate found verbatim in the original, located in both texts. */
    private static List<MatchedPassage> quotePassages(
            String textA, AnalyzedText a, Trigrams trigramsA, String textB, AnalyzedText b) {
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
                int p = trigramsA.first(Mix.hashRun(b.terms(), i, 3, QUOTE_SEED));
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
                        as, ae, bs, be, textA.substring(as, ae), textB.substring(bs, be), round(share), true));
            }
        }
        return out;
    }

    private static double quoteShared(AnalyzedText a, AnalyzedText b) {
        return quoteShared(new Trigrams(a.terms()), b);
    }

    /** Share of the candidate's distinct quoted 3-grams (all three tokens quoted) found anywhere in the original. */
    private static double quoteShared(Trigrams trigramsA, AnalyzedText b) {
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
        int found = 0;
        for (long h : sqb) {
            if (trigramsA.first(h) >= 0) {
                found++;
            }
        }
        return (double) found / sqb.length;
    }

    /**
     * The first position of every 3-gram of a text's terms, by its {@code QUOTE_SEED} hash: an
     * open-addressing table of primitives, built once per alert for the quote measure and the quote evidence.
     */
    static final class Trigrams {
        private final long[] hashes;
        private final int[] first;
        private final int mask;

        Trigrams(int[] terms) {
            int n = Math.max(0, terms.length - 2);
            int size = Integer.highestOneBit(Math.max(8, 2 * n)) << 1;
            hashes = new long[size];
            first = new int[size];
            Arrays.fill(first, -1);
            mask = size - 1;
            for (int i = 0; i < n; i++) {
                long h = Mix.hashRun(terms, i, 3, QUOTE_SEED);
                int slot = (int) h & mask;
                while (first[slot] >= 0 && hashes[slot] != h) {
                    slot = (slot + 1) & mask;
                }
                if (first[slot] < 0) {
                    hashes[slot] = h;
                    first[slot] = i;
                }
            }
        }

        /** Position of the first 3-gram hashing to {@code h}, or -1. */
        int first(long h) {
            int slot = (int) h & mask;
            while (first[slot] >= 0) {
                if (hashes[slot] == h) {
                    return first[slot];
                }
                slot = (slot + 1) & mask;
            }
            return -1;
        }
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

    // ------------------------------------------------------------------ helpers

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

    private static double round(double v) {
        return Math.round(v * 10_000.0) / 10_000.0;
    }
}

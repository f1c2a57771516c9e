package org.rewriteradar.similarity;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import java.util.Arrays;
import org.rewriteradar.text.AnalyzedText;
import org.rewriteradar.text.TextNormalizer;

/**
 * Text → {@link ArticleFingerprint}: normalises the body, analyses it (stems, flags, sentences, quotations)
 * and builds the fingerprint's sorted sets.
 *
 * <ul>
 *   <li>{@code contentTerms}: the stem hashes of the non-function words, packed ({@link PackedHashes}: the
 *       hash's top bits, narrative bit set when any occurrence lies outside quotations).
 *   <li>{@code shingles}: hashes of every window of {@code shingleSize} consecutive stems ({@link
 *       Mix#windows}, a rolling polynomial hash of the premixed stems), packed the same way, narrative when
 *       all its tokens lie outside quotations.
 *   <li>{@code skeleton}: the same over the "skeleton" sequence, where function words, numbers and names
 *       (capitalised words) stay literal and every other stem becomes one wildcard symbol; windows of
 *       {@code skeletonSize} with more than {@code skeletonMaxWildcards} wildcards are dropped. Synonym
 *       substitution changes the content words, which the skeleton does not see.
 *   <li>{@code sentenceTerms}/{@code sentenceOffsets}: per sentence, the sorted distinct indices into {@code
 *       contentTerms} of its narrative content stems (the alignment's input).
 *   <li>{@code keys}: {@link CandidateKeys}.
 * </ul>
 *
 * Every hash is seeded, so fingerprints are stable across JVMs and machines ({@code FingerprintGoldenTest}).
 * Immutable; the per-thread buffers come in a {@link Workspace}.
 */
final class Fingerprinter {

    private static final Hasher64 TEXT_HASH = Hashing.komihash5_0(0x5252_4144L);
    /** Seed of the stem window hashes: the {@code shingleSize} shingles and the MinHash 3-shingles. */
    static final long SHINGLE_SEED = 0x5348_494e_474cL;

    private static final long SKELETON_SEED = 0x534b_454cL;
    private static final long MIXED_WILDCARD = Mix.mix(0x2a2a2a2a);
    private static final byte NAMEISH = AnalyzedText.FUNCTION | AnalyzedText.NUMBER | AnalyzedText.CAPITALISED;

    private final DetectionSettings.Fingerprinting settings;
    private final CandidateKeys keys;

    Fingerprinter(DetectionSettings.Fingerprinting settings, CandidateKeys keys) {
        this.settings = settings;
        this.keys = keys;
    }

    /** Normalises a raw body (plain text or HTML) and fingerprints it. */
    ArticleFingerprint fingerprint(String id, String body, Workspace ws) {
        String text = TextNormalizer.normalize(body == null ? "" : body);
        long hash = TEXT_HASH.hashCharsToLong(text);
        AnalyzedText at = ws.analysis(text);
        int n = at.size();
        int[] terms = at.terms();
        byte[] flags = at.flags();

        int[] content = new int[n];
        int c = 0;
        for (int i = 0; i < n; i++) {
            if ((flags[i] & AnalyzedText.FUNCTION) == 0) {
                content[c++] = PackedHashes.pack(terms[i], (flags[i] & AnalyzedText.QUOTE) == 0);
            }
        }
        int[] contentTerms = SortedSets.packedUnique(content, c, ws.sorter);
        long[] mixed = Mix.premix(terms);
        int[] shingles = packedShingles(mixed, flags, settings.shingleSize(), ws.sorter);
        int[] skeleton = packedSkeleton(mixed, flags, ws.sorter);
        int[] offsets = new int[at.sentences() + 1];
        int[] sentenceTerms = sentenceTerms(at, contentTerms, offsets);
        return new ArticleFingerprint(
                id, text, hash, n, contentTerms, shingles, skeleton, sentenceTerms, offsets, keys.of(at, mixed));
    }

    /**
     * Per sentence, the sorted distinct indices into {@code contentTerms} of its narrative content stems,
     * concatenated; {@code offsets} receives each sentence's start and the total at the end.
     */
    private static int[] sentenceTerms(AnalyzedText at, int[] contentTerms, int[] offsets) {
        int[] terms = at.terms();
        byte[] flags = at.flags();
        int sentences = at.sentences();
        int[] ss = at.sentenceStarts();
        int[] sentenceTerms = new int[at.size()];
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
                    scratch[m++] = ProbeSets.index(ProbeSets.entry(dict, dictBits, PackedHashes.key(terms[i])));
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
        return Arrays.copyOf(sentenceTerms, k);
    }

    /** Stem n-shingles ({@link Mix#windows}); narrative when all n tokens lie outside quotations. */
    private static int[] packedShingles(long[] t, byte[] f, int n, RadixSort sorter) {
        long[] h = Mix.windows(t, n, SHINGLE_SEED);
        int[] out = new int[h.length];
        int quoteRun = 0; // tokens since last quote token
        for (int i = 0; i < t.length; i++) {
            quoteRun = (f[i] & AnalyzedText.QUOTE) != 0 ? 0 : quoteRun + 1;
            if (i + 1 >= n) {
                out[i + 1 - n] = PackedHashes.pack((int) (h[i + 1 - n] >>> 32), quoteRun >= n);
            }
        }
        return SortedSets.packedUnique(out, out.length, sorter);
    }

    /** Skeleton n-grams with at most {@code skeletonMaxWildcards} wildcards; narrative as for shingles. */
    private int[] packedSkeleton(long[] mixed, byte[] f, RadixSort sorter) {
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
                out[k++] = PackedHashes.pack((int) (h[i + 1 - g] >>> 32), quoteRun >= g);
            }
        }
        return SortedSets.packedUnique(out, k, sorter);
    }
}

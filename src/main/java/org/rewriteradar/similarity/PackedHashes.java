package org.rewriteradar.similarity;

import java.util.Arrays;

/**
 * Width of the hashes in a fingerprint's packed sets ({@link ArticleFingerprint#contentTerms()}, {@link
 * ArticleFingerprint#shingles()}, {@link ArticleFingerprint#skeleton()}): each item keeps the top {@value
 * #BITS} bits of its 32-bit hash, packed as {@code hash << 1 | narrative}, so every item lies in {@code [0,
 * 2^(BITS + 1))}.
 *
 * <p>Packed sets are only ever intersected pairwise, so the width only has to keep chance collisions between
 * two articles rare: two sets of {@code m} and {@code n} distinct items share about {@code m·n / 2^BITS} by
 * chance, 0.14 for the 5-shingles of two 380-word articles and 3.8 (0.2% of either set) for two of 2,000
 * words, far below what any score threshold tells apart. Stored, an item takes about {@code BITS − log2(n)
 * + 2} bits (Golomb–Rice coded gaps, {@link FingerprintCodec}) against {@code 31 − log2(n) + 2} for the
 * full-width hashes of format 3 and before: a quarter of a fingerprint.
 */
final class PackedHashes {

    /** Bits of a hash kept. */
    static final int BITS = 20;

    private PackedHashes() {}

    /** Packs the top {@value #BITS} bits of a 32-bit hash with its narrative bit. */
    static int pack(int hash, boolean narrative) {
        return (key(hash) << 1) | (narrative ? 1 : 0);
    }

    /** The top {@value #BITS} bits of a 32-bit hash: {@code pack(hash, n) >> 1}. */
    static int key(int hash) {
        return hash >>> (32 - BITS);
    }

    /**
     * A packed set as the fingerprints of format 3 and before held it (31-bit hashes, packed as {@code hash &
     * ~1 | narrative}), at today's width: each item cut to its top {@value #BITS} hash bits, items that then
     * coincide merged (their narrative bits OR-ed), ascending. Exactly what {@link #pack} gives for the same
     * hashes.
     */
    static int[] narrow(int[] wide) {
        int[] a = new int[wide.length];
        for (int i = 0; i < wide.length; i++) {
            a[i] = narrowItem(wide[i]);
        }
        return SortedSets.packedUnique(a, a.length, new RadixSort());
    }

    /**
     * The content terms and sentence terms of a fingerprint of format 3 and before at today's width: the
     * terms narrowed as by {@link #narrow}, and each sentence's indices moved to the narrowed terms (two terms
     * that now coincide become one index), ascending and distinct within each sentence.
     *
     * @param wide the stored content terms
     * @param sentenceTerms the stored sentence terms, indices into {@code wide}
     * @param offsets the sentence offsets; rewritten in place for the new sentence terms
     * @return the narrowed content terms and the new sentence terms
     * @throws IllegalArgumentException if a sentence term is no index of {@code wide} (no engine writes such)
     */
    static int[][] narrowTerms(int[] wide, int[] sentenceTerms, int[] offsets) {
        int n = wide.length;
        long[] order = new long[n];
        for (int i = 0; i < n; i++) {
            order[i] = ((long) narrowItem(wide[i]) << 32) | i;
        }
        Arrays.sort(order);
        int[] terms = new int[n];
        int[] moved = new int[n];
        int u = 0;
        for (long o : order) {
            int item = (int) (o >>> 32);
            if (u > 0 && item >> 1 == terms[u - 1] >> 1) {
                terms[u - 1] |= item & 1;
            } else {
                terms[u++] = item;
            }
            moved[(int) o] = u - 1;
        }
        int[] sentences = new int[sentenceTerms.length];
        int k = 0;
        int start = 0;
        for (int s = 0; s + 1 < offsets.length; s++) {
            int from = k;
            if (offsets[s + 1] < start || offsets[s + 1] > sentenceTerms.length) {
                throw new IllegalArgumentException("malformed fingerprint: sentence offsets out of order or range");
            }
            for (int j = start; j < offsets[s + 1]; j++) {
                if (sentenceTerms[j] >= n) {
                    throw new IllegalArgumentException("malformed fingerprint: sentence term beyond the content terms");
                }
                if (sentenceTerms[j] < 0) {
                    throw new IllegalArgumentException("malformed fingerprint: negative sentence term");
                }
                sentences[k++] = moved[sentenceTerms[j]];
            }
            Arrays.sort(sentences, from, k);
            int d = from;
            for (int j = from; j < k; j++) {
                if (d == from || sentences[j] != sentences[d - 1]) {
                    sentences[d++] = sentences[j];
                }
            }
            k = d;
            start = offsets[s + 1];
            offsets[s + 1] = k;
        }
        return new int[][] {Arrays.copyOf(terms, u), Arrays.copyOf(sentences, k)};
    }

    /**
     * A fingerprint of format 3 or before with its packed sets at today's width: {@link #narrow} and {@link
     * #narrowTerms}.
     */
    static ArticleFingerprint narrowed(ArticleFingerprint fp) {
        int[] offsets = fp.sentenceOffsets().clone();
        int[][] terms = narrowTerms(fp.contentTerms(), fp.sentenceTerms(), offsets);
        return fp.withSets(terms[0], narrow(fp.shingles()), narrow(fp.skeleton()), terms[1], offsets);
    }

    private static int narrowItem(int wide) {
        return (key(wide) << 1) | (wide & 1);
    }
}

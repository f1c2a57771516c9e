package org.rewriteradar.similarity;

/**
 * Width of the phrase hashes: the items of {@link ArticleFingerprint#shingles()} and {@link
 * ArticleFingerprint#skeleton()} keep the top {@value #BITS} bits of their 32-bit window hash, packed as
 * {@code hash << 1 | narrative}, so every item lies in {@code [0, 2^(BITS + 1))}.
 *
 * <p>Phrase sets are only ever intersected pairwise, so the width only has to keep chance collisions between
 * two articles rare: two sets of {@code m} and {@code n} distinct phrases share about {@code m·n / 2^BITS}
 * items by chance, 0.14 for two 380-word articles and 3.8 (0.2% of either set) for two of 2,000 words, far
 * below what any score threshold tells apart. Stored, such an item takes about {@code BITS − log2(n) + 2}
 * bits (Golomb–Rice coded gaps, {@link FingerprintCodec}) against 31 − log2(n) + 2 for full-width hashes:
 * a third of a 4 KB fingerprint. Content terms keep their 31 bits: they index the sentence terms and feed
 * the candidate keys.
 */
final class PhraseHashes {

    /** Bits of a phrase hash kept. */
    static final int BITS = 20;

    private PhraseHashes() {}

    /** Packs the top {@value #BITS} bits of a 32-bit window hash with its narrative bit. */
    static int pack(int hash, boolean narrative) {
        return ((hash >>> (32 - BITS)) << 1) | (narrative ? 1 : 0);
    }

    /**
     * The same set as the fingerprints of format 3 and before held it (31-bit hashes, packed as {@code hash
     * & ~1 | narrative}), at today's width: each item cut to its top {@value #BITS} hash bits, items that
     * then coincide merged (their narrative bits OR-ed), ascending. Exactly what {@link #pack} gives for the
     * same windows.
     */
    static int[] narrow(int[] wide) {
        int[] a = new int[wide.length];
        for (int i = 0; i < wide.length; i++) {
            a[i] = ((wide[i] >>> (32 - BITS)) << 1) | (wide[i] & 1);
        }
        return SortedSets.packedUnique(a, a.length, new RadixSort());
    }
}

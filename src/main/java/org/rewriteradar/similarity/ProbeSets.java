package org.rewriteradar.similarity;

import java.util.Arrays;

/**
 * Hash tables over one fingerprint's packed sets, for scoring it against several others: a new article is
 * compared with each of its candidates in turn, so its side is indexed once and every candidate's sets
 * are probed into it (one table read per item, in cache) instead of merge-joined (a data-dependent branch
 * per item of both sides). Also holds the fingerprint's narrative counts and the postings of its
 * sentence alignment dictionary.
 *
 * <p>An instance is reusable derived data of one fingerprint at a time, owned by a {@link Workspace}:
 * {@link #prepare} rebuilds it only when given a fingerprint whose sets differ from the ones it was built
 * from (compared by value, so the tables always match the fingerprint given).
 */
final class ProbeSets {

    // the sets the tables were built from (null: none, or a build failed)
    private int[] builtContent;
    private int[] builtShingles;
    private int[] builtSkeleton;
    private int[] builtSentenceTerms;
    private int[] builtSentenceOffsets;
    private int alignMinTerms;
    private long[] content = new long[64];
    private long[] shingles = new long[64];
    private long[] skeleton = new long[64];
    private int contentBits;
    private int shingleBits;
    private int skeletonBits;

    /** Narrative items of the fingerprint's content stems, shingles and skeleton n-grams. */
    int narrativeContent;

    int narrativeShingles;
    int narrativeSkeleton;

    /** Content index → sentences of at least alignMinTerms terms containing it (CSR: start, sentences). */
    int[] postingStart = new int[64];

    int[] postings = new int[64];

    /**
     * These tables for {@code fp}: kept when they were built from equal sets with the same {@code
     * alignMinTerms} (each array compared with {@link Arrays#equals}, immediate for the same array), else
     * rebuilt.
     */
    ProbeSets prepare(ArticleFingerprint fp, int alignMinTerms) {
        if (this.alignMinTerms != alignMinTerms
                || builtContent == null
                || !Arrays.equals(builtContent, fp.contentTerms())
                || !Arrays.equals(builtShingles, fp.shingles())
                || !Arrays.equals(builtSkeleton, fp.skeleton())
                || !Arrays.equals(builtSentenceOffsets, fp.sentenceOffsets())
                || !Arrays.equals(builtSentenceTerms, fp.sentenceTerms())) {
            build(fp, alignMinTerms);
        }
        return this;
    }

    private void build(ArticleFingerprint f, int minTerms) {
        builtContent = null;
        contentBits = bits(f.contentTerms().length);
        content = fillEntries(ensure(content, 1 << contentBits), f.contentTerms(), contentBits);
        shingleBits = bits(f.shingles().length);
        shingles = fillEntries(ensure(shingles, 1 << shingleBits), f.shingles(), shingleBits);
        skeletonBits = bits(f.skeleton().length);
        skeleton = fillEntries(ensure(skeleton, 1 << skeletonBits), f.skeleton(), skeletonBits);
        narrativeContent = narrative(f.contentTerms());
        narrativeShingles = narrative(f.shingles());
        narrativeSkeleton = narrative(f.skeleton());

        int dict = f.contentTerms().length;
        int[] o = f.sentenceOffsets();
        int[] t = f.sentenceTerms();
        int sentences = f.sentences();
        postingStart = ensure(postingStart, dict + 1);
        Arrays.fill(postingStart, 0, dict + 1, 0);
        for (int s = 0; s < sentences; s++) {
            if (o[s + 1] - o[s] >= minTerms) {
                for (int p = o[s]; p < o[s + 1]; p++) {
                    postingStart[t[p] + 1]++;
                }
            }
        }
        for (int d = 0; d < dict; d++) {
            postingStart[d + 1] += postingStart[d];
        }
        postings = ensure(postings, postingStart[dict]);
        int[] next = new int[dict];
        System.arraycopy(postingStart, 0, next, 0, dict);
        for (int s = 0; s < sentences; s++) {
            if (o[s + 1] - o[s] >= minTerms) {
                for (int p = o[s]; p < o[s + 1]; p++) {
                    postings[next[t[p]]++] = s;
                }
            }
        }
        alignMinTerms = minTerms;
        builtShingles = f.shingles();
        builtSkeleton = f.skeleton();
        builtSentenceOffsets = f.sentenceOffsets();
        builtSentenceTerms = f.sentenceTerms();
        builtContent = f.contentTerms();
    }

    /** {@link #entry Entry} of the fingerprint's content stem whose hash is {@code key}. */
    long content(int key) {
        return entry(content, contentBits, key);
    }

    /** {@link #entry Entry} of the fingerprint's shingle whose hash is {@code key}. */
    long shingle(int key) {
        return entry(shingles, shingleBits, key);
    }

    /** {@link #entry Entry} of the fingerprint's skeleton n-gram whose hash is {@code key}. */
    long skeleton(int key) {
        return entry(skeleton, skeletonBits, key);
    }

    /**
     * The entry of the item whose hash is {@code key} in a table made by {@link #fillEntries}: the packed
     * item in the high half and its index + 1 in the low half, or 0 when absent. Read with {@link #found},
     * {@link #narrative(long)} and {@link #index}: one table read per probe, no read of the items.
     */
    static long entry(long[] table, int bits, int key) {
        int mask = (1 << bits) - 1;
        int slot = slot(key, bits);
        long v;
        while ((v = table[slot]) != 0) {
            if ((int) (v >>> 32) >> 1 == key) {
                return v;
            }
            slot = (slot + 1) & mask;
        }
        return 0;
    }

    /** 1 when the entry is an item, 0 when the probe found nothing. */
    static int found(long entry) {
        return (int) ((entry | -entry) >>> 63);
    }

    /** The found item's narrative bit (0 when nothing was found). */
    static int narrative(long entry) {
        return (int) (entry >>> 32) & 1;
    }

    /** The found item's index in its array, or -1 when nothing was found. */
    static int index(long entry) {
        return (int) entry - 1;
    }

    private static int slot(int key, int bits) {
        return (key * 0x9E3779B1) >>> (32 - bits);
    }

    /**
     * Size 2^bits of a probe table of {@code n} items: at most an eighth of its slots filled. Most probes
     * miss, and a miss ends at the first empty slot: the sparser table ends more of them at once, saving
     * mispredicted probe loops (scoring measured 0.84 of the time against a quarter filled).
     */
    static int bits(int n) {
        return Math.max(4, 35 - Integer.numberOfLeadingZeros(Math.max(1, n)));
    }

    /** Size 2^bits of a dictionary table of {@code n} items, built and probed once: a quarter filled. */
    static int dictionaryBits(int n) {
        return Math.max(4, 34 - Integer.numberOfLeadingZeros(Math.max(1, n)));
    }

    private static int[] ensure(int[] a, int n) {
        return a.length >= n ? a : new int[Math.max(n, 2 * a.length)];
    }

    private static long[] ensure(long[] a, int n) {
        return a.length >= n ? a : new long[Math.max(n, 2 * a.length)];
    }

    /** Fills {@code table} (at least 2^bits long) with the {@link #entry entries} of {@code items}; returns it. */
    static long[] fillEntries(long[] table, int[] items, int bits) {
        int size = 1 << bits;
        Arrays.fill(table, 0, size, 0);
        int mask = size - 1;
        for (int i = 0; i < items.length; i++) {
            int slot = slot(items[i] >> 1, bits);
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = ((long) items[i] << 32) | (i + 1);
        }
        return table;
    }

    private static int narrative(int[] items) {
        int n = 0;
        for (int v : items) {
            n += v & 1;
        }
        return n;
    }
}

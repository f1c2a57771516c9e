package org.rewriteradar.similarity;

import java.util.Arrays;
import org.rewriteradar.text.AnalyzedText;

/**
 * The first position of every 3-gram of a text's terms, by its seeded hash: an open-addressing table of
 * primitives, built once per alert from the original for the quote measure ({@link #shared}) and the quote
 * evidence ({@link EvidenceBuilder}). A quotation copied verbatim keeps its 3-grams of stems, where a spun
 * one does not.
 */
final class QuoteTrigrams {

    /** Seed of the 3-gram hashes. */
    static final long QUOTE_SEED = 0x5155_4f54L;

    private final long[] hashes;
    private final int[] first;
    private final int mask;

    QuoteTrigrams(int[] terms) {
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

    /**
     * {@code quoteShared}: the share of the candidate's distinct quoted 3-grams (all three tokens quoted)
     * found anywhere in the original ({@code trigramsA}); 0 when the candidate quotes fewer than three
     * tokens or has no quoted 3-gram.
     */
    static double shared(QuoteTrigrams trigramsA, AnalyzedText b) {
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
        long[] sqb = SortedSets.unique(qb, k);
        int found = 0;
        for (long h : sqb) {
            if (trigramsA.first(h) >= 0) {
                found++;
            }
        }
        return (double) found / sqb.length;
    }
}

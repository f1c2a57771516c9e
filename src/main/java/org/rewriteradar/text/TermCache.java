package org.rewriteradar.text;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Raw token text -> (stem hash, function-word flag). On a miss the token runs through the per-token
 * filter chain (lower-casing, {@link EnglishPossessiveFilter}, function words marked as keywords,
 * {@link PorterStemFilter}); every filter of that chain works on one token alone, so caching by the
 * raw token text gives exactly the chain's output while skipping it for repeated words.
 *
 * <p>Owned by one {@link TextAnalyzer} (one thread at a time); not thread-safe. About 300 lines: one data
 * structure (the main table, its hot copy and the batch of deferred look-ups) sharing one slot layout,
 * documented once at its fields.
 */
final class TermCache {

    /** Distinct raw terms cached before the cache is cleared (bounds memory). */
    private static final int CACHE_LIMIT = 200_000;

    // open addressing, linear probing; per slot four adjacent longs (half a cache line):
    // [4s] = raw-chars hash (high 32) | length + 1 (bits 1..16, 0 = empty) | function-word flag (bit 0)
    // [4s+1] = stem hash (high 32) | offset of the raw chars in pool (low 32)
    // [4s+2], [4s+3] = the first eight raw chars, 16 bits each (0 past the end): a token of up to eight
    // chars, most words, is recognised from its slot alone, without reading the pool
    private long[] slots = new long[4 << 14];
    // direct-mapped by hash bits 16..27, words of up to eight chars: tag, chars 0..3, chars 4..7, term
    private static final int HOT_SLOTS = 1 << 12;
    private final long[] hot = new long[4 * HOT_SLOTS];
    private char[] pool = new char[1 << 16];
    private int poolSize;
    private int size;
    private final OneTerm source = new OneTerm();
    // the sum of resolve's slot reads, kept so that the reads are not optimised away
    private long touched;
    private final TokenStream chain;
    private final CharTermAttribute out;
    private final KeywordAttribute keyword;

    TermCache() {
        allocatePending(64);
        TokenStream ts = new LowerCaseFilter(source);
        ts = new EnglishPossessiveFilter(ts);
        ts = new SetKeywordMarkerFilter(ts, FunctionWords.SET);
        chain = new PorterStemFilter(ts);
        out = chain.getAttribute(CharTermAttribute.class);
        keyword = chain.addAttribute(KeywordAttribute.class);
    }

    /** Stem hash of a term from {@link #hot} or {@link #resolve}. */
    static int stem(long term) {
        return (int) (term >>> 32);
    }

    /** True when a term from {@link #hot} or {@link #resolve} is a function word. */
    static boolean function(long term) {
        return (term & 1) != 0;
    }

    /** Deferred tokens a thread keeps room for between texts (a text deferring more gets it back after). */
    private static final int PENDING_KEPT = 1 << 14;

    /** What {@link #hot} answers for a token it defers to {@link #resolve} (no term has low bits all set). */
    static final long DEFERRED = -1L;

    // tokens not in the hot table, looked up together by resolve: token index, tag, first eight chars,
    // and all chars (pendingChars from pendingStart[p] to pendingStart[p + 1]); then their terms
    private int pending;
    private int[] pendingToken;
    private long[] pendingTag;
    private long[] pendingC0;
    private long[] pendingC1;
    private int[] pendingStart;
    private char[] pendingChars;
    private long[] pendingTerm;

    /**
     * The term of token {@code token} ({@code buf[from..from + len)}) when the hot table has it: its stem hash (high
     * 32 bits, {@link #stem}) and function-word flag (bit 0, {@link #function}). Otherwise {@link #DEFERRED}:
     * the token is noted, and {@link #resolve} later looks up all noted tokens of the text in one go, so
     * their reads of the large table, mostly cache misses, overlap instead of stalling one by one. Tokens
     * are at most 255 chars (the tokenizer's maximum token length), well within the 16 length bits. The
     * hot table is a small direct-mapped copy, for words of up to eight chars, that stays in the core's
     * cache where the whole vocabulary does not.
     */
    long hot(char[] buf, int from, int len, int token) {
        int h = 0;
        long c0 = 0;
        long c1 = 0;
        int end = from + len;
        int head = Math.min(len, 4);
        int i = from;
        for (int k = 0; k < head; k++, i++) {
            char c = buf[i];
            h = 31 * h + c;
            c0 |= (long) c << (16 * k);
        }
        int mid = Math.min(len, 8) - head;
        for (int k = 0; k < mid; k++, i++) {
            char c = buf[i];
            h = 31 * h + c;
            c1 |= (long) c << (16 * k);
        }
        for (; i < end; i++) {
            h = 31 * h + buf[i];
        }
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        long tag = ((long) h << 32) | ((long) (len + 1) << 1);
        int hb = hotSlot(tag);
        if (len <= 8 && hot[hb] == tag && hot[hb + 1] == c0 && hot[hb + 2] == c1) {
            return hot[hb + 3];
        }
        int p = pending++;
        if (p == pendingToken.length) {
            int c = 2 * p;
            pendingToken = Arrays.copyOf(pendingToken, c);
            pendingTag = Arrays.copyOf(pendingTag, c);
            pendingC0 = Arrays.copyOf(pendingC0, c);
            pendingC1 = Arrays.copyOf(pendingC1, c);
            pendingStart = Arrays.copyOf(pendingStart, c + 1);
            pendingTerm = Arrays.copyOf(pendingTerm, c);
        }
        int at = pendingStart[p];
        if (at + len > pendingChars.length) {
            pendingChars = Arrays.copyOf(pendingChars, Math.max(2 * pendingChars.length, at + len));
        }
        System.arraycopy(buf, from, pendingChars, at, len);
        pendingStart[p + 1] = at + len;
        pendingToken[p] = token;
        pendingTag[p] = tag;
        pendingC0[p] = c0;
        pendingC1[p] = c1;
        return DEFERRED;
    }

    /**
     * Starts a text: forgets tokens deferred by a text whose analysis failed before its {@link #resolve},
     * and lets go of the room a very long text needed.
     */
    void begin() {
        pending = 0;
        if (pendingToken.length > PENDING_KEPT) {
            allocatePending(64);
        }
    }

    private void allocatePending(int capacity) {
        pendingToken = new int[capacity];
        pendingTag = new long[capacity];
        pendingC0 = new long[capacity];
        pendingC1 = new long[capacity];
        pendingStart = new int[capacity + 1];
        pendingChars = new char[8 * capacity];
        pendingTerm = new long[capacity];
    }

    /**
     * Looks up every token {@link #hot} deferred since the last call; returns how many. Their token indices
     * and terms are then read with {@link #pendingToken(int)} and {@link #pendingTerm(int)}.
     */
    int resolve() throws IOException {
        int n = pending;
        pending = 0;
        // first one read of each token's home slot: independent loads, whose cache misses overlap
        int mask = (slots.length >> 2) - 1;
        long touched = 0;
        for (int p = 0; p < n; p++) {
            touched += slots[4 * ((int) (pendingTag[p] >>> 32) & mask)];
        }
        this.touched = touched;
        for (int p = 0; p < n; p++) {
            int from = pendingStart[p];
            int len = pendingStart[p + 1] - from;
            long tag = pendingTag[p];
            long c0 = pendingC0[p];
            long c1 = pendingC1[p];
            int slot = find(pendingChars, from, len, tag, c0, c1);
            long term = (slots[4 * slot + 1] & ~0xffff_ffffL) | (slots[4 * slot] & 1);
            if (len <= 8) {
                int hb = hotSlot(tag);
                hot[hb] = tag;
                hot[hb + 1] = c0;
                hot[hb + 2] = c1;
                hot[hb + 3] = term;
            }
            pendingTerm[p] = term;
        }
        return n;
    }

    int pendingToken(int p) {
        return pendingToken[p];
    }

    long pendingTerm(int p) {
        return pendingTerm[p];
    }

    /** Index of the tag's entry in {@link #hot} (hash bits 16..27). */
    private static int hotSlot(long tag) {
        return 4 * (((int) (tag >>> 32) >>> 16) & (HOT_SLOTS - 1));
    }

    /**
     * Slot of the term {@code buf[from..from + len)} in {@link #slots}, running the filter chain and adding
     * it when it is new.
     */
    private int find(char[] buf, int from, int len, long tag, long c0, long c1) throws IOException {
        int h = (int) (tag >>> 32);
        int mask = (slots.length >> 2) - 1;
        int slot = h & mask;
        long head;
        while ((head = slots[4 * slot]) != 0) {
            if ((head & ~1L) == tag
                    && slots[4 * slot + 2] == c0
                    && slots[4 * slot + 3] == c1
                    && (len <= 8 || restEquals((int) slots[4 * slot + 1], buf, from, len))) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        source.set(buf, from, len);
        chain.reset();
        if (!chain.incrementToken()) {
            throw new IllegalStateException("filter chain dropped a token");
        }
        int stem = TextAnalyzer.termHash(out);
        long fn = keyword.isKeyword() ? 1 : 0;
        if ((size + 1) * 2 > (slots.length >> 2)) {
            if (size >= CACHE_LIMIT) {
                Arrays.fill(slots, 0);
                poolSize = 0;
                size = 0;
            } else {
                grow();
            }
            mask = (slots.length >> 2) - 1;
            slot = h & mask;
            while (slots[4 * slot] != 0) {
                slot = (slot + 1) & mask;
            }
        }
        if (poolSize + len > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + len));
        }
        System.arraycopy(buf, from, pool, poolSize, len);
        slots[4 * slot] = tag | fn;
        slots[4 * slot + 1] = ((long) stem << 32) | poolSize;
        slots[4 * slot + 2] = c0;
        slots[4 * slot + 3] = c1;
        poolSize += len;
        size++;
        return slot;
    }

    /** Chars 9.. of a token whose first eight already matched, against the pool copy at {@code off}. */
    private boolean restEquals(int off, char[] buf, int from, int len) {
        return Arrays.equals(pool, off + 8, off + len, buf, from + 8, from + len);
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = (slots.length >> 2) - 1;
        for (int s = 0; s < old.length; s += 4) {
            if (old[s] != 0) {
                int slot = (int) (old[s] >>> 32) & mask;
                while (slots[4 * slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                System.arraycopy(old, s, slots, 4 * slot, 4);
            }
        }
    }

    /** A token stream of one given term. */
    private static final class OneTerm extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private char[] buf = new char[0];
        private int from;
        private int len;
        private boolean done;

        void set(char[] b, int offset, int n) {
            buf = b;
            from = offset;
            len = n;
        }

        @Override
        public void reset() {
            done = false;
        }

        @Override
        public boolean incrementToken() {
            if (done) {
                return false;
            }
            clearAttributes();
            term.copyBuffer(buf, from, len);
            done = true;
            return true;
        }
    }
}

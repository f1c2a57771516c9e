package org.rewriteradar.text;

import com.dynatrace.hash4j.hashing.Hasher32;
import com.dynatrace.hash4j.hashing.Hashing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Tokenises and stems normalised text with Lucene: {@link StandardTokenizer} (Unicode word breaks; for
 * text of ASCII and a few symbols its exact equivalent {@link WordScanner}, about three times faster),
 * lower-casing, {@link EnglishPossessiveFilter}, function words marked as keywords (not stemmed, flagged)
 * and {@link PorterStemFilter}, the per-token filters cached per thread by raw token text (news repeats its
 * words, so most tokens skip stemming). Adds sentence boundaries ({@link SentenceSplitter}) and quotation
 * flags ({@link QuoteExtractor}). Thread-safe: the Lucene analyzer reuses components per thread.
 */
public final class TextAnalyzer {

    private static final Hasher32 TERM_HASH = Hashing.murmur3_32(0x5eed_7e27);

    /** Word tokens only; each token's term is then looked up in the per-thread {@link TermCache}. */
    private static final Analyzer TOKENIZER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source);
        }
    };

    /** Distinct raw terms cached per thread before the cache is cleared (bounds memory). */
    private static final int CACHE_LIMIT = 200_000;

    private static final ThreadLocal<TermCache> CACHE = ThreadLocal.withInitial(TermCache::new);

    /**
     * Raw token text -> (stem hash, function-word flag). On a miss the token runs through the per-token
     * filter chain (lower-casing, {@link EnglishPossessiveFilter}, function words marked as keywords,
     * {@link PorterStemFilter}); every filter of that chain works on one token alone, so caching by the
     * raw token text gives exactly the chain's output while skipping it for repeated words.
     */
    private static final class TermCache {
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
            int stem = TERM_HASH.hashCharsToInt(out);
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

    private static final String NUM = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.NUM];

    private TextAnalyzer() {}

    /** Stable 32-bit hash of a term, as used in {@link AnalyzedText#terms()}. */
    public static int termHash(CharSequence term) {
        return TERM_HASH.hashCharsToInt(term);
    }

    /** The two most recent analyses of this thread, by text identity (see {@link #analyze}). */
    private static final class Recent {
        final String[] texts = new String[2];
        final AnalyzedText[] analyses = new AnalyzedText[2];
    }

    private static final ThreadLocal<Recent> RECENT = ThreadLocal.withInitial(Recent::new);

    /**
     * Tokens, stems, flags, sentences and quotations of a normalised text. The same {@code String}
     * instance analysed again soon on one thread (a new article fingerprinted, then compared with its
     * candidates and explained) is analysed once, so callers only read the result's arrays.
     */
    public static AnalyzedText analyze(String text) {
        Recent r = RECENT.get();
        for (int i = 0; i < 2; i++) {
            if (r.texts[i] == text && text != null) {
                return r.analyses[i];
            }
        }
        AnalyzedText at = analyzeFresh(text);
        r.texts[1] = r.texts[0];
        r.analyses[1] = r.analyses[0];
        r.texts[0] = text;
        r.analyses[0] = at;
        return at;
    }

    /** A token's flags from its term, its {@code NUMBER} flag and its first char. */
    private static byte flags(long term, byte number, char first) {
        byte f = number;
        if (TermCache.function(term)) {
            f |= AnalyzedText.FUNCTION;
        }
        if (f == 0 && Character.isUpperCase(first)) {
            f |= AnalyzedText.CAPITALISED;
        }
        return f;
    }

    /** Per-thread buffers of the {@link WordScanner} fast path. */
    private static final class ScanBuffers {
        char[] chars = new char[8192];
        final WordScanner.Tokens tokens = new WordScanner.Tokens();

        /** The text's chars in {@link #chars} (grown as needed; a very long text's room is let go after). */
        char[] chars(String text) {
            int n = text.length();
            if (n > chars.length || chars.length > CHARS_KEPT && n <= CHARS_KEPT) {
                chars = new char[Math.max(n, 8192)];
            }
            text.getChars(0, n, chars, 0);
            return chars;
        }

        private static final int CHARS_KEPT = 1 << 20;
    }

    private static final ThreadLocal<ScanBuffers> SCAN = ThreadLocal.withInitial(ScanBuffers::new);

    /** StandardTokenizer's tokens of the text into {@code out}, as {@link WordScanner#scan} gives them. */
    private static WordScanner.Tokens luceneTokens(String text, WordScanner.Tokens out) {
        out.clear();
        try (TokenStream ts = TOKENIZER.tokenStream("body", text)) {
            OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(
                        off.startOffset(),
                        off.endOffset(),
                        type.type() == NUM || type.type().equals(NUM));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static AnalyzedText analyzeFresh(String text) {
        ScanBuffers b = SCAN.get();
        char[] chars = b.chars(text);
        WordScanner.Tokens tokens = WordScanner.covers(text) ? WordScanner.scan(chars, text.length(), b.tokens) : null;
        if (tokens == null) {
            tokens = luceneTokens(text, b.tokens);
        }
        // each token's term from the cache, by the token's chars in the text (StandardTokenizer's terms are
        // those chars: it does not change them)
        int n = tokens.count;
        int[] terms = new int[n];
        byte[] flags = new byte[n];
        int[] starts = new int[n];
        int[] ends = new int[n];
        int[] spans = tokens.spans;
        TermCache cache = CACHE.get();
        cache.begin();
        for (int k = 0; k < n; k++) {
            int start = spans[2 * k] & ~WordScanner.NUMBER_BIT;
            int end = spans[2 * k + 1];
            starts[k] = start;
            ends[k] = end;
            byte f = spans[2 * k] < 0 ? AnalyzedText.NUMBER : 0;
            long info = cache.hot(chars, start, end - start, k);
            if (info != TermCache.DEFERRED) {
                terms[k] = TermCache.stem(info);
                f = flags(info, f, chars[start]);
            }
            flags[k] = f;
        }
        int deferred;
        try {
            deferred = cache.resolve();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int p = 0; p < deferred; p++) {
            int i = cache.pendingToken(p);
            long info = cache.pendingTerm(p);
            terms[i] = TermCache.stem(info);
            flags[i] = flags(info, flags[i], chars[starts[i]]);
        }

        int[] sentenceSpans = SentenceSplitter.split(text);
        int sentences = sentenceSpans.length / 2;
        int[] sentenceStarts = new int[sentences + 1];
        int t = 0;
        for (int s = 0; s < sentences; s++) {
            while (t < n && ends[t] <= sentenceSpans[2 * s]) {
                t++;
            }
            sentenceStarts[s] = t;
            // a sentence-initial capital is not evidence of a name
            if (t < n && starts[t] >= sentenceSpans[2 * s] && starts[t] < sentenceSpans[2 * s + 1]) {
                flags[t] &= ~AnalyzedText.CAPITALISED;
            }
        }
        sentenceStarts[sentences] = n;
        // sentence starts must be monotone and cover tokens in order
        for (int s = sentences - 1; s >= 0; s--) {
            sentenceStarts[s] = Math.min(sentenceStarts[s], sentenceStarts[s + 1]);
        }

        int[] quoteSpans = QuoteExtractor.extract(text);
        int q = 0;
        for (int i = 0; i < n && q < quoteSpans.length; i++) {
            while (q < quoteSpans.length && quoteSpans[q + 1] <= starts[i]) {
                q += 2;
            }
            if (q < quoteSpans.length && starts[i] >= quoteSpans[q] && ends[i] <= quoteSpans[q + 1]) {
                flags[i] |= AnalyzedText.QUOTE;
            }
        }
        return new AnalyzedText(terms, flags, starts, ends, sentenceStarts, sentenceSpans, quoteSpans);
    }
}

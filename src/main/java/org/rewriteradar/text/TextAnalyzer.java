package org.rewriteradar.text;

import com.dynatrace.hash4j.hashing.Hasher32;
import com.dynatrace.hash4j.hashing.Hashing;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Tokenises and stems normalised text with Lucene: {@link StandardTokenizer} (Unicode word breaks; for
 * text of ASCII and a few symbols its exact equivalent {@link WordScanner}, about three times faster),
 * lower-casing, {@link EnglishPossessiveFilter}, function words marked as keywords (not stemmed, flagged)
 * and {@link PorterStemFilter}, the per-token filters cached by raw token text in this analyser's {@link
 * TermCache} (news repeats its words, so most tokens skip stemming). Adds sentence boundaries ({@link
 * SentenceSplitter}) and quotation flags ({@link QuoteExtractor}).
 *
 * <p>An instance owns its caches and buffers (the term cache, the text's chars, the token spans, a Lucene
 * tokenizer) and is not thread-safe: keep one per thread and reuse it, since its term cache is what makes
 * analysis fast (the engine keeps one in each thread's workspace). The results do not depend on what an
 * instance analysed before.
 */
public final class TextAnalyzer {

    private static final Hasher32 TERM_HASH = Hashing.murmur3_32(0x5eed_7e27);

    private static final String NUM = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.NUM];

    /** Chars kept between texts; a longer text's room is let go after it. */
    private static final int CHARS_KEPT = 1 << 20;

    private final TermCache cache = new TermCache();
    private final WordScanner.Tokens tokens = new WordScanner.Tokens();
    private char[] chars = new char[8192];
    /** Word tokens of texts {@link WordScanner} does not cover; made on first use. */
    private StandardTokenizer tokenizer;

    private OffsetAttribute offset;
    private TypeAttribute type;

    /** Stable 32-bit hash of a term, as used in {@link AnalyzedText#terms()}. */
    public static int termHash(CharSequence term) {
        return TERM_HASH.hashCharsToInt(term);
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

    /** The text's chars in {@link #chars} (grown as needed; a very long text's room is let go after). */
    private char[] chars(String text) {
        int n = text.length();
        if (n > chars.length || chars.length > CHARS_KEPT && n <= CHARS_KEPT) {
            chars = new char[Math.max(n, 8192)];
        }
        text.getChars(0, n, chars, 0);
        return chars;
    }

    /** StandardTokenizer's tokens of the text into {@code out}, as {@link WordScanner#scan} gives them. */
    private WordScanner.Tokens luceneTokens(String text, WordScanner.Tokens out) {
        out.clear();
        if (tokenizer == null) {
            tokenizer = new StandardTokenizer();
            offset = tokenizer.addAttribute(OffsetAttribute.class);
            type = tokenizer.addAttribute(TypeAttribute.class);
        }
        tokenizer.setReader(new StringReader(text));
        try {
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                out.add(
                        offset.startOffset(),
                        offset.endOffset(),
                        type.type() == NUM || type.type().equals(NUM));
            }
            tokenizer.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                tokenizer.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** Tokens, stems, flags, sentences and quotations of a normalised text. */
    public AnalyzedText analyze(String text) {
        char[] chars = chars(text);
        WordScanner.Tokens tokens =
                WordScanner.covers(text) ? WordScanner.scan(chars, text.length(), this.tokens) : null;
        if (tokens == null) {
            tokens = luceneTokens(text, this.tokens);
        }
        // each token's term from the cache, by the token's chars in the text (StandardTokenizer's terms are
        // those chars: it does not change them)
        int n = tokens.count;
        int[] terms = new int[n];
        byte[] flags = new byte[n];
        int[] starts = new int[n];
        int[] ends = new int[n];
        int[] spans = tokens.spans;
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
        int[] sentenceStarts = sentenceStarts(sentenceSpans, starts, ends, flags);
        int[] quoteSpans = QuoteExtractor.extract(text);
        markQuotes(quoteSpans, starts, ends, flags);
        return new AnalyzedText(terms, flags, starts, ends, sentenceStarts, sentenceSpans, quoteSpans);
    }

    /**
     * Index of each sentence's first token (plus the token count at the end): the first token ending after
     * the sentence's start, made monotone. Clears {@code CAPITALISED} of a sentence's first token: a
     * sentence-initial capital is not evidence of a name.
     */
    private static int[] sentenceStarts(int[] sentenceSpans, int[] starts, int[] ends, byte[] flags) {
        int n = starts.length;
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
        return sentenceStarts;
    }

    /** Sets {@code QUOTE} on every token lying wholly inside a quotation span (both sorted by offset). */
    private static void markQuotes(int[] quoteSpans, int[] starts, int[] ends, byte[] flags) {
        int n = starts.length;
        int q = 0;
        for (int i = 0; i < n && q < quoteSpans.length; i++) {
            while (q < quoteSpans.length && quoteSpans[q + 1] <= starts[i]) {
                q += 2;
            }
            if (q < quoteSpans.length && starts[i] >= quoteSpans[q] && ends[i] <= quoteSpans[q + 1]) {
                flags[i] |= AnalyzedText.QUOTE;
            }
        }
    }
}

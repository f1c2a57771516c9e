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
 * Tokenises and stems normalised text with Lucene: {@link StandardTokenizer} (Unicode word breaks),
 * lower-casing, {@link EnglishPossessiveFilter}, function words marked as keywords (not stemmed, flagged)
 * and {@link PorterStemFilter}. Adds sentence boundaries ({@link SentenceSplitter}) and quotation flags
 * ({@link QuoteExtractor}). Thread-safe: the Lucene analyzer reuses components per thread.
 */
public final class TextAnalyzer {

    private static final Hasher32 TERM_HASH = Hashing.murmur3_32(0x5eed_7e27);

    private static final Analyzer ANALYZER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream ts = new LowerCaseFilter(source);
            ts = new EnglishPossessiveFilter(ts);
            ts = new SetKeywordMarkerFilter(ts, FunctionWords.SET);
            ts = new PorterStemFilter(ts);
            return new TokenStreamComponents(source, ts);
        }
    };

    private TextAnalyzer() {}

    /** Stable 32-bit hash of a term, as used in {@link AnalyzedText#terms()}. */
    public static int termHash(CharSequence term) {
        return TERM_HASH.hashCharsToInt(term);
    }

    public static AnalyzedText analyze(String text) {
        int cap = Math.max(16, text.length() / 5);
        int[] terms = new int[cap];
        byte[] flags = new byte[cap];
        int[] starts = new int[cap];
        int[] ends = new int[cap];
        int n = 0;
        try (TokenStream ts = ANALYZER.tokenStream("body", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
            KeywordAttribute kw = ts.addAttribute(KeywordAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (n == terms.length) {
                    int c = n * 2;
                    terms = Arrays.copyOf(terms, c);
                    flags = Arrays.copyOf(flags, c);
                    starts = Arrays.copyOf(starts, c);
                    ends = Arrays.copyOf(ends, c);
                }
                terms[n] = TERM_HASH.hashCharsToInt(term);
                byte f = 0;
                if (kw.isKeyword()) {
                    f |= AnalyzedText.FUNCTION;
                }
                if (type.type().equals("<NUM>")) {
                    f |= AnalyzedText.NUMBER;
                }
                starts[n] = off.startOffset();
                ends[n] = off.endOffset();
                if (f == 0 && Character.isUpperCase(text.charAt(starts[n]))) {
                    f |= AnalyzedText.CAPITALISED;
                }
                flags[n] = f;
                n++;
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        terms = Arrays.copyOf(terms, n);
        flags = Arrays.copyOf(flags, n);
        starts = Arrays.copyOf(starts, n);
        ends = Arrays.copyOf(ends, n);

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

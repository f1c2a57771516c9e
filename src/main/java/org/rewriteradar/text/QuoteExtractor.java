package org.rewriteradar.text;

import java.util.Arrays;

/**
 * Finds quotations in normalised text (where curly quotes are already folded to ASCII): text between
 * double quotes {@code "…"}, and between single quotes {@code '…'} when they open after a space and close
 * before a non-letter (British style), ignoring apostrophes. A double quote left open at the end of a
 * paragraph closes there (the wire convention for quotes running over several paragraphs). Quotes shorter
 * than {@link #MIN_QUOTE_WORDS} words are ignored. Linear scan, no regex.
 */
public final class QuoteExtractor {

    /** Minimum number of words for a quotation to count. */
    public static final int MIN_QUOTE_WORDS = 3;

    private QuoteExtractor() {}

    /** Quote spans (inside the quote marks): {@code result[2k]} start, {@code result[2k+1]} end (exclusive). */
    public static int[] extract(String text) {
        int[] out = new int[8];
        int count = 0;
        int n = text.length();
        int i = 0;
        // the next double and single quote marks at or after i (vectorised searches, not a loop per char)
        int dq = -1;
        int sq = -1;
        while (i < n) {
            dq = TextScan.nextIndexOf(text, '"', dq, i);
            sq = TextScan.nextIndexOf(text, '\'', sq, i);
            i = Math.min(dq, sq);
            if (i == n) {
                break;
            }
            char c = text.charAt(i);
            int close = -1;
            if (c == '"') {
                close = findClose(text, i + 1, '"');
            } else if ((i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))
                    && i + 1 < n
                    && Character.isLetter(text.charAt(i + 1))) {
                close = findSingleClose(text, i + 1);
            }
            if (close > 0) {
                if (TextScan.countWords(text, i + 1, close, MIN_QUOTE_WORDS) >= MIN_QUOTE_WORDS) {
                    if (count + 2 > out.length) {
                        out = Arrays.copyOf(out, out.length * 2);
                    }
                    out[count++] = i + 1;
                    out[count++] = close;
                }
                i = close + 1;
            } else {
                i++;
            }
        }
        return Arrays.copyOf(out, count);
    }

    private static int findClose(String text, int from, char q) {
        int close = text.indexOf(q, from);
        int paragraph = text.indexOf('\n', from);
        if (paragraph >= 0 && (close < 0 || paragraph < close)) {
            return paragraph; // open quote runs to the end of its paragraph
        }
        return close >= 0 ? close : text.length();
    }

    private static int findSingleClose(String text, int from) {
        int paragraph = text.indexOf('\n', from);
        int end = paragraph < 0 ? text.length() : paragraph;
        for (int j = text.indexOf('\'', from); j >= 0 && j < end; j = text.indexOf('\'', j + 1)) {
            if (j > from
                    && !Character.isWhitespace(text.charAt(j - 1))
                    && (j + 1 == text.length() || !Character.isLetterOrDigit(text.charAt(j + 1)))) {
                return j;
            }
        }
        return -1;
    }
}

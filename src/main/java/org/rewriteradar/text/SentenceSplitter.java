package org.rewriteradar.text;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Splits normalised text into sentences with a single linear scan (no regex): a sentence ends at a
 * paragraph break, or at {@code . ! ?} (plus closing quotes/brackets) followed by a space and an
 * upper-case letter, digit or opening quote, unless the period ends a known abbreviation or an initial.
 */
public final class SentenceSplitter {

    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep",
            "rev", "hon", "mt", "ft", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun",
            "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "e.g", "i.e", "a.m", "p.m", "approx",
            "dept", "est", "fig", "op", "pp", "vol");

    private SentenceSplitter() {}

    /**
     * Sentence boundaries as character offsets: {@code result[2k]} start (inclusive), {@code result[2k+1]}
     * end (exclusive), trimmed of surrounding spaces.
     */
    public static int[] split(String text) {
        int[] out = new int[16];
        int count = 0;
        int n = text.length();
        int start = 0;
        int i = 0;
        // the next of each sentence-ending char at or after i (vectorised searches, not a loop per char)
        int nl = -1;
        int dot = -1;
        int bang = -1;
        int ask = -1;
        while (i < n) {
            nl = TextScan.nextIndexOf(text, '\n', nl, i);
            dot = TextScan.nextIndexOf(text, '.', dot, i);
            bang = TextScan.nextIndexOf(text, '!', bang, i);
            ask = TextScan.nextIndexOf(text, '?', ask, i);
            i = Math.min(Math.min(nl, dot), Math.min(bang, ask));
            if (i == n) {
                break;
            }
            char c = text.charAt(i);
            int end = -1;
            int next = -1;
            if (c == '\n') {
                end = i;
                next = i + 1;
            } else if (c == '.' || c == '!' || c == '?') {
                int j = i + 1;
                while (j < n && (text.charAt(j) == '"' || text.charAt(j) == '\'' || text.charAt(j) == ')')) {
                    j++;
                }
                if (j < n && text.charAt(j) == ' ' && j + 1 < n && startsSentence(text.charAt(j + 1))) {
                    if (c != '.' || !isAbbreviation(text, start, i)) {
                        end = j;
                        next = j + 1;
                    }
                }
            }
            if (end >= 0) {
                if (count + 2 > out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                count = add(text, start, end, out, count);
                start = next;
                i = next;
            } else {
                i++;
            }
        }
        if (count + 2 > out.length) {
            out = Arrays.copyOf(out, out.length + 2);
        }
        count = add(text, start, n, out, count);
        return Arrays.copyOf(out, count);
    }

    private static int add(String text, int s, int e, int[] out, int count) {
        while (s < e && text.charAt(s) == ' ') {
            s++;
        }
        while (e > s && text.charAt(e - 1) == ' ') {
            e--;
        }
        if (e > s) {
            out[count++] = s;
            out[count++] = e;
        }
        return count;
    }

    private static boolean startsSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '\'' || c == '(';
    }

    private static boolean isAbbreviation(String text, int sentenceStart, int dot) {
        int w = dot;
        while (w > sentenceStart && !Character.isWhitespace(text.charAt(w - 1)) && text.charAt(w - 1) != '(') {
            w--;
        }
        int len = dot - w;
        if (len == 0) {
            return false;
        }
        if (len == 1 && Character.isUpperCase(text.charAt(w))) {
            return true; // an initial: "John F. Kennedy"
        }
        return len <= 5 && ABBREVIATIONS.contains(text.substring(w, dot).toLowerCase(Locale.ROOT));
    }
}

package org.rewriteradar.text;

/**
 * Forward scans over a text shared by the normaliser, the sentence splitter and the quote extractor.
 * Stateless.
 */
final class TextScan {

    private TextScan() {}

    /**
     * The next index of {@code c} in {@code text} at or after {@code from}, or {@code text.length()} when
     * there is none. {@code known} is what an earlier call (or -1 before the first) returned: searched
     * again only when it lies before {@code from}, so a scan moving forward searches each stretch once.
     */
    static int nextIndexOf(String text, char c, int known, int from) {
        if (known >= from) {
            return known;
        }
        int at = text.indexOf(c, from);
        return at < 0 ? text.length() : at;
    }

    /** {@link #nextIndexOf(String, char, int, int)} for a string. */
    static int nextIndexOf(String text, String s, int known, int from) {
        if (known >= from) {
            return known;
        }
        int at = text.indexOf(s, from);
        return at < 0 ? text.length() : at;
    }

    /**
     * Space-separated words of {@code s[from..to)}, counted up to {@code max}: the count, or {@code max} when
     * there are at least as many.
     */
    static int countWords(String s, int from, int to, int max) {
        int words = 0;
        boolean in = false;
        for (int i = from; i < to && words < max; i++) {
            boolean w = s.charAt(i) != ' ';
            if (w && !in) {
                words++;
            }
            in = w;
        }
        return words;
    }
}

package org.rewriteradar.text;

import java.util.Locale;

/**
 * Classifies one collapsed line of a text as article text or page furniture, by the word lists of {@link
 * FurnitureRules}: a metadata date label at its start is stripped; a short line ({@link
 * FurnitureRules#MAX_FURNITURE_WORDS} words at most) is furniture when it starts with a furniture phrase,
 * is a slug (no sentence punctuation at its end, no capital or digit at its start, {@link
 * FurnitureRules#MAX_SLUG_WORDS} words at most) or is a bare URL; a line of any length is furniture when it
 * is a photo caption (ends with a credit in parentheses). Stateless.
 */
final class FurnitureLines {

    private FurnitureLines() {}

    /** Returns the line without furniture, or "" when the whole line is furniture. */
    static String cleanLine(String line) {
        if (line.isEmpty()) {
            return line;
        }
        line = stripDateLabel(line);
        if (line.isEmpty()) {
            return line; // a line that was only a date label
        }
        int words = TextScan.countWords(line, 0, line.length(), FurnitureRules.MAX_FURNITURE_WORDS + 1);
        if (words > FurnitureRules.MAX_FURNITURE_WORDS) {
            // long lines: only the caption rule can apply (prefix, slug and URL rules need few words)
            return isCaption(line) ? "" : line;
        }
        String lower = line.toLowerCase(Locale.ROOT);
        if (FurnitureRules.startsWithFurniturePrefix(lower)) {
            return "";
        }
        if (words <= FurnitureRules.MAX_SLUG_WORDS && isSlug(line)) {
            return "";
        }
        if (isCaption(line)) {
            return "";
        }
        if (isUrl(lower)) {
            return "";
        }
        return line;
    }

    /** "date 2022-01-27 Rest" -> "Rest": a metadata label followed by an ISO-like date. */
    private static String stripDateLabel(String line) {
        if (!FurnitureRules.DATE_LABEL_INITIALS.contains(Character.toLowerCase(line.charAt(0)))) {
            return line;
        }
        for (String label : FurnitureRules.DATE_LABELS) {
            if (line.regionMatches(true, 0, label, 0, label.length())) {
                int i = label.length();
                while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == ':')) {
                    i++;
                }
                int j = i;
                while (j < line.length()
                        && (Character.isDigit(line.charAt(j))
                                || line.charAt(j) == '-'
                                || line.charAt(j) == '/'
                                || line.charAt(j) == '.'
                                || line.charAt(j) == ':'
                                || line.charAt(j) == 'T'
                                || line.charAt(j) == 'Z')) {
                    j++;
                }
                if (j - i >= 8 && digits(line, i, j) >= 6) {
                    return line.substring(j).trim();
                }
            }
        }
        return line;
    }

    private static int digits(String s, int from, int to) {
        int d = 0;
        for (int i = from; i < to; i++) {
            if (Character.isDigit(s.charAt(i))) {
                d++;
            }
        }
        return d;
    }

    private static boolean isSlug(String line) {
        char last = line.charAt(line.length() - 1);
        if (last == '.' || last == '!' || last == '?' || last == '"' || last == ':') {
            return false;
        }
        return !Character.isUpperCase(line.charAt(0)) && !Character.isDigit(line.charAt(0));
    }

    /** A photo caption: the line ends with a parenthetical credit such as "(Agency/Getty Images)". */
    private static boolean isCaption(String line) {
        if (line.charAt(line.length() - 1) != ')') {
            return false;
        }
        int open = line.lastIndexOf('(');
        return open >= 0 && FurnitureRules.isCreditParenthetical(line.substring(open + 1, line.length() - 1));
    }

    private static boolean isUrl(String lower) {
        return (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("www."))
                && lower.indexOf(' ') < 0;
    }
}

package org.rewriteradar.text;

import java.text.Normalizer;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns a raw article body (plain text or HTML) into the normalised text the engine works on: HTML
 * converted to paragraphs, Unicode NFKC, curly quotes and dashes folded to ASCII, whitespace collapsed,
 * page furniture ({@link FurnitureRules}) removed. Paragraphs are separated by a single {@code '\n'}.
 * Thread-safe (stateless).
 */
public final class TextNormalizer {

    private TextNormalizer() {}

    /** Full pipeline: HTML to text when the body looks like HTML, Unicode folding, furniture removal. */
    public static String normalize(String body) {
        if (body == null || body.isEmpty()) {
            return "";
        }
        String text = looksLikeHtml(body) ? htmlToText(body) : body;
        text = foldUnicode(text);
        return removeFurniture(text);
    }

    /** Cheap check for markup: a tag-like {@code <x} or {@code </} followed later by {@code >}. */
    public static boolean looksLikeHtml(String s) {
        int n = Math.min(s.length(), 20_000);
        for (int i = s.indexOf('<'); i >= 0 && i + 1 < n; i = s.indexOf('<', i + 1)) {
            char c = s.charAt(i + 1);
            if (c == '/' || c == '!' || Character.isLetter(c)) {
                int close = s.indexOf('>', i + 1);
                if (close > 0 && close - i < 400) {
                    return true;
                }
            }
        }
        return false;
    }

    /** HTML to plain text: drops scripts, navigation and other chrome; block elements become paragraphs. */
    public static String htmlToText(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, noscript, nav, header, footer, aside, form, iframe, svg, button, figcaption,"
                        + " [role=navigation], [aria-hidden=true]")
                .remove();
        StringBuilder sb = new StringBuilder(html.length() / 2);
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof TextNode t) {
                            sb.append(t.text());
                        } else if (node instanceof Element e && (e.isBlock() || e.nameIs("br"))) {
                            sb.append('\n');
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        if (node instanceof Element e && e.isBlock()) {
                            sb.append('\n');
                        }
                    }
                },
                doc.body() != null ? doc.body() : doc);
        return sb.toString();
    }

    /** NFKC plus folding of typographic quotes, dashes and invisible characters. */
    public static String foldUnicode(String s) {
        int first = firstUnfolded(s, 0);
        if (first < 0) {
            return s;
        }
        if (!Normalizer.isNormalized(s, Normalizer.Form.NFKC)) {
            s = Normalizer.normalize(s, Normalizer.Form.NFKC);
            first = firstUnfolded(s, 0);
        }
        // only the chars firstUnfolded stops at can fold; the runs between them are copied as they are
        StringBuilder sb = null;
        int copied = 0;
        for (int i = first; i >= 0; i = firstUnfolded(s, i + 1)) {
            char c = s.charAt(i);
            char r = fold(c);
            if (r != c) {
                if (sb == null) {
                    sb = new StringBuilder(s.length());
                }
                sb.append(s, copied, i);
                if (r != 0) {
                    sb.append(r);
                }
                copied = i + 1;
            }
        }
        return sb == null ? s : sb.append(s, copied, s.length()).toString();
    }

    /**
     * Index of the first char from {@code from} that is not plain ASCII text (non-ASCII, a control char
     * other than {@code '\n'}, or {@code '`'}), or -1: the only chars NFKC or {@link #fold} may change.
     */
    private static int firstUnfolded(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || (c < 0x20 && c != '\n') || c == '`') {
                return i;
            }
        }
        return -1;
    }

    private static char fold(char c) {
        switch (c) {
            case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u0060', '\u00B4':
                return '\'';
            case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB':
                return '"';
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
                return '-';
            case '\u00A0', '\u2007', '\u202F', '\t', '\u000B', '\f':
                return ' ';
            case '\r':
                return '\n';
            case '\u200B', '\u200C', '\u200D', '\uFEFF', '\u00AD':
                return 0;
            default:
                return c;
        }
    }

    /** Collapses whitespace per line, drops empty and furniture lines, joins paragraphs with {@code '\n'}. */
    public static String removeFurniture(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int start = 0;
        int n = text.length();
        // with no whitespace but ' ' and '\n' and no control chars, a line is collapsed when it neither starts
        // nor ends with a space and holds no double space: the next double space is found once, not per char
        boolean spacesOnly = spacesOnly(text);
        int doubleSpace = -1;
        while (start <= n) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                nl = n;
            }
            boolean collapsed;
            if (spacesOnly) {
                doubleSpace = nextIndexOf(text, "  ", doubleSpace, start);
                collapsed = nl > start && text.charAt(start) != ' ' && text.charAt(nl - 1) != ' ' && doubleSpace >= nl;
            } else {
                collapsed = isCollapsed(text, start, nl);
            }
            if (collapsed && isPlainProse(text, start, nl)) {
                appendParagraph(out, text, start, nl);
            } else {
                String line = cleanLine(collapse(text, start, nl));
                appendParagraph(out, line, 0, line.length());
            }
            start = nl + 1;
        }
        return out.toString();
    }

    /** Appends a non-empty {@code s[from..to)} as a paragraph, after a {@code '\n'} unless it is the first. */
    private static void appendParagraph(StringBuilder out, String s, int from, int to) {
        if (from == to) {
            return;
        }
        if (out.length() > 0) {
            out.append('\n');
        }
        out.append(s, from, to);
    }

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

    /** True when the only whitespace and control chars of the text are {@code ' '} and {@code '\n'}. */
    private static boolean spacesOnly(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 ? c != '\n' : c >= 0x7f && (Character.isWhitespace(c) || Character.isISOControl(c))) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when {@link #cleanLine} would keep a collapsed range as it is, seen without copying it: longer
     * than any furniture line but a caption, not ending like a caption and not starting like a date label.
     */
    private static boolean isPlainProse(String text, int from, int to) {
        return to > from
                && text.charAt(to - 1) != ')'
                && !FurnitureRules.DATE_LABEL_INITIALS.contains(Character.toLowerCase(text.charAt(from)))
                && countWords(text, from, to, FurnitureRules.MAX_FURNITURE_WORDS + 1)
                        > FurnitureRules.MAX_FURNITURE_WORDS;
    }

    private static String collapse(String text, int from, int to) {
        if (isCollapsed(text, from, to)) {
            return text.substring(from, to);
        }
        StringBuilder sb = new StringBuilder(to - from);
        boolean space = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** True when the range has no leading, trailing or repeated space and no other whitespace or control. */
    private static boolean isCollapsed(String text, int from, int to) {
        boolean space = true; // a leading space is not collapsed
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                if (space) {
                    return false;
                }
                space = true;
            } else if (c < 0x80 ? c < 0x20 || c == 0x7f : Character.isWhitespace(c) || Character.isISOControl(c)) {
                return false;
            } else {
                space = false;
            }
        }
        return !space || from == to;
    }

    /** Returns the line without furniture, or "" when the whole line is furniture. */
    static String cleanLine(String line) {
        if (line.isEmpty()) {
            return line;
        }
        line = stripDateLabel(line);
        if (line.isEmpty()) {
            return line; // a line that was only a date label
        }
        int words = countWords(line, 0, line.length(), FurnitureRules.MAX_FURNITURE_WORDS + 1);
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

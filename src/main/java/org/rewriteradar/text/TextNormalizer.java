package org.rewriteradar.text;

import java.text.Normalizer;
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
 * page furniture ({@link FurnitureLines}, with the data of {@link FurnitureRules}) removed. Paragraphs are separated by a single {@code '\n'}.
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
                doubleSpace = TextScan.nextIndexOf(text, "  ", doubleSpace, start);
                collapsed = nl > start && text.charAt(start) != ' ' && text.charAt(nl - 1) != ' ' && doubleSpace >= nl;
            } else {
                collapsed = isCollapsed(text, start, nl);
            }
            if (collapsed && isPlainProse(text, start, nl)) {
                appendParagraph(out, text, start, nl);
            } else {
                String line = FurnitureLines.cleanLine(collapse(text, start, nl));
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
     * True when {@link FurnitureLines#cleanLine} would keep a collapsed range as it is, seen without copying it: longer
     * than any furniture line but a caption, not ending like a caption and not starting like a date label.
     */
    private static boolean isPlainProse(String text, int from, int to) {
        return to > from
                && text.charAt(to - 1) != ')'
                && !FurnitureRules.DATE_LABEL_INITIALS.contains(Character.toLowerCase(text.charAt(from)))
                && TextScan.countWords(text, from, to, FurnitureRules.MAX_FURNITURE_WORDS + 1)
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
}

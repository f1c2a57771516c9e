package org.rewriteradar.text;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Data describing page furniture: the navigation, sharing, subscription, caption and credit lines that
 * scrapers leave around an article's text. Rules are plain word lists (no site-specific code), applied
 * line by line by {@link FurnitureLines} for {@link TextNormalizer}.
 */
public final class FurnitureRules {

    /** A line starting with one of these (lower-cased) phrases and no longer than {@link #MAX_FURNITURE_WORDS} words is furniture. */
    static final List<String> LINE_PREFIXES = List.of(
            "exit mobile version",
            "skip to content",
            "skip to main",
            "back to top",
            "share this",
            "share on",
            "share:",
            "share via",
            "share article",
            "subscribe",
            "sign up",
            "sign in",
            "log in",
            "follow us",
            "follow @",
            "like us on",
            "click here",
            "read more",
            "read next",
            "continue reading",
            "related:",
            "related articles",
            "related stories",
            "related topics",
            "more on this story",
            "advertisement",
            "sponsored",
            "all rights reserved",
            "copyright",
            "©",
            "tags:",
            "filed under",
            "posted in",
            "leave a comment",
            "image source",
            "image caption",
            "media caption",
            "image copyright",
            "photo:",
            "image:",
            "getty images",
            "newsletter",
            "download our app",
            "print this",
            "email this",
            "you may also like",
            "recommended for you",
            "most read",
            "trending");

    /** Words that mark a trailing parenthetical as a photo credit, making the line a caption. */
    static final List<String> CREDIT_WORDS =
            List.of("images", "photo", "/", "getty", "shutterstock", "afp", "epa", "pa wire", "stock");

    /** Leading metadata labels stripped from a line when followed by a date ("date 2022-01-27 ..."). */
    static final List<String> DATE_LABELS = List.of("date", "published", "updated", "posted", "last updated");

    /** First letters of {@link #DATE_LABELS}, for a quick rejection. */
    static final Set<Character> DATE_LABEL_INITIALS =
            DATE_LABELS.stream().map(l -> l.charAt(0)).collect(Collectors.toUnmodifiableSet());

    /** Furniture lines are short: a line with more words than this is never dropped by a prefix rule. */
    static final int MAX_FURNITURE_WORDS = 14;

    /** A line of at most this many words, lower-case and without punctuation (slugs, alt text) is furniture. */
    static final int MAX_SLUG_WORDS = 3;

    private FurnitureRules() {}

    static boolean startsWithFurniturePrefix(String lowerLine) {
        for (String p : LINE_PREFIXES) {
            if (lowerLine.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    static boolean isCreditParenthetical(String inner) {
        String l = inner.toLowerCase(Locale.ROOT);
        for (String w : CREDIT_WORDS) {
            if (l.contains(w)) {
                return true;
            }
        }
        return false;
    }
}

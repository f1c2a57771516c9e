package org.rewriteradar.eval.spin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.rewriteradar.eval.spin.WordNet.Pos;

/**
 * A crude, context-free article spinner in the manner of commercial spinners (SpinBot, SpinnerChief):
 * WordNet synonym substitution of single words and multiword lemmas outside quotations, mild sentence
 * reordering, sentence deletions, inserted connectives and filler sentences, page furniture and HTML
 * wrapping. Quoted spans (“…” and "…"), capitalised names, acronyms and anything with a digit are copied
 * verbatim; function words are never replaced.
 *
 * <p>Deterministic: every random choice draws from the {@link SplittableRandom} passed in, and all
 * iteration is in text order or insertion order.
 */
final class Spinner {

    /** Knobs of the spinner; see {@link #defaults()} for the documented defaults. */
    record Params(
            double subRate,
            int synsets,
            double swapRate,
            double deleteRate,
            double connectorRate,
            double fillerRate,
            double furnitureRate,
            double htmlRate,
            int minSynonymCount) {

        /**
         * Defaults, tuned on pool-bbc so that word-5-shingle Jaccard has median ≤ 0.25 and under 10% of pairs
         * reach 0.5: replace 85% of replaceable words, synonyms from the first 2 synsets of the guessed part of
         * speech, swap an adjacent sentence pair with probability 0.15, delete a sentence (never the lead nor
         * one with a quote) with probability 0.06, start a sentence with a connective with probability 0.08,
         * append a filler sentence to a paragraph with probability 0.08, add page furniture to half of the
         * articles and wrap a quarter of them in HTML; use only synonyms tagged at least once in WordNet's
         * semantic concordance (drops rarities such as "hebdomad" for "week"; 0 allows every lemma).
         */
        static Params defaults() {
            return new Params(0.85, 2, 0.15, 0.06, 0.08, 0.08, 0.5, 0.25, 1);
        }
    }

    /** What one spin did, for the pair's note. */
    record Result(
            String title,
            String body,
            int words,
            int replaced,
            int swaps,
            int deleted,
            int inserted,
            boolean furniture,
            boolean html) {}

    /** Lower-case vs capitalised counts of words in running text (not sentence-initial), to tell names. */
    interface NameStats {
        /** True if the word, seen capitalised at a sentence start, is most likely a name. */
        boolean isName(String capitalised);
    }

    enum Infl {
        NONE,
        PLURAL,
        S3,
        PAST,
        ING
    }

    record Analysis(Pos pos, String base, Infl infl, double score) {}

    static final Set<String> FUNCTION_WORDS = Set.copyOf(List.of(
            "a",
            "an",
            "the",
            "this",
            "that",
            "these",
            "those",
            "some",
            "any",
            "no",
            "not",
            "every",
            "each",
            "all",
            "both",
            "either",
            "neither",
            "many",
            "much",
            "more",
            "most",
            "few",
            "fewer",
            "less",
            "least",
            "several",
            "such",
            "other",
            "another",
            "own",
            "same",
            "i",
            "me",
            "my",
            "mine",
            "myself",
            "you",
            "your",
            "yours",
            "yourself",
            "he",
            "him",
            "his",
            "himself",
            "she",
            "her",
            "hers",
            "herself",
            "it",
            "its",
            "itself",
            "we",
            "us",
            "our",
            "ours",
            "ourselves",
            "they",
            "them",
            "their",
            "theirs",
            "themselves",
            "who",
            "whom",
            "whose",
            "which",
            "what",
            "whatever",
            "whoever",
            "where",
            "when",
            "why",
            "how",
            "whether",
            "if",
            "then",
            "than",
            "so",
            "as",
            "because",
            "since",
            "while",
            "whilst",
            "although",
            "though",
            "unless",
            "until",
            "till",
            "and",
            "or",
            "but",
            "nor",
            "yet",
            "also",
            "only",
            "just",
            "even",
            "too",
            "very",
            "there",
            "here",
            "now",
            "of",
            "in",
            "on",
            "at",
            "by",
            "for",
            "with",
            "without",
            "about",
            "against",
            "between",
            "into",
            "through",
            "during",
            "before",
            "after",
            "above",
            "below",
            "to",
            "from",
            "up",
            "down",
            "out",
            "off",
            "over",
            "under",
            "again",
            "further",
            "once",
            "upon",
            "within",
            "across",
            "along",
            "among",
            "amongst",
            "around",
            "behind",
            "beside",
            "besides",
            "beyond",
            "despite",
            "near",
            "onto",
            "toward",
            "towards",
            "via",
            "per",
            "be",
            "is",
            "am",
            "are",
            "was",
            "were",
            "been",
            "being",
            "have",
            "has",
            "had",
            "having",
            "do",
            "does",
            "did",
            "doing",
            "done",
            "will",
            "would",
            "shall",
            "should",
            "can",
            "could",
            "may",
            "might",
            "must",
            "ought",
            "let",
            "get",
            "got",
            "gets",
            "getting",
            "mr",
            "mrs",
            "ms",
            "dr",
            "st",
            "yes",
            "ok",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "twenty",
            "thirty",
            "forty",
            "fifty",
            "hundred",
            "thousand",
            "million",
            "millions",
            "billion",
            "billions",
            "trillion",
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "half",
            "dozen",
            "dozens",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "january",
            "february",
            "march",
            "april",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "still",
            "already",
            "ever",
            "never",
            "always",
            "often",
            "however",
            "therefore",
            "thus",
            "else",
            "like",
            "well",
            "back",
            "away",
            "ago",
            "yet",
            "anyway",
            "something",
            "anything",
            "nothing",
            "everything",
            "someone",
            "anyone",
            "everyone",
            "nobody",
            "somebody",
            "anybody",
            "everybody",
            "others",
            "whose",
            "s",
            "t"));

    private static final Set<String> VERB_CUES = Set.of(
            "to", "will", "would", "can", "could", "may", "might", "must", "shall", "should", "not", "did", "does",
            "do", "cannot", "we", "they", "i", "you");
    private static final Set<String> PARTICIPLE_CUES =
            Set.of("has", "have", "had", "having", "been", "was", "were", "is", "are", "be", "being", "get", "got");
    private static final Set<String> DETERMINERS = Set.of(
            "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your",
            "some", "any", "no", "every", "each", "many", "much", "more", "most", "several", "of", "other", "another",
            "such", "same", "new", "first", "last");
    private static final List<String> CONNECTIVES = List.of(
            "Moreover, ",
            "In addition, ",
            "Meanwhile, ",
            "Notably, ",
            "Besides, ",
            "Furthermore, ",
            "As well as that, ",
            "On top of that, ",
            "Additionally, ",
            "In the meantime, ");
    private static final List<String> FILLERS = List.of(
            "This is a growing story and will be up to date.",
            "That is something many readers will be following closely.",
            "It remains to be seen how things will develop.",
            "Observers say the matter could take some time to settle.",
            "The details are still being looked at.",
            "Many people will be watching what happens next.",
            "It is not the first time the issue has come up.",
            "Reaction to the news has been mixed.",
            "The development has drawn a great deal of attention.",
            "Questions remain about what comes next.",
            "Further particulars are anticipated in the coming days.",
            "It is a subject that has divided opinion.");
    private static final List<String> HEADER_FURNITURE = List.of(
            "Home » News",
            "Advertisement",
            "Share this article",
            "Posted by admin",
            "Latest News | Top Stories",
            "Reading time: 3 minutes",
            "Skip to content");
    private static final List<String> FOOTER_FURNITURE = List.of(
            "Exit mobile version",
            "Share this: Facebook Twitter WhatsApp Email",
            "Related Posts",
            "Leave a Reply Cancel reply",
            "Subscribe to our newsletter for the latest updates",
            "Copyright © All rights reserved.",
            "Tags: news, latest, world",
            "Click to share on Twitter (Opens in new window)");

    private final WordNet wordNet;
    private final NameStats names;
    private final Params params;

    Spinner(WordNet wordNet, NameStats names, Params params) {
        this.wordNet = wordNet;
        this.names = names;
        this.params = params;
    }

    Params params() {
        return params;
    }

    // ---------------------------------------------------------------- article level

    /** Spins a whole article: words, sentence order, deletions, insertions, furniture, HTML. */
    Result spinArticle(String title, String body, SplittableRandom rnd) {
        Counter c = new Counter();
        String newTitle = title == null ? null : substitute(title, protectQuotes(title), rnd, c);
        c.words = 0;
        c.replaced = 0;
        List<List<String>> paragraphs = new ArrayList<>();
        boolean lead = true;
        for (String para : body.split("\\n\\s*\\n")) {
            String p = para.strip();
            if (p.isEmpty()) {
                continue;
            }
            boolean[] prot = protectQuotes(p);
            List<int[]> spans = sentences(p, prot);
            List<String> out = new ArrayList<>();
            List<boolean[]> outProt = new ArrayList<>();
            for (int[] s : spans) {
                String text = p.substring(s[0], s[1]);
                boolean[] sp = java.util.Arrays.copyOfRange(prot, s[0], s[1]);
                boolean quoted = hasTrue(sp);
                if (!lead && !quoted && rnd.nextDouble() < params.deleteRate()) {
                    c.deleted++;
                    continue;
                }
                lead = false;
                out.add(text);
                outProt.add(sp);
            }
            if (out.isEmpty()) {
                continue;
            }
            // mild reordering: swap adjacent sentences, never moving the article's lead sentence
            int startAt = paragraphs.isEmpty() ? 1 : 0;
            for (int j = startAt; j + 1 < out.size(); j++) {
                if (rnd.nextDouble() < params.swapRate()) {
                    String t = out.get(j);
                    out.set(j, out.get(j + 1));
                    out.set(j + 1, t);
                    boolean[] tp = outProt.get(j);
                    outProt.set(j, outProt.get(j + 1));
                    outProt.set(j + 1, tp);
                    c.swaps++;
                    j++;
                }
            }
            List<String> spun = new ArrayList<>();
            for (int j = 0; j < out.size(); j++) {
                String s = substitute(out.get(j), outProt.get(j), rnd, c);
                if (!(paragraphs.isEmpty() && j == 0) && rnd.nextDouble() < params.connectorRate()) {
                    s = addConnective(s, rnd);
                    c.inserted++;
                }
                spun.add(s);
            }
            if (rnd.nextDouble() < params.fillerRate()) {
                spun.add(FILLERS.get(rnd.nextInt(FILLERS.size())));
                c.inserted++;
            }
            paragraphs.add(spun);
        }
        boolean furniture = rnd.nextDouble() < params.furnitureRate();
        boolean html = rnd.nextDouble() < params.htmlRate();
        List<String> header = new ArrayList<>();
        List<String> footer = new ArrayList<>();
        if (furniture) {
            header.add(HEADER_FURNITURE.get(rnd.nextInt(HEADER_FURNITURE.size())));
            int n = 1 + rnd.nextInt(3);
            for (int i = 0; i < n; i++) {
                String f = FOOTER_FURNITURE.get(rnd.nextInt(FOOTER_FURNITURE.size()));
                if (!footer.contains(f)) {
                    footer.add(f);
                }
            }
        }
        String newBody;
        if (html) {
            StringBuilder b =
                    new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>");
            b.append(escape(newTitle == null ? "" : newTitle)).append("</title></head>\n<body>\n");
            for (String h : header) {
                b.append("<div class=\"nav\">").append(escape(h)).append("</div>\n");
            }
            b.append("<article>\n");
            if (newTitle != null) {
                b.append("<h1>").append(escape(newTitle)).append("</h1>\n");
            }
            for (List<String> p : paragraphs) {
                b.append("<p>").append(escape(String.join(" ", p))).append("</p>\n");
            }
            b.append("</article>\n");
            for (String f : footer) {
                b.append("<footer>").append(escape(f)).append("</footer>\n");
            }
            newBody = b.append("</body></html>\n").toString();
        } else {
            List<String> blocks = new ArrayList<>(header);
            for (List<String> p : paragraphs) {
                blocks.add(String.join(" ", p));
            }
            blocks.addAll(footer);
            newBody = String.join("\n\n", blocks);
        }
        return new Result(newTitle, newBody, c.words, c.replaced, c.swaps, c.deleted, c.inserted, furniture, html);
    }

    /** Spins the words of one piece of text (quotes, names, numbers kept), nothing else. */
    String spinWords(String text, SplittableRandom rnd) {
        return substitute(text, protectQuotes(text), rnd, new Counter());
    }

    private static final class Counter {
        int words;
        int replaced;
        int swaps;
        int deleted;
        int inserted;
    }

    private static boolean hasTrue(boolean[] a) {
        for (boolean b : a) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private String addConnective(String sentence, SplittableRandom rnd) {
        String conn = CONNECTIVES.get(rnd.nextInt(CONNECTIVES.size()));
        int i = 0;
        while (i < sentence.length() && !Character.isLetterOrDigit(sentence.charAt(i))) {
            i++;
        }
        if (i > 0 || i >= sentence.length()) {
            return conn + sentence; // starts with a quote or bracket: keep it untouched
        }
        int e = i;
        while (e < sentence.length() && Character.isLetter(sentence.charAt(e))) {
            e++;
        }
        String first = sentence.substring(i, e);
        boolean lower = first.length() > 1
                && Character.isUpperCase(first.charAt(0))
                && first.substring(1).equals(first.substring(1).toLowerCase(Locale.ROOT))
                && !isName(first);
        return conn + (lower ? Character.toLowerCase(first.charAt(0)) + sentence.substring(1) : sentence);
    }

    // ---------------------------------------------------------------- quotes and sentences

    /**
     * Marks the characters inside quotations: “…”, and "…" paired in order (a straight quote that opens a word
     * after a space continues an open quotation); an unclosed quote runs to the end of the paragraph.
     */
    static boolean[] protectQuotes(String text) {
        boolean[] prot = new boolean[text.length()];
        int open = -1;
        char closer = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (open < 0) {
                if (ch == '“' || ch == '"' || ch == '„') {
                    open = i;
                    closer = ch == '"' ? '"' : '”';
                }
            } else if (ch == closer) {
                // a straight quote after a space and before a word opens a continued quotation
                // ('... derbies. "Derby matches ...'): the quotation goes on
                boolean reopens = ch == '"'
                        && i > 0
                        && Character.isWhitespace(text.charAt(i - 1))
                        && i + 1 < text.length()
                        && Character.isLetterOrDigit(text.charAt(i + 1));
                if (reopens) {
                    continue;
                }
                for (int k = open; k <= i; k++) {
                    prot[k] = true;
                }
                open = -1;
            }
        }
        if (open >= 0) {
            for (int k = open; k < text.length(); k++) {
                prot[k] = true;
            }
        }
        return prot;
    }

    /** Sentence spans of a paragraph; never splits inside a quotation. */
    static List<int[]> sentences(String p, boolean[] prot) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        int n = p.length();
        for (int i = 0; i < n; i++) {
            char ch = p.charAt(i);
            if ((ch == '.' || ch == '!' || ch == '?') && !prot[i]) {
                int j = i + 1;
                while (j < n && (p.charAt(j) == ')' || p.charAt(j) == '’' || p.charAt(j) == '\'')) {
                    j++;
                }
                if (j >= n || !Character.isWhitespace(p.charAt(j))) {
                    continue;
                }
                int k = j;
                while (k < n && Character.isWhitespace(p.charAt(k))) {
                    k++;
                }
                if (k >= n) {
                    break;
                }
                char next = p.charAt(k);
                boolean startsSentence = Character.isUpperCase(next)
                        || Character.isDigit(next)
                        || next == '"'
                        || next == '“'
                        || next == '(';
                // an initial ("J. Smith") or abbreviation with a single capital letter before the dot
                boolean initial = ch == '.'
                        && i >= 1
                        && Character.isUpperCase(p.charAt(i - 1))
                        && (i < 2 || !Character.isLetter(p.charAt(i - 2)));
                if (startsSentence && !initial) {
                    out.add(new int[] {start, j});
                    start = k;
                    i = k - 1;
                }
            }
        }
        if (start < n) {
            out.add(new int[] {start, n});
        }
        return out;
    }

    // ---------------------------------------------------------------- word substitution

    private record Tok(int start, int end, String text) {}

    private static List<Tok> tokens(String s) {
        List<Tok> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            if (Character.isLetterOrDigit(s.charAt(i))) {
                int j = i;
                while (j < n && Character.isLetterOrDigit(s.charAt(j))) {
                    j++;
                }
                out.add(new Tok(i, j, s.substring(i, j)));
                i = j;
            } else {
                i++;
            }
        }
        return out;
    }

    private boolean isName(String word) {
        if (names != null && names.isName(word)) {
            return true;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        // WordNet's own view: the first noun sense written with a capital is a proper name ("Washington")
        int[] syn = wordNet.synsets(Pos.NOUN, lower);
        if (syn.length > 0) {
            for (String w : wordNet.words(Pos.NOUN, syn[0])) {
                if (w.equalsIgnoreCase(lower) && !w.equals(lower)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True if the token may be replaced: outside quotes, no digit, not a function word nor a name. */
    private boolean replaceable(String s, boolean[] prot, List<Tok> toks, int t) {
        Tok tok = toks.get(t);
        String w = tok.text();
        if (prot[tok.start()] || w.length() < 3) {
            return false;
        }
        for (int i = 0; i < w.length(); i++) {
            if (!Character.isLetter(w.charAt(i))) {
                return false; // numbers and anything with a digit
            }
        }
        // parts of hyphenated compounds, contractions and odd glue are left alone
        char before = tok.start() > 0 ? s.charAt(tok.start() - 1) : ' ';
        char after = tok.end() < s.length() ? s.charAt(tok.end()) : ' ';
        if (before == '-' || after == '-' || before == '\'' || before == '’' || before == '@' || before == '/') {
            return false;
        }
        if (after == '\'' || after == '’') {
            boolean possessive = tok.end() + 1 < s.length()
                    && (s.charAt(tok.end() + 1) == 's')
                    && (tok.end() + 2 >= s.length() || !Character.isLetter(s.charAt(tok.end() + 2)));
            boolean plainApostrophe = tok.end() + 1 >= s.length() || !Character.isLetter(s.charAt(tok.end() + 1));
            if (!possessive && !plainApostrophe) {
                return false;
            }
        }
        if (after == '.' && tok.end() + 1 < s.length() && Character.isLetter(s.charAt(tok.end() + 1))) {
            return false; // web addresses, abbreviations
        }
        String lower = w.toLowerCase(Locale.ROOT);
        if (FUNCTION_WORDS.contains(lower)) {
            return false;
        }
        if (Character.isUpperCase(w.charAt(0))) {
            if (!w.substring(1).equals(w.substring(1).toLowerCase(Locale.ROOT))) {
                return false; // acronyms, CamelCase
            }
            if (!sentenceInitial(s, toks, t) || isName(w)) {
                return false; // capitalised names
            }
        }
        return true;
    }

    private static boolean sentenceInitial(String s, List<Tok> toks, int t) {
        int i = toks.get(t).start() - 1;
        while (i >= 0 && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == '(')) {
            i--;
        }
        if (i < 0) {
            return true;
        }
        char c = s.charAt(i);
        return c == '.' || c == '!' || c == '?' || c == ':' || c == '“' || c == '"' || c == '-' || c == '—';
    }

    private String substitute(String s, boolean[] prot, SplittableRandom rnd, Counter c) {
        List<Tok> toks = tokens(s);
        StringBuilder out = new StringBuilder(s.length() + 32);
        int copied = 0;
        for (int t = 0; t < toks.size(); t++) {
            Tok tok = toks.get(t);
            c.words++;
            if (!replaceable(s, prot, toks, t)) {
                continue;
            }
            String prev = t > 0 ? toks.get(t - 1).text().toLowerCase(Locale.ROOT) : "";
            String next = t + 1 < toks.size() ? toks.get(t + 1).text().toLowerCase(Locale.ROOT) : "";
            // multiword lemmas first (3 then 2 words), e.g. "prime minister", "take part"
            boolean done = false;
            for (int n = 3; n >= 2 && !done; n--) {
                if (t + n > toks.size()) {
                    continue;
                }
                String phrase = phraseAt(s, prot, toks, t, n);
                if (phrase == null) {
                    continue;
                }
                for (Pos pos : Pos.values()) {
                    if (wordNet.tagCount(pos, phrase) == 0) {
                        continue;
                    }
                    String syn = chooseSynonym(pos, phrase, rnd);
                    if (syn != null && rnd.nextDouble() < params.subRate()) {
                        out.append(s, copied, tok.start()).append(matchCase(tok.text(), syn));
                        copied = toks.get(t + n - 1).end();
                        c.replaced += n;
                        c.words += n - 1;
                        t += n - 1;
                        done = true;
                    }
                    break;
                }
            }
            if (done) {
                continue;
            }
            String lower = tok.text().toLowerCase(Locale.ROOT);
            Analysis a = analyse(lower, prev, next);
            if (a == null) {
                continue;
            }
            String syn = chooseSynonym(a.pos(), a.base(), rnd);
            if (syn == null || rnd.nextDouble() >= params.subRate()) {
                continue;
            }
            boolean participle = t > 0 && PARTICIPLE_CUES.contains(prev)
                    || t > 1 && PARTICIPLE_CUES.contains(toks.get(t - 2).text().toLowerCase(Locale.ROOT));
            String form = inflect(a.pos(), syn, a.infl(), participle);
            if (form == null || form.equals(lower)) {
                continue;
            }
            out.append(s, copied, tok.start()).append(matchCase(tok.text(), form));
            copied = tok.end();
            c.replaced++;
        }
        out.append(s, copied, s.length());
        return out.toString();
    }

    /** The lower-case WordNet key ("prime_minister") of n tokens joined by single spaces, or null. */
    private String phraseAt(String s, boolean[] prot, List<Tok> toks, int t, int n) {
        StringBuilder key = new StringBuilder();
        boolean content = false;
        for (int k = t; k < t + n; k++) {
            Tok tok = toks.get(k);
            if (prot[tok.start()] || prot[tok.end() - 1]) {
                return null;
            }
            for (int i = 0; i < tok.text().length(); i++) {
                if (!Character.isLetter(tok.text().charAt(i))) {
                    return null;
                }
            }
            if (k > t) {
                if (tok.start() != toks.get(k - 1).end() + 1 || s.charAt(tok.start() - 1) != ' ') {
                    return null;
                }
                if (Character.isUpperCase(tok.text().charAt(0))) {
                    return null;
                }
                key.append('_');
            }
            String lower = tok.text().toLowerCase(Locale.ROOT);
            if (!FUNCTION_WORDS.contains(lower)) {
                content = true;
            }
            key.append(lower);
        }
        char after = toks.get(t + n - 1).end() < s.length()
                ? s.charAt(toks.get(t + n - 1).end())
                : ' ';
        if (after == '-' || after == '\'' || after == '’') {
            return null;
        }
        return content ? key.toString() : null;
    }

    private static String matchCase(String original, String replacement) {
        if (Character.isUpperCase(original.charAt(0)) && !replacement.isEmpty()) {
            return Character.toUpperCase(replacement.charAt(0)) + replacement.substring(1);
        }
        return replacement;
    }

    // ---------------------------------------------------------------- morphology and part of speech

    /** Best (part of speech, base form, inflection) reading of a lower-case word, or null if WordNet lacks it. */
    Analysis analyse(String w, String prev, String next) {
        List<Analysis> cands = new ArrayList<>();
        addIfKnown(cands, Pos.NOUN, w, Infl.NONE);
        for (String b : wordNet.exceptionBases(Pos.NOUN, w)) {
            addIfKnown(cands, Pos.NOUN, b, Infl.PLURAL);
        }
        if (w.endsWith("s") && !w.endsWith("ss")) {
            addIfKnown(cands, Pos.NOUN, strip(w, "s", ""), Infl.PLURAL);
            for (String[] r : new String[][] {
                {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"ies", "y"}
            }) {
                if (w.endsWith(r[0])) {
                    addIfKnown(cands, Pos.NOUN, strip(w, r[0], r[1]), Infl.PLURAL);
                }
            }
        }
        if (w.endsWith("men")) {
            addIfKnown(cands, Pos.NOUN, strip(w, "men", "man"), Infl.PLURAL);
        }
        addIfKnown(cands, Pos.VERB, w, Infl.NONE);
        for (String b : wordNet.exceptionBases(Pos.VERB, w)) {
            Infl inf = w.endsWith("ing") ? Infl.ING : (w.endsWith("s") ? Infl.S3 : Infl.PAST);
            addIfKnown(cands, Pos.VERB, b, inf);
        }
        if (w.endsWith("s") && !w.endsWith("ss")) {
            addIfKnown(cands, Pos.VERB, strip(w, "s", ""), Infl.S3);
            if (w.endsWith("ies")) {
                addIfKnown(cands, Pos.VERB, strip(w, "ies", "y"), Infl.S3);
            }
            if (w.endsWith("es")) {
                addIfKnown(cands, Pos.VERB, strip(w, "es", ""), Infl.S3);
            }
        }
        if (w.endsWith("ed")) {
            addIfKnown(cands, Pos.VERB, strip(w, "ed", ""), Infl.PAST);
            addIfKnown(cands, Pos.VERB, strip(w, "ed", "e"), Infl.PAST);
            if (w.endsWith("ied")) {
                addIfKnown(cands, Pos.VERB, strip(w, "ied", "y"), Infl.PAST);
            }
            String b = strip(w, "ed", "");
            if (b.length() > 2 && b.charAt(b.length() - 1) == b.charAt(b.length() - 2)) {
                addIfKnown(cands, Pos.VERB, b.substring(0, b.length() - 1), Infl.PAST);
            }
        }
        if (w.endsWith("ing") && w.length() > 5) {
            addIfKnown(cands, Pos.VERB, strip(w, "ing", ""), Infl.ING);
            addIfKnown(cands, Pos.VERB, strip(w, "ing", "e"), Infl.ING);
            String b = strip(w, "ing", "");
            if (b.length() > 2 && b.charAt(b.length() - 1) == b.charAt(b.length() - 2)) {
                addIfKnown(cands, Pos.VERB, b.substring(0, b.length() - 1), Infl.ING);
            }
        }
        addIfKnown(cands, Pos.ADJ, w, Infl.NONE);
        addIfKnown(cands, Pos.ADV, w, Infl.NONE);
        Analysis best = null;
        for (Analysis a : cands) {
            double score = a.score() * context(a, w, prev, next);
            if (best == null || score > best.score()) {
                best = new Analysis(a.pos(), a.base(), a.infl(), score);
            }
        }
        return best;
    }

    private void addIfKnown(List<Analysis> out, Pos pos, String base, Infl infl) {
        if (base.length() < 2 || !wordNet.contains(pos, base)) {
            return;
        }
        for (Analysis a : out) {
            if (a.pos() == pos && a.base().equals(base) && a.infl() == infl) {
                return;
            }
        }
        out.add(new Analysis(pos, base, infl, wordNet.tagCount(pos, base) + 0.5));
    }

    private static String strip(String w, String suffix, String add) {
        return w.substring(0, w.length() - suffix.length()) + add;
    }

    /** A simple part-of-speech guess from the neighbouring words. */
    private static double context(Analysis a, String w, String prev, String next) {
        double f = 1.0;
        boolean verbCue = VERB_CUES.contains(prev);
        boolean detCue = DETERMINERS.contains(prev);
        switch (a.pos()) {
            case VERB -> {
                if (a.infl() == Infl.NONE) {
                    f *= verbCue ? 4 : 0.3; // a bare verb mostly follows "to", a modal or a pronoun
                }
                if (detCue) {
                    f *= 0.05;
                }
                if (PARTICIPLE_CUES.contains(prev) && (a.infl() == Infl.PAST || a.infl() == Infl.ING)) {
                    f *= 3;
                }
                if (DETERMINERS.contains(next) && !next.equals("of")) {
                    f *= 2;
                }
            }
            case NOUN -> {
                if (detCue) {
                    f *= 3;
                }
                if (verbCue && !prev.equals("to")) {
                    f *= 0.3;
                }
            }
            case ADJ -> {
                if (detCue) {
                    f *= 2;
                }
            }
            case ADV -> {
                if (w.endsWith("ly")) {
                    f *= 3;
                }
            }
        }
        return f;
    }

    // ---------------------------------------------------------------- synonyms

    /**
     * A synonym of a lemma from its first {@code synsets} synsets of the same part of speech: other lower-case
     * lemmas of those synsets, weighted by how common they are (WordNet tag counts) and by sense rank; lemmas
     * never tagged are used only when no tagged one exists. Null if there is none.
     */
    String chooseSynonym(Pos pos, String base, SplittableRandom rnd) {
        int[] syn = wordNet.synsets(pos, base);
        Map<String, Double> weights = new LinkedHashMap<>();
        boolean anyCommon = false;
        for (int r = 0; r < Math.min(params.synsets(), syn.length); r++) {
            for (String w : wordNet.words(pos, syn[r])) {
                if (!w.equals(w.toLowerCase(Locale.ROOT)) || w.equals(base) || !w.matches("[a-z][a-z_'-]*")) {
                    continue;
                }
                if (w.split("_").length > 3) {
                    continue;
                }
                String plain = w.replace('_', ' ');
                String baseWords = base.replace('_', ' ');
                if (base.length() >= 4 && plain.contains(baseWords) || w.length() >= 4 && baseWords.contains(plain)) {
                    continue;
                }
                int count = wordNet.tagCount(w);
                anyCommon |= count > 0;
                double weight = Math.sqrt(1.0 + count) * Math.pow(0.6, r);
                weights.merge(w, weight, Math::max);
            }
        }
        if (anyCommon) {
            weights.keySet().removeIf(w -> wordNet.tagCount(w) == 0);
        }
        weights.keySet().removeIf(w -> wordNet.tagCount(w) < params.minSynonymCount());
        if (weights.isEmpty()) {
            return null;
        }
        double total = 0;
        for (double v : weights.values()) {
            total += v;
        }
        double x = rnd.nextDouble() * total;
        String pick = null;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            pick = e.getKey();
            x -= e.getValue();
            if (x < 0) {
                break;
            }
        }
        return pick.replace('_', ' ');
    }

    /** Gives a synonym (possibly multiword) the inflection of the word it replaces; crude, like a spinner. */
    String inflect(Pos pos, String lemma, Infl infl, boolean participle) {
        if (infl == Infl.NONE) {
            return lemma;
        }
        String[] words = lemma.split(" ");
        int head = pos == Pos.VERB ? 0 : words.length - 1;
        String w = words[head];
        String form =
                switch (infl) {
                    case PLURAL -> plural(w);
                    case S3 -> thirdPerson(w);
                    case PAST -> past(w, participle);
                    case ING -> ing(w);
                    case NONE -> w;
                };
        words[head] = form;
        return String.join(" ", words);
    }

    private String plural(String w) {
        for (String f : wordNet.irregularForms(Pos.NOUN, w)) {
            return f;
        }
        return sibilant(w) ? w + "es" : consonantY(w) ? strip(w, "y", "ies") : w + "s";
    }

    private static String thirdPerson(String w) {
        if (w.equals("be")) {
            return "is";
        }
        if (w.equals("have")) {
            return "has";
        }
        return sibilant(w) || w.endsWith("o") ? w + "es" : consonantY(w) ? strip(w, "y", "ies") : w + "s";
    }

    private String past(String w, boolean participle) {
        List<String> forms = new ArrayList<>();
        for (String f : wordNet.irregularForms(Pos.VERB, w)) {
            if (!f.endsWith("ing") && !(f.endsWith("s") && !w.endsWith("s"))) {
                forms.add(f);
            }
        }
        if (forms.size() == 1) {
            return forms.get(0);
        }
        if (forms.size() > 1) {
            for (String f : forms) {
                boolean looksParticiple = f.endsWith("en") || f.endsWith("wn") || f.endsWith("ne") || f.endsWith("un");
                if (looksParticiple == participle) {
                    return f;
                }
            }
            return forms.get(0);
        }
        if (w.endsWith("e")) {
            return w + "d";
        }
        if (consonantY(w)) {
            return strip(w, "y", "ied");
        }
        return shortCvc(w) ? w + w.charAt(w.length() - 1) + "ed" : w + "ed";
    }

    private static String ing(String w) {
        if (w.endsWith("ie")) {
            return strip(w, "ie", "ying");
        }
        if (w.endsWith("e") && !w.endsWith("ee") && !w.endsWith("ye") && !w.endsWith("oe") && w.length() > 2) {
            return strip(w, "e", "ing");
        }
        return shortCvc(w) ? w + w.charAt(w.length() - 1) + "ing" : w + "ing";
    }

    private static boolean sibilant(String w) {
        return w.endsWith("s") || w.endsWith("x") || w.endsWith("z") || w.endsWith("ch") || w.endsWith("sh");
    }

    private static boolean vowel(char c) {
        return "aeiou".indexOf(c) >= 0;
    }

    private static boolean consonantY(String w) {
        return w.length() > 1 && w.endsWith("y") && !vowel(w.charAt(w.length() - 2));
    }

    /** Short consonant-vowel-consonant verbs double their last letter: stop → stopped, run → running. */
    private static boolean shortCvc(String w) {
        int n = w.length();
        return n >= 3
                && n <= 4
                && !vowel(w.charAt(n - 1))
                && "wxy".indexOf(w.charAt(n - 1)) < 0
                && vowel(w.charAt(n - 2))
                && !vowel(w.charAt(n - 3));
    }
}

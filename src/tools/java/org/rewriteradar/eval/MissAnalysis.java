package org.rewriteradar.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rewriteradar.eval.EvalData.Article;
import org.rewriteradar.eval.EvalData.LabelledSet;
import org.rewriteradar.eval.EvalData.Pair;
import org.rewriteradar.similarity.ArticleFingerprint;
import org.rewriteradar.similarity.Detection;
import org.rewriteradar.similarity.DetectionSettings;
import org.rewriteradar.similarity.Feature;
import org.rewriteradar.similarity.InMemoryCandidateIndex;
import org.rewriteradar.similarity.PairFeatures;
import org.rewriteradar.similarity.RewriteEngine;
import org.rewriteradar.similarity.StoryCoverage;
import org.rewriteradar.text.AnalyzedText;
import org.rewriteradar.text.TextAnalyzer;

/**
 * Error analysis of the engine's pair mode on development sets: every missed must-alert pair and every
 * false alert, with lengths, shared 5-grams and the engine's signals, the misses sorted into categories
 * ({@link Category}) with counts. It also writes one row per labelled pair (engine features plus
 * exploratory measures the engine does not compute) as a TSV for cross-validated feature selection.
 *
 * <p>{@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.rewriteradar.eval.MissAnalysis -Dexec.args="target/pairs.tsv ../shared/data/meter"}
 * (development sets only; {@code -Deval.settings=...} as {@link Evaluate} takes them; {@code -Dmiss.list=false}
 * prints the counts only).
 */
public final class MissAnalysis {

    /** Why a must-alert pair was missed, first that applies. */
    enum Category {
        /** The score passes but the cheap gate rejected the pair before scoring. */
        GATED,
        /** No shared word 5-gram and at most {@link #SHORT_WORDS} words: a tabloid condensation. */
        CONDENSED_NO_5GRAM,
        /** No shared word 5-gram, longer: rewritten throughout. */
        REWORDED_NO_5GRAM,
        /** Every shared 5-gram lies in the candidate's quotations: only quotes reused. */
        QUOTES_ONLY,
        /** Some narrative 5-grams reused, under a quarter of the smaller text's 5-grams. */
        PARTIAL_REUSE,
        /** At least a quarter of the 5-grams shared, yet scored below the threshold. */
        HEAVY_REUSE_LOW_SCORE
    }

    static final int SHORT_WORDS = 120;

    private static final Pattern METER_STORY = Pattern.compile("meter-(?:pa|np)-([a-z]+-\\d+)-");

    private MissAnalysis() {}

    /** One pair's exploratory measures from the two analysed texts. */
    record Extra(
            int wordsO,
            int wordsC,
            int shared5,
            int shared5Narrative,
            double cov3n,
            double cov4n,
            double bigramContent,
            double entity,
            double lead,
            double leadO,
            double quoteTokenShare) {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        boolean list = Boolean.parseBoolean(System.getProperty("miss.list", "true"));
        DetectionSettings settings =
                Evaluate.overridden(DetectionSettings.defaults(), System.getProperty("eval.settings", ""));
        RewriteEngine engine = new RewriteEngine(settings);
        TextAnalyzer analyzer = new TextAnalyzer();
        double threshold = settings.weights().alertThreshold();
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            StringBuilder head = new StringBuilder("set\tstory\toriginal\tcandidate\tlabel\tclass\tscore\talerted");
            for (Feature f : Feature.ALL) {
                head.append('\t').append(f.key());
            }
            head.append(
                    "\tj5\twordsO\twordsC\tshared5\tshared5n\tcov3n\tcov4n\tbigramContent\tentity\tlead\tleadO\tquoteShare"
                            + "\tc5Cand\tc5Story\tstoryBest\tn5Story\tn5StoryTop\tn5StoryTop2");
            w.println(head);
            for (Path folder : EvalData.expand(List.of(args).subList(1, args.length))) {
                LabelledSet set = EvalData.load(folder, folder.getFileName().toString());
                Map<String, ArticleFingerprint> fps = new HashMap<>();
                Map<String, AnalyzedText> texts = new HashMap<>();
                for (Article a : set.articles()) {
                    ArticleFingerprint fp = engine.fingerprint(a.id(), a.title(), a.body());
                    fps.put(a.id(), fp);
                }
                Map<String, String> notes = notes(folder);
                Map<String, Set<String>> retrieved = retrieved(engine, set, fps);
                Map<String, Integer> position = new HashMap<>();
                for (Article a : set.articles()) {
                    position.put(a.id(), position.size());
                }
                Map<Category, Integer> counts = new TreeMap<>();
                Map<String, Integer> byClass = new TreeMap<>();
                List<String> missLines = new ArrayList<>();
                List<String> falseLines = new ArrayList<>();
                int must = 0;
                int neg = 0;
                for (Pair p : set.pairs()) {
                    if (p.label().equals("REVISED")) {
                        continue;
                    }
                    ArticleFingerprint o = fps.get(p.original());
                    ArticleFingerprint c = fps.get(p.candidate());
                    if (o == null || c == null || o.tokens() == 0 || c.tokens() == 0) {
                        continue;
                    }
                    AnalyzedText ta = texts.computeIfAbsent(o.id(), k -> analyzer.analyze(o.text()));
                    AnalyzedText tb = texts.computeIfAbsent(c.id(), k -> analyzer.analyze(c.text()));
                    PairFeatures f = engine.features(o, c);
                    double score = engine.score(f);
                    Optional<Detection> d = engine.compare(o, c);
                    Extra x = extra(ta, tb);
                    String cls = derivation(notes.get(p.original() + " " + p.candidate()));
                    String story = story(set.name(), p);
                    StringBuilder row = new StringBuilder();
                    row.append(set.name())
                            .append('\t')
                            .append(story)
                            .append('\t')
                            .append(p.original())
                            .append('\t')
                            .append(p.candidate())
                            .append('\t')
                            .append(p.label())
                            .append('\t')
                            .append(cls)
                            .append('\t')
                            .append(fmt(score))
                            .append('\t')
                            .append(d.isPresent() ? 1 : 0);
                    for (double v : f.vector()) {
                        row.append('\t').append(fmt(v));
                    }
                    row.append('\t').append(fmt(f.j5()));
                    row.append('\t')
                            .append(x.wordsO())
                            .append('\t')
                            .append(x.wordsC())
                            .append('\t')
                            .append(x.shared5())
                            .append('\t')
                            .append(x.shared5Narrative());
                    for (double v : new double[] {
                        x.cov3n(), x.cov4n(), x.bigramContent(), x.entity(), x.lead(), x.leadO(), x.quoteTokenShare()
                    }) {
                        row.append('\t').append(fmt(v));
                    }
                    double[] storyC5 = storyContainment(engine, o, c, set.articles(), position, fps, null);
                    Set<String> top = retrieved.getOrDefault(c.id(), Set.of());
                    double[] storyTopAll = top.contains(o.id())
                            ? storyContainment(engine, o, c, set.articles(), position, fps, top)
                            : new double[] {0, 0, 0, 0, 0};
                    double storyTop = storyTopAll[3];
                    double storyTop2 = storyTopAll[4] >= 2 ? storyTop : 0;
                    row.append('\t')
                            .append(fmt(storyC5[0]))
                            .append('\t')
                            .append(fmt(storyC5[1]))
                            .append('\t')
                            .append((int) storyC5[2])
                            .append('\t')
                            .append(fmt(storyC5[3]))
                            .append('\t')
                            .append(fmt(storyTop))
                            .append('\t')
                            .append(fmt(storyTop2));
                    w.println(row);
                    String desc = String.format(
                            Locale.ROOT,
                            "%s -> %s [%s] words %d->%d shared5=%d (narrative %d) score=%.3f c5=%.3f unigram=%.3f"
                                    + " alignC=%.3f alignO=%.3f sentC=%.3f sentO=%.3f skel=%.3f cov3n=%.3f"
                                    + " entity=%.3f lead=%.3f quoteShare=%.3f",
                            p.original(),
                            p.candidate(),
                            cls,
                            x.wordsO(),
                            x.wordsC(),
                            x.shared5(),
                            x.shared5Narrative(),
                            score,
                            f.c5(),
                            f.unigram(),
                            f.alignCandidate(),
                            f.alignOriginal(),
                            f.sentenceCandidate(),
                            f.sentenceOriginal(),
                            f.skeleton(),
                            x.cov3n(),
                            x.entity(),
                            x.lead(),
                            x.quoteTokenShare());
                    if (EvalData.MUST_ALERT.contains(p.label())) {
                        must++;
                        if (d.isEmpty()) {
                            Category cat = categorise(f, x, score, threshold);
                            counts.merge(cat, 1, Integer::sum);
                            byClass.merge(cat + " / " + cls, 1, Integer::sum);
                            missLines.add("MISS " + cat + " " + (score >= 0.3 ? "near " : "") + desc);
                        }
                    } else {
                        neg++;
                        if (d.isPresent()) {
                            falseLines.add("FALSE_ALERT " + d.get().kind() + " " + desc + " why: " + why(settings, f));
                        }
                    }
                }
                System.out.printf(
                        Locale.ROOT,
                        "%n=== %s: %d must-alert pairs, %d missed; %d negatives, %d false alerts%n",
                        set.name(),
                        must,
                        missLines.size(),
                        neg,
                        falseLines.size());
                counts.forEach((k, v) -> System.out.printf(Locale.ROOT, "MISSES %s %s %d%n", set.name(), k, v));
                byClass.forEach(
                        (k, v) -> System.out.printf(Locale.ROOT, "MISSES_BY_CLASS %s %s %d%n", set.name(), k, v));
                if (list) {
                    missLines.forEach(System.out::println);
                }
                falseLines.forEach(System.out::println);
                streamGap(engine, set, fps, list);
            }
        }
    }

    /**
     * Why pairs that alert in pair mode are lost in stream mode: the set replayed in {@code publishedAt} order
     * through an {@link InMemoryCandidateIndex} with the engine's keys; for each such pair, whether its
     * original shares no key with the candidate ({@code NO_SHARED_KEY}), shares keys but ranks below the
     * {@code maxCandidates} places ({@code RANKED_OUT}, with its rank), or is among them ({@code RETRIEVED}).
     */
    static void streamGap(RewriteEngine engine, LabelledSet set, Map<String, ArticleFingerprint> fps, boolean list) {
        Map<String, List<Pair>> byCandidate = new HashMap<>();
        for (Pair p : set.pairs()) {
            if (EvalData.MUST_ALERT.contains(p.label()) && !p.label().equals("REVISED")) {
                byCandidate
                        .computeIfAbsent(p.candidate(), k -> new ArrayList<>())
                        .add(p);
            }
        }
        int places = engine.settings().candidates().maxCandidates();
        InMemoryCandidateIndex index =
                InMemoryCandidateIndex.of(engine.settings().candidates());
        Map<String, Integer> counts = new TreeMap<>();
        for (Article a : set.articles()) {
            ArticleFingerprint fp = fps.get(a.id());
            long[] keys = engine.candidateKeys(fp);
            for (Pair p : byCandidate.getOrDefault(a.id(), List.of())) {
                ArticleFingerprint o = fps.get(p.original());
                if (o == null || engine.compare(o, fp).isEmpty()) {
                    continue;
                }
                List<String> all = index.candidates(keys, Integer.MAX_VALUE, a.id(), engine.minSharedKeys(keys));
                int rank = all.indexOf(p.original());
                String why = rank < 0 ? "NO_SHARED_KEY" : rank < places ? "RETRIEVED" : "RANKED_OUT";
                counts.merge(why, 1, Integer::sum);
                if (list && rank != 0 && !why.equals("RETRIEVED")) {
                    System.out.printf(
                            Locale.ROOT,
                            "STREAM_GAP %s rank=%d of %d %s -> %s%n",
                            why,
                            rank,
                            all.size(),
                            p.original(),
                            p.candidate());
                }
            }
            index.put(fp, keys);
        }
        counts.forEach((k, v) -> System.out.printf(Locale.ROOT, "STREAM_GAP_COUNT %s %s %d%n", set.name(), k, v));
    }

    static Category categorise(PairFeatures f, Extra x, double score, double threshold) {
        if (score >= threshold) {
            return Category.GATED;
        }
        if (x.shared5() == 0) {
            return x.wordsC() <= SHORT_WORDS ? Category.CONDENSED_NO_5GRAM : Category.REWORDED_NO_5GRAM;
        }
        if (x.shared5Narrative() == 0) {
            return Category.QUOTES_ONLY;
        }
        return f.c5() < 0.25 ? Category.PARTIAL_REUSE : Category.HEAVY_REUSE_LOW_SCORE;
    }

    /** The three features contributing most to the score (weight times value), and the bias. */
    static String why(DetectionSettings s, PairFeatures f) {
        List<String> parts = new ArrayList<>();
        Feature.ALL.stream()
                .sorted((a, b) -> Double.compare(
                        s.weights().weight(b) * b.of(f), s.weights().weight(a) * a.of(f)))
                .limit(4)
                .forEach(x -> parts.add(String.format(
                        Locale.ROOT, "%s %.2f×%.3f", x.key(), s.weights().weight(x), x.of(f))));
        return String.join(", ", parts)
                + String.format(Locale.ROOT, " (bias %.2f)", s.weights().bias());
    }

    /**
     * The candidate's 5-shingles found in the original, as a share of the candidate's, and the same share
     * found in the original or in any earlier article of the original's source that on its own holds more
     * than {@code stories.member-min} of them: the wire's other versions of the story (METER's first copy,
     * substitutes, night leads), treated as one text. METER judges a story derived against all the wire's
     * copy on it, not the one version it is paired with. Third: 1 when no such article holds more of the
     * candidate's shingles than the original (the pair a story-level alert would name), else 0. Fourth: the
     * second for the candidate's narrative (non-quote) shingles only. Fifth: the versions united (the original
     * and the others holding more than {@code stories.member-min}); a story alert needs two by default
     * ({@code n5StoryTop2}: {@code n5StoryTop} where they are at least two, else 0). With {@code only}, the other articles are
     * taken from it alone (the candidates the stream retrieves).
     */
    static double[] storyContainment(
            RewriteEngine engine,
            ArticleFingerprint o,
            ArticleFingerprint c,
            List<Article> articles,
            Map<String, Integer> position,
            Map<String, ArticleFingerprint> fps,
            Set<String> only) {
        int[] sc = c.shingles();
        if (sc.length == 0) {
            return new double[] {0, 0, 1, 0, 1};
        }
        double memberMin = engine.settings().stories().memberMin();
        StoryCoverage own = engine.storyCoverage(c, o);
        long[] found = own.found().clone();
        boolean best = true;
        int versions = 1;
        String source = articles.get(position.get(o.id())).source();
        int end = position.getOrDefault(c.id(), 0);
        if (source != null) {
            for (int i = 0; i < end; i++) {
                Article v = articles.get(i);
                if (v.id().equals(o.id()) || !source.equals(v.source()) || (only != null && !only.contains(v.id()))) {
                    continue;
                }
                StoryCoverage theirs = engine.storyCoverage(c, fps.get(v.id()));
                best &= theirs.shared() <= own.shared();
                if (theirs.shared() > memberMin * sc.length) {
                    versions++;
                    for (int w = 0; w < found.length; w++) {
                        found[w] |= theirs.found()[w];
                    }
                }
            }
        }
        int union = 0;
        for (long w : found) {
            union += Long.bitCount(w);
        }
        return new double[] {
            (double) own.shared() / sc.length,
            (double) union / sc.length,
            best ? 1 : 0,
            engine.storyShare(c, found),
            versions
        };
    }

    /** Each article's candidates as the stream finds them: the set replayed in order through the index. */
    static Map<String, Set<String>> retrieved(
            RewriteEngine engine, LabelledSet set, Map<String, ArticleFingerprint> fps) {
        InMemoryCandidateIndex index =
                InMemoryCandidateIndex.of(engine.settings().candidates());
        int places = engine.settings().candidates().maxCandidates();
        Map<String, Set<String>> out = new HashMap<>();
        for (Article a : set.articles()) {
            ArticleFingerprint fp = fps.get(a.id());
            long[] keys = engine.candidateKeys(fp);
            out.put(a.id(), new HashSet<>(index.candidates(keys, places, a.id(), engine.minSharedKeys(keys))));
            index.put(fp, keys);
        }
        return out;
    }

    /** Each pair's note by "original candidate". */
    static Map<String, String> notes(Path folder) throws IOException {
        Map<String, String> out = new HashMap<>();
        Path pf = folder.resolve("pairs.jsonl");
        if (!Files.exists(pf)) {
            return out;
        }
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String l : Files.readAllLines(pf, StandardCharsets.UTF_8)) {
            if (!l.isBlank()) {
                var n = json.readTree(l);
                out.put(
                        n.path("original").asText() + " " + n.path("candidate").asText(),
                        n.path("note").asText(""));
            }
        }
        return out;
    }

    static String derivation(String note) {
        if (note == null) {
            return "-";
        }
        for (String c : new String[] {"wholly-derived", "partially-derived", "non-derived"}) {
            if (note.contains(c)) {
                return c;
            }
        }
        return "-";
    }

    static String story(String set, Pair p) {
        Matcher m = METER_STORY.matcher(p.original());
        return m.find() ? m.group(1) : set + ":" + p.original();
    }

    /** Exploratory measures of candidate {@code b} against original {@code a}. */
    static Extra extra(AnalyzedText a, AnalyzedText b) {
        int na = a.size();
        int nb = b.size();
        // all-token n-grams of the original
        Set<Long> a5 = grams(a, 5);
        Set<Long> a3 = grams(a, 3);
        Set<Long> a4 = grams(a, 4);
        Set<Long> b5 = new HashSet<>();
        Set<Long> b5n = new HashSet<>();
        int shared5 = 0;
        int shared5n = 0;
        boolean[] cov3 = new boolean[nb];
        boolean[] cov4 = new boolean[nb];
        for (int i = 0; i + 5 <= nb; i++) {
            long h = hash(b.terms(), i, 5);
            if (b5.add(h) && a5.contains(h)) {
                shared5++;
                if (narrative(b, i, 5) && b5n.add(h)) {
                    shared5n++;
                }
            }
        }
        mark(a3, b, 3, cov3);
        mark(a4, b, 4, cov4);
        int narr = 0;
        int c3 = 0;
        int c4 = 0;
        int quoteTok = 0;
        for (int i = 0; i < nb; i++) {
            if ((b.flags()[i] & AnalyzedText.QUOTE) != 0) {
                quoteTok++;
                continue;
            }
            narr++;
            c3 += cov3[i] ? 1 : 0;
            c4 += cov4[i] ? 1 : 0;
        }
        // content-word bigrams (function words skipped), candidate's found in the original
        Set<Long> ab = contentBigrams(a);
        Set<Long> bb = contentBigrams(b);
        int bbHit = 0;
        for (long h : bb) {
            bbHit += ab.contains(h) ? 1 : 0;
        }
        // names and numbers: candidate's distinct ones found among the original's
        Set<Integer> ae = entities(a);
        Set<Integer> be = entities(b);
        int eHit = 0;
        for (int t : be) {
            eHit += ae.contains(t) ? 1 : 0;
        }
        // lead: candidate's first sentence content stems found in the original's first two sentences
        Set<Integer> aLead = content(a, 0, Math.min(2, a.sentences()));
        Set<Integer> bLead = content(b, 0, Math.min(1, b.sentences()));
        int lHit = 0;
        for (int t : bLead) {
            lHit += aLead.contains(t) ? 1 : 0;
        }
        Set<Integer> aLead1 = content(a, 0, Math.min(1, a.sentences()));
        Set<Integer> bLead2 = content(b, 0, Math.min(2, b.sentences()));
        int lHitO = 0;
        for (int t : aLead1) {
            lHitO += bLead2.contains(t) ? 1 : 0;
        }
        return new Extra(
                na,
                nb,
                shared5,
                shared5n,
                narr == 0 ? 0 : (double) c3 / narr,
                narr == 0 ? 0 : (double) c4 / narr,
                bb.isEmpty() ? 0 : (double) bbHit / bb.size(),
                be.isEmpty() ? 0 : (double) eHit / be.size(),
                bLead.isEmpty() ? 0 : (double) lHit / bLead.size(),
                aLead1.isEmpty() ? 0 : (double) lHitO / aLead1.size(),
                nb == 0 ? 0 : (double) quoteTok / nb);
    }

    private static void mark(Set<Long> a, AnalyzedText b, int n, boolean[] cov) {
        for (int i = 0; i + n <= b.size(); i++) {
            if (narrative(b, i, n) && a.contains(hash(b.terms(), i, n))) {
                for (int k = i; k < i + n; k++) {
                    cov[k] = true;
                }
            }
        }
    }

    private static boolean narrative(AnalyzedText t, int from, int n) {
        for (int k = from; k < from + n; k++) {
            if ((t.flags()[k] & AnalyzedText.QUOTE) != 0) {
                return false;
            }
        }
        return true;
    }

    private static Set<Long> grams(AnalyzedText t, int n) {
        Set<Long> s = new HashSet<>();
        for (int i = 0; i + n <= t.size(); i++) {
            s.add(hash(t.terms(), i, n));
        }
        return s;
    }

    private static long hash(int[] terms, int from, int n) {
        long h = n;
        for (int k = from; k < from + n; k++) {
            h = h * 0x9E3779B97F4A7C15L + terms[k];
            h ^= h >>> 29;
        }
        return h;
    }

    private static Set<Long> contentBigrams(AnalyzedText t) {
        Set<Long> s = new HashSet<>();
        int prev = 0;
        boolean has = false;
        for (int i = 0; i < t.size(); i++) {
            if ((t.flags()[i] & AnalyzedText.FUNCTION) != 0) {
                continue;
            }
            if (has) {
                s.add(((long) prev << 32) ^ (t.terms()[i] & 0xffffffffL));
            }
            prev = t.terms()[i];
            has = true;
        }
        return s;
    }

    private static Set<Integer> entities(AnalyzedText t) {
        Set<Integer> s = new HashSet<>();
        for (int i = 0; i < t.size(); i++) {
            if ((t.flags()[i] & (AnalyzedText.CAPITALISED | AnalyzedText.NUMBER)) != 0) {
                s.add(t.terms()[i]);
            }
        }
        return s;
    }

    private static Set<Integer> content(AnalyzedText t, int fromSentence, int toSentence) {
        Set<Integer> s = new HashSet<>();
        int[] ss = t.sentenceStarts();
        for (int k = fromSentence; k < toSentence; k++) {
            for (int i = ss[k]; i < ss[k + 1]; i++) {
                if ((t.flags()[i] & AnalyzedText.FUNCTION) == 0) {
                    s.add(t.terms()[i]);
                }
            }
        }
        return s;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}

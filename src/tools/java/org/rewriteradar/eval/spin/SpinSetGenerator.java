package org.rewriteradar.eval.spin;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.jsoup.Jsoup;

/**
 * Generates the labelled "spin" set: spun rewrites of real pool articles (SPUN_REWRITE) and, for each, an
 * UNRELATED pair against a random different earlier pool article, in the layout of
 * {@code shared/data/FORMAT.md}.
 *
 * <pre>
 * mvn -q -o test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.rewriteradar.eval.spin.SpinSetGenerator \
 *   -Dexec.args="--pool /work/shared/data/pool-bbc --out target/generated-sets/spin --count 400 --seed 20220127"
 * </pre>
 *
 * <p>Flags (defaults in brackets): {@code --pool DIR} (repeatable) [required]; {@code --out DIR}
 * [target/generated-sets/spin]; {@code --count N} spun rewrites [400]; {@code --unrelated N} unrelated pairs
 * [= count]; {@code --same-section P} share of unrelated originals drawn from the candidate's own section
 * [0.5]; {@code --distractors N} extra pool articles without pairs [100]; {@code --min-words N} shortest
 * source article [80]; {@code --seed S} [20220127]; {@code --wordnet DIR} WordNet files instead of the
 * class-path artifact; the spinner knobs {@code --sub-rate} [0.85], {@code --synsets} [2],
 * {@code --swap-rate} [0.15], {@code --delete-rate} [0.06], {@code --connector-rate} [0.08],
 * {@code --filler-rate} [0.08], {@code --furniture-rate} [0.5], {@code --html-rate} [0.25], {@code --min-synonym-count} [1] (see
 * {@link Spinner.Params#defaults()}).
 *
 * <p>Deterministic for a seed: pool articles are read in file order, shuffled with
 * {@code SplittableRandom(seed)}, and each spin draws from its own split of that generator, in order.
 */
public final class SpinSetGenerator {

    static final String SET_NAME = "spin";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Article(
            String id, String url, String source, String title, String body, Instant publishedAt, String language) {

        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("url", url);
            m.put("source", source);
            m.put("title", title);
            m.put("body", body);
            m.put("publishedAt", publishedAt.toString());
            m.put("language", language);
            return m;
        }
    }

    record Pair(String original, String candidate, String label, String note, double jaccard5) {}

    public static void main(String[] args) throws IOException {
        Map<String, List<String>> opts = parse(args);
        List<String> pools = opts.getOrDefault("pool", List.of());
        if (pools.isEmpty()) {
            throw new IllegalArgumentException("--pool DIR is required");
        }
        Path out = Paths.get(one(opts, "out", "target/generated-sets/spin"));
        int count = Integer.parseInt(one(opts, "count", "400"));
        int unrelated = Integer.parseInt(one(opts, "unrelated", String.valueOf(count)));
        double sameSection = Double.parseDouble(one(opts, "same-section", "0.5"));
        int distractors = Integer.parseInt(one(opts, "distractors", "100"));
        int minWords = Integer.parseInt(one(opts, "min-words", "80"));
        long seed = Long.parseLong(one(opts, "seed", "20220127"));
        Spinner.Params d = Spinner.Params.defaults();
        Spinner.Params params = new Spinner.Params(
                Double.parseDouble(one(opts, "sub-rate", String.valueOf(d.subRate()))),
                Integer.parseInt(one(opts, "synsets", String.valueOf(d.synsets()))),
                Double.parseDouble(one(opts, "swap-rate", String.valueOf(d.swapRate()))),
                Double.parseDouble(one(opts, "delete-rate", String.valueOf(d.deleteRate()))),
                Double.parseDouble(one(opts, "connector-rate", String.valueOf(d.connectorRate()))),
                Double.parseDouble(one(opts, "filler-rate", String.valueOf(d.fillerRate()))),
                Double.parseDouble(one(opts, "furniture-rate", String.valueOf(d.furnitureRate()))),
                Double.parseDouble(one(opts, "html-rate", String.valueOf(d.htmlRate()))),
                Integer.parseInt(one(opts, "min-synonym-count", String.valueOf(d.minSynonymCount()))));
        String wnDir = one(opts, "wordnet", null);
        for (String p : pools) {
            if (p.contains("holdout")) {
                throw new IllegalArgumentException("refusing to read a hold-out set: " + p);
            }
        }

        long t0 = System.nanoTime();
        WordNet wordNet = wnDir == null ? WordNet.fromClasspath() : WordNet.fromDirectory(Paths.get(wnDir));

        // ---- read the pools in file order; leave out articles inside the pool's own duplicate pairs
        List<Article> pool = new ArrayList<>();
        Set<String> inPairs = new HashSet<>();
        for (String p : pools) {
            Path dir = Paths.get(p);
            pool.addAll(readArticles(dir.resolve("articles.jsonl")));
            Path pairs = dir.resolve("pairs.jsonl");
            if (Files.exists(pairs)) {
                for (String line : Files.readAllLines(pairs, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        Map<?, ?> m = JSON.readValue(line, Map.class);
                        inPairs.add((String) m.get("original"));
                        inPairs.add((String) m.get("candidate"));
                    }
                }
            }
        }
        NameCounts names = new NameCounts();
        for (Article a : pool) {
            names.add(a.body());
        }
        List<Article> eligible = new ArrayList<>();
        for (Article a : pool) {
            if (!inPairs.contains(a.id()) && words(a.body()).size() >= minWords) {
                eligible.add(a);
            }
        }
        if (eligible.size() < count + distractors) {
            throw new IllegalArgumentException(
                    "pool too small: " + eligible.size() + " eligible articles for " + (count + distractors));
        }

        SplittableRandom master = new SplittableRandom(seed);
        List<Article> shuffled = new ArrayList<>(eligible);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            int j = master.nextInt(i + 1);
            Article t = shuffled.get(i);
            shuffled.set(i, shuffled.get(j));
            shuffled.set(j, t);
        }
        List<Article> sources = shuffled.subList(0, count);
        List<Article> extra = shuffled.subList(count, count + distractors);

        Spinner spinner = new Spinner(wordNet, names, params);
        Map<String, Article> articles = new LinkedHashMap<>();
        List<Pair> pairs = new ArrayList<>();
        List<Article> candidates = new ArrayList<>();
        Map<String, Article> sourceOf = new HashMap<>();
        long words = 0;
        long replaced = 0;
        int swaps = 0;
        int deleted = 0;
        int inserted = 0;
        int withFurniture = 0;
        int withHtml = 0;
        for (int i = 0; i < sources.size(); i++) {
            Article src = sources.get(i);
            SplittableRandom rnd = master.split();
            Spinner.Result r = spinner.spinArticle(src.title(), src.body(), rnd);
            String id = String.format(Locale.ROOT, "%s-%04d", SET_NAME, i + 1);
            Instant when = src.publishedAt().plus(60 + rnd.nextInt(72 * 60 - 60), ChronoUnit.MINUTES);
            Article cand = new Article(id, null, "Generated spin site", r.title(), r.body(), when, "en");
            double j = jaccard5(src.body(), plainText(cand.body()));
            String note = String.format(
                    Locale.ROOT,
                    "spin of %s: sub-rate=%.2f synsets=%d words_replaced=%d/%d sentence_swaps=%d deleted=%d"
                            + " inserted=%d furniture=%s html=%s seed=%d; jaccard5=%.3f",
                    src.id(),
                    params.subRate(),
                    params.synsets(),
                    r.replaced(),
                    r.words(),
                    r.swaps(),
                    r.deleted(),
                    r.inserted(),
                    r.furniture() ? "yes" : "no",
                    r.html() ? "yes" : "no",
                    seed,
                    j);
            articles.put(src.id(), src);
            candidates.add(cand);
            sourceOf.put(id, src);
            pairs.add(new Pair(src.id(), id, "SPUN_REWRITE", note, j));
            words += r.words();
            replaced += r.replaced();
            swaps += r.swaps();
            deleted += r.deleted();
            inserted += r.inserted();
            withFurniture += r.furniture() ? 1 : 0;
            withHtml += r.html() ? 1 : 0;
        }

        // ---- unrelated pairs: a spun article against a random different earlier pool article
        List<Pair> unrelatedPairs = new ArrayList<>();
        int sameSectionCount = 0;
        for (int k = 0; k < unrelated; k++) {
            Article cand = candidates.get(k % candidates.size());
            Article src = sourceOf.get(cand.id());
            boolean wantSame = master.nextDouble() < sameSection;
            List<Article> options = new ArrayList<>();
            for (Article a : eligible) {
                if (!a.id().equals(src.id())
                        && a.publishedAt().isBefore(cand.publishedAt())
                        && (!wantSame || section(a.id()).equals(section(src.id())))) {
                    options.add(a);
                }
            }
            if (options.isEmpty()) {
                continue;
            }
            Article orig = options.get(master.nextInt(options.size()));
            boolean same = section(orig.id()).equals(section(src.id()));
            sameSectionCount += same ? 1 : 0;
            double j = jaccard5(orig.body(), plainText(cand.body()));
            String note = String.format(
                    Locale.ROOT,
                    "unrelated: %s (spun from %s) against a random earlier pool article (%s); seed=%d; jaccard5=%.3f",
                    cand.id(),
                    src.id(),
                    same ? "same section" : "any section",
                    seed,
                    j);
            articles.put(orig.id(), orig);
            unrelatedPairs.add(new Pair(orig.id(), cand.id(), "UNRELATED", note, j));
        }
        int distractorCount = 0;
        for (Article a : extra) {
            if (articles.putIfAbsent(a.id(), a) == null) {
                distractorCount++;
            }
        }
        for (Article c : candidates) {
            if (articles.containsKey(c.id())) {
                throw new IllegalStateException("id clash: " + c.id());
            }
            articles.put(c.id(), c);
        }
        pairs.addAll(unrelatedPairs);

        // ---- write the set
        Files.createDirectories(out);
        List<Article> ordered = new ArrayList<>(articles.values());
        ordered.sort(Comparator.comparing(Article::publishedAt).thenComparing(Article::id));
        try (Writer w = Files.newBufferedWriter(out.resolve("articles.jsonl"), StandardCharsets.UTF_8)) {
            for (Article a : ordered) {
                w.write(JSON.writeValueAsString(a.toJson()));
                w.write('\n');
            }
        }
        try (Writer w = Files.newBufferedWriter(out.resolve("pairs.jsonl"), StandardCharsets.UTF_8)) {
            for (Pair p : pairs) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("original", p.original());
                m.put("candidate", p.candidate());
                m.put("label", p.label());
                m.put("origin", "generated");
                m.put("note", p.note());
                w.write(JSON.writeValueAsString(m));
                w.write('\n');
            }
        }

        double[] spun = pairs.stream()
                .filter(p -> p.label().equals("SPUN_REWRITE"))
                .mapToDouble(Pair::jaccard5)
                .sorted()
                .toArray();
        double[] unrel =
                unrelatedPairs.stream().mapToDouble(Pair::jaccard5).sorted().toArray();
        Stats s = new Stats(spun);
        Stats u = new Stats(unrel);
        String summary = String.format(
                Locale.ROOT,
                "SPUN_REWRITE %d pairs: jaccard5 median=%.3f p90=%.3f max=%.3f share>=0.5=%.3f%n"
                        + "UNRELATED %d pairs (%d same section): jaccard5 median=%.3f max=%.3f%n"
                        + "articles=%d (originals of rewrites %d, unrelated originals and distractors %d, spun %d);"
                        + " words replaced %.1f%%",
                spun.length,
                s.median,
                s.p90,
                s.max,
                s.shareAtLeastHalf,
                unrel.length,
                sameSectionCount,
                u.median,
                u.max,
                ordered.size(),
                sources.size(),
                ordered.size() - sources.size() - candidates.size(),
                candidates.size(),
                100.0 * replaced / Math.max(1, words));
        String sourceMd = sourceMd(
                pools,
                seed,
                count,
                unrelated,
                sameSection,
                distractors,
                minWords,
                params,
                wordNet,
                args,
                s,
                u,
                spun.length,
                unrel.length,
                sameSectionCount,
                ordered.size(),
                sources.size(),
                candidates.size(),
                distractorCount,
                words,
                replaced,
                swaps,
                deleted,
                inserted,
                withFurniture,
                withHtml);
        Files.writeString(out.resolve("SOURCE.md"), sourceMd, StandardCharsets.UTF_8);
        System.out.println(
                "spin set written to " + out.toAbsolutePath() + " in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        System.out.println(summary);
    }

    // ---------------------------------------------------------------- measures

    /** Words: maximal runs of letters/digits, lower-cased. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                int j = i;
                while (j < n && Character.isLetterOrDigit(text.charAt(j))) {
                    j++;
                }
                out.add(text.substring(i, j).toLowerCase(Locale.ROOT));
                i = j;
            } else {
                i++;
            }
        }
        return out;
    }

    static Set<String> shingles5(String text) {
        List<String> w = words(text);
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 5 <= w.size(); i++) {
            out.add(String.join(" ", w.subList(i, i + 5)));
        }
        return out;
    }

    /** Jaccard of the two texts' sets of lower-cased word 5-shingles. */
    static double jaccard5(String a, String b) {
        Set<String> sa = shingles5(a);
        Set<String> sb = shingles5(b);
        if (sa.isEmpty() && sb.isEmpty()) {
            return 0;
        }
        int inter = 0;
        for (String x : sa) {
            if (sb.contains(x)) {
                inter++;
            }
        }
        return inter / (double) (sa.size() + sb.size() - inter);
    }

    /** Text of a body as a reader sees it: HTML bodies have their tags stripped (jsoup), plain text is kept. */
    static String plainText(String body) {
        String t = body.stripLeading();
        if (t.startsWith("<!DOCTYPE") || t.startsWith("<html")) {
            return Jsoup.parse(body).text();
        }
        return body;
    }

    record Stats(double median, double p90, double max, double shareAtLeastHalf) {
        Stats(double[] sorted) {
            this(pct(sorted, 0.5), pct(sorted, 0.9), sorted.length == 0 ? 0 : sorted[sorted.length - 1], share(sorted));
        }

        private static double pct(double[] sorted, double q) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            if (q == 0.5 && sorted.length % 2 == 0) {
                return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
            }
            return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
        }

        private static double share(double[] sorted) {
            return sorted.length == 0
                    ? 0
                    : Arrays.stream(sorted).filter(x -> x >= 0.5).count() / (double) sorted.length;
        }
    }

    /** Counts of each word capitalised vs lower-case in running text; a word mostly capitalised is a name. */
    static final class NameCounts implements Spinner.NameStats {
        private final Map<String, int[]> counts = new HashMap<>();

        void add(String text) {
            List<String> raw = new ArrayList<>();
            List<Boolean> initial = new ArrayList<>();
            int i = 0;
            int n = text.length();
            boolean atStart = true;
            while (i < n) {
                char c = text.charAt(i);
                if (Character.isLetter(c)) {
                    int j = i;
                    while (j < n && Character.isLetter(text.charAt(j))) {
                        j++;
                    }
                    raw.add(text.substring(i, j));
                    initial.add(atStart);
                    atStart = false;
                    i = j;
                } else {
                    if (c == '.' || c == '!' || c == '?' || c == '"' || c == '“' || c == ':' || c == '\n') {
                        atStart = true;
                    } else if (!Character.isWhitespace(c)) {
                        atStart = atStart && !Character.isDigit(c);
                    }
                    i++;
                }
            }
            for (int k = 0; k < raw.size(); k++) {
                if (initial.get(k)) {
                    continue;
                }
                String w = raw.get(k);
                int[] cnt = counts.computeIfAbsent(w.toLowerCase(Locale.ROOT), x -> new int[2]);
                cnt[Character.isUpperCase(w.charAt(0)) ? 1 : 0]++;
            }
        }

        @Override
        public boolean isName(String capitalised) {
            int[] cnt = counts.get(capitalised.toLowerCase(Locale.ROOT));
            return cnt != null && cnt[1] > cnt[0];
        }
    }

    // ---------------------------------------------------------------- helpers

    static String section(String id) {
        // pool-bbc-<section>-<nnn>; other pools: one section
        String[] parts = id.split("-");
        return parts.length >= 4 && parts[0].equals("pool") ? parts[1] + "-" + parts[2] : parts[0];
    }

    static List<Article> readArticles(Path file) throws IOException {
        List<Article> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                Map<?, ?> m = JSON.readValue(line, Map.class);
                out.add(new Article(
                        (String) m.get("id"),
                        (String) m.get("url"),
                        (String) m.get("source"),
                        (String) m.get("title"),
                        (String) m.get("body"),
                        Instant.parse((String) m.get("publishedAt")),
                        (String) m.get("language")));
            }
        }
        return out;
    }

    private static Map<String, List<String>> parse(String[] args) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --flag value, got " + args[i]);
            }
            m.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[++i]);
        }
        return m;
    }

    private static String one(Map<String, List<String>> opts, String key, String dflt) {
        List<String> v = opts.get(key);
        return v == null ? dflt : v.get(v.size() - 1);
    }

    private static String sourceMd(
            List<String> pools,
            long seed,
            int count,
            int unrelated,
            double sameSection,
            int distractors,
            int minWords,
            Spinner.Params p,
            WordNet wn,
            String[] args,
            Stats s,
            Stats u,
            int spunPairs,
            int unrelatedPairs,
            int sameSectionCount,
            int articleCount,
            int sourceCount,
            int candidateCount,
            int distractorCount,
            long words,
            long replaced,
            int swaps,
            int deleted,
            int inserted,
            int withFurniture,
            int withHtml) {
        String f = "%.3f";
        return "# spin — generated spun rewrites of pool articles\n\n"
                + "**What**: spun rewrites (`SPUN_REWRITE`) of real news articles, made the way commercial article"
                + " spinners (SpinBot, SpinnerChief) make them, and `UNRELATED` pairs (a spun article against a"
                + " random different earlier pool article) to measure false alerts on ordinary news. No public"
                + " spinner corpus could be had, so the rewrites are generated; the canonical real example is"
                + " `shared/seeds` (\"military alliance\" → \"navy alliance\", \"told reporters\" → \"instructed"
                + " journalists\").\n\n"
                + "**Generator**: `org.rewriteradar.eval.spin.SpinSetGenerator` (repository, `src/test/java`), run"
                + " as\n\n    mvn -q -o test-compile exec:java -Dexec.classpathScope=test"
                + " -Dexec.mainClass=org.rewriteradar.eval.spin.SpinSetGenerator -Dexec.args=\""
                + String.join(" ", args) + "\"\n\n"
                + "Seed **" + seed + "**; deterministic for a seed (SplittableRandom; pool read in file order,"
                + " shuffled with the seed, one split of the generator per spun article).\n\n"
                + "**Source texts**: " + String.join(", ", pools) + " (`articles.jsonl`; see that set's SOURCE.md for"
                + " origin and licence: research use only, keep out of the repository). Articles that take part"
                + " in the pool's own duplicate pairs, and articles under " + minWords + " words, are left out."
                + " Originals keep their pool ids and `publishedAt`; candidates are `" + SET_NAME
                + "-NNNN`, published 1–72 h after their original, with `source` \"Generated spin site\" and"
                + " `url` null.\n\n"
                + "**Thesaurus**: " + wn.description() + ". WordNet 3.1 © 2011 Princeton University, under the"
                + " WordNet licence (permission to use, copy, modify and distribute for any purpose without fee,"
                + " provided the copyright notice is kept; https://wordnet.princeton.edu/license-and-commercial-use)."
                + " Read by the generator's own small reader (`WordNet.java`): index, data, exception lists and"
                + " `cntlist.rev` tag counts.\n\n"
                + "## What the spinner does\n\n"
                + "1. **Synonym substitution**, context-free, like a commercial spinner: each replaceable word (or"
                + " multiword WordNet lemma of 2–3 words, e.g. \"prime minister\") is replaced with probability"
                + " `--sub-rate` " + p.subRate() + " by another lower-case lemma of one of its first `--synsets` "
                + p.synsets() + " synsets in the guessed part of speech. The part of speech is guessed from"
                + " WordNet's index (which parts of speech know the word, after WordNet-style morphology:"
                + " exception lists plus suffix rules), weighted by WordNet tag counts and the neighbouring"
                + " words (after \"to\"/modals: verb; after a determiner: noun/adjective). Synonyms are weighted"
                + " by how common they are (sqrt of 1 + tag count) and by sense rank (0.6^rank); never-tagged"
                + " lemmas are used only when nothing tagged exists, and not at all while `--min-synonym-count` "
                + p.minSynonymCount() + " ≥ 1. The synonym gets the replaced word's"
                + " inflection (plural, -s, past/participle, -ing; WordNet's irregular forms, else suffix rules)"
                + " and capitalisation.\n"
                + "   **Kept verbatim**: quotations (“…” and \"…\"; an unclosed quote to the end of its"
                + " paragraph), capitalised words other than a sentence's first (names), a sentence's first word"
                + " when it is mostly capitalised in the pool or a proper noun in WordNet, acronyms, anything with"
                + " a digit, words under 3 letters, function words, number and day/month words, parts of"
                + " hyphenated compounds and contractions.\n"
                + "2. **Sentence reordering** (mild): inside a paragraph an adjacent pair of sentences is swapped"
                + " with probability `--swap-rate` " + p.swapRate() + " (never the article's lead sentence).\n"
                + "3. **Deletions**: a sentence is dropped with probability `--delete-rate` " + p.deleteRate()
                + " (never the lead, never one with a quotation).\n"
                + "4. **Insertions**: a sentence starts with a connective (\"Moreover, \", \"In addition, \", …)"
                + " with probability `--connector-rate` " + p.connectorRate() + "; a paragraph gets a generic"
                + " filler sentence with probability `--filler-rate` " + p.fillerRate() + ".\n"
                + "5. **Furniture**: with probability `--furniture-rate` " + p.furnitureRate() + " a header line"
                + " (\"Share this article\", …) and 1–3 footer lines (\"Exit mobile version\", …).\n"
                + "6. **HTML wrapping**: with probability `--html-rate` " + p.htmlRate() + " the body is an HTML"
                + " page (`<html>`, title in `<title>` and `<h1>`, one `<p>` per paragraph, furniture in"
                + " nav/footer elements).\n"
                + "The title is spun by substitution too.\n\n"
                + "**Unrelated pairs**: " + unrelated + " requested, one per spun article in order; the original is a"
                + " random pool article other than the candidate's own source, published before the candidate,"
                + " from the same section with probability " + sameSection + " (" + sameSectionCount + " of "
                + unrelatedPairs + " are same-section). **Distractors**: " + distractorCount + " further pool"
                + " articles without pairs (" + distractors + " drawn).\n\n"
                + "## Counts\n\n"
                + "| label | pairs |\n| --- | ---: |\n"
                + "| SPUN_REWRITE | " + spunPairs + " |\n"
                + "| UNRELATED | " + unrelatedPairs + " |\n\n"
                + "Articles: " + articleCount + " (" + sourceCount + " originals of rewrites, " + candidateCount
                + " spun candidates, " + (articleCount - sourceCount - candidateCount)
                + " other pool articles: unrelated originals and distractors).\n\n"
                + "Edits over all spun articles: " + replaced + " of " + words + " words replaced ("
                + String.format(Locale.ROOT, "%.1f", 100.0 * replaced / Math.max(1, words)) + "%), " + swaps
                + " sentence swaps, " + deleted + " sentences deleted, " + inserted + " insertions, "
                + withFurniture + " articles with furniture, " + withHtml + " HTML-wrapped (count " + count + ").\n\n"
                + "## Measured Jaccard5\n\n"
                + "Jaccard over the sets of lower-cased word 5-shingles (words = maximal runs of letters/digits) of"
                + " the original body and the candidate body (HTML bodies as text, tags stripped with jsoup;"
                + " furniture and insertions included; titles not included).\n\n"
                + "| pairs | median | p90 | max | share ≥ 0.5 |\n| --- | ---: | ---: | ---: | ---: |\n"
                + "| SPUN_REWRITE | " + String.format(Locale.ROOT, f, s.median) + " | "
                + String.format(Locale.ROOT, f, s.p90) + " | " + String.format(Locale.ROOT, f, s.max) + " | "
                + String.format(Locale.ROOT, f, s.shareAtLeastHalf) + " |\n"
                + "| UNRELATED | " + String.format(Locale.ROOT, f, u.median) + " | "
                + String.format(Locale.ROOT, f, u.p90) + " | " + String.format(Locale.ROOT, f, u.max) + " | "
                + String.format(Locale.ROOT, f, u.shareAtLeastHalf) + " |\n\n"
                + "Each pair's `note` carries its parameters and its own jaccard5.\n";
    }
}

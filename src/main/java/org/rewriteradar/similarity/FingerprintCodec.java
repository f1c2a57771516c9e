package org.rewriteradar.similarity;

import java.nio.charset.StandardCharsets;
import org.rewriteradar.similarity.BinaryCodec.In;
import org.rewriteradar.similarity.BinaryCodec.Out;

/**
 * Compact, versioned binary form of an {@link ArticleFingerprint} for state stores and repartition
 * topics. Writes version 5; reads versions 5, 4, 3 and 2; refuses any other ({@code unsupported fingerprint
 * format version N}) and malformed or truncated input ({@link IllegalArgumentException}).
 *
 * <p>Version 5: a byte part ({@link BinaryCodec}'s varints), then a bit part ({@link BitCodec}: most
 * significant bit first, the last byte padded with zero bits, nothing after it).
 *
 * <ol>
 *   <li>magic {@code 'F'}, version {@code 5};
 *   <li>{@code id} as a nullable string (UTF-8 length + 1, 0 = null, then the bytes);
 *   <li>{@code textHash}, 8 bytes big-endian; {@code tokens}, varint;
 *   <li>text header, varlong: 0 = null text, else {@code 2 × (UTF-8 length + 1) + coding}; coding 0 =
 *       raw UTF-8, 1 = Zstandard with the phrase dictionary of {@link TextDictionary} (written when shorter);
 *   <li>counts, varints: {@code contentTerms}, {@code shingles}, {@code skeleton}, sentences, {@code keys};
 *   <li>the text: its UTF-8 bytes if raw, else its code's length (varint) and the code;
 *   <li>bits: each packed set that is not empty as a Rice parameter {@code k}
 *       (5 bits), its first value's unsigned order as 32 bits (values are mapped to their unsigned order, {@code
 *       u = (v ^ 0x8000_0000)} as an unsigned 32-bit number, so the ascending order of Java ints is kept),
 *       and the Golomb–Rice codes of the gaps after it, {@code u[i] - u[i - 1] - 1}; if there are sentences, a
 *       {@code k} and the Rice codes of each sentence's number of terms, then, if there are terms, a
 *       {@code k} and, per sentence, the Rice codes of {@code t[j] - t[j - 1] - 1} ({@code t[-1] = -1});
 *       each key as 64 bits. Every {@code k} is {@link BitCodec#riceParameter} of the block's sum and
 *       count (14 for a set of 100 hashes of {@link PackedHashes#BITS} bits, each of which then takes about
 *       16 bits; 25 and 27 for the 31-bit hashes of version 3).
 * </ol>
 *
 * <p>Version 4 (read only) is version 5 with coding 1 the static Huffman code of {@link TextCode}, its codes
 * at the start of the bit part (nothing for the text in the byte part). Zstandard with a dictionary codes
 * English news text in about 0.43 of its UTF-8 bytes where that code took 0.58.
 *
 * <p>Version 3 (read only) is version 4 with each set's first value coded as a gap from {@code u[-1] = -1},
 * and packed sets of 31-bit hashes: they are read at today's width ({@link PackedHashes}: items cut, those
 * that then coincide merged, sentence terms moved to the merged content terms), so a fingerprint stored by
 * version 3 compares exactly as the same text fingerprinted today.
 *
 * Sets must be ascending and distinct (as Java ints); sentence offsets must start at 0, not decrease and
 * end at the length of {@code sentenceTerms}, whose terms ascend within each sentence from 0 (encoding
 * refuses other input). Null arrays are written as empty ones; no sentences read back as offsets
 * {@code [0]}.
 *
 * <p>Version 2 (read only): magic, version, id and text as nullable strings, {@code textHash} (8 bytes),
 * {@code tokens} (varint), the three sets as count + first value (zig-zag varint) + ascending gaps
 * (varints), the sentences as count, per-sentence lengths and index gaps (varints), and the keys as count +
 * first (zig-zag varlong) + unsigned gaps (varlongs), packed sets narrowed as for version 3. Version 2
 * hashed shingles and skeleton n-grams with {@link Mix#windows} (version 1 chained a mix per token): state
 * written by version 1 is refused and must be rebuilt (reset the application's state and replay the input
 * topic).
 */
public final class FingerprintCodec {

    /** Format version written. */
    public static final int VERSION = 5;

    /** The older format versions still read. */
    private static final int V4 = 4;

    private static final int V3 = 3;

    private static final int V2 = 2;

    private static final int MAGIC = 'F';

    private static final int[] NO_INTS = {};

    private static final long[] NO_LONGS = {};

    private static final long MAX_UNSIGNED_INT = 0xFFFF_FFFFL;

    /** Most bytes of the varint before a blob, its length: a code must save more than these to be used. */
    private static final int MAX_LENGTH_BYTES = 5;

    /** Most UTF-8 bytes of text per byte of its code (plus one): a longer text is written raw. */
    private static final long MAX_CODE_RATIO = 256;

    private FingerprintCodec() {}

    public static byte[] encode(ArticleFingerprint fp) {
        return encode(fp, true);
    }

    /** With {@code codeText} false the text is written raw whatever its coded size (benchmarks, tests). */
    static byte[] encode(ArticleFingerprint fp, boolean codeText) {
        int[] contentTerms = orEmpty(fp.contentTerms());
        int[] shingles = orEmpty(fp.shingles());
        int[] skeleton = orEmpty(fp.skeleton());
        int[] offsets = orEmpty(fp.sentenceOffsets());
        int[] terms = orEmpty(fp.sentenceTerms());
        long[] keys = fp.keys() == null ? NO_LONGS : fp.keys();
        int sentences = offsets.length == 0 ? 0 : offsets.length - 1;
        checkSentences(offsets, terms);
        String text = fp.text();
        byte[] code = null;
        byte[] utf8 = null;
        int textBytes = 0;
        if (text != null) {
            if (codeText) {
                TextDictionary.Coded coded = TextDictionary.code(text);
                textBytes = coded.utf8Length();
                int n = coded.code().length;
                if (n + MAX_LENGTH_BYTES < textBytes && textBytes <= MAX_CODE_RATIO * (n + 1L)) {
                    code = coded.code();
                }
            }
            if (code == null) {
                utf8 = text.getBytes(StandardCharsets.UTF_8);
                textBytes = utf8.length;
            }
        }
        BitCodec.Writer bits = new BitCodec.Writer(
                4 * (contentTerms.length + shingles.length + skeleton.length) + terms.length + 8 * keys.length);
        writeSet(bits, contentTerms);
        writeSet(bits, shingles);
        writeSet(bits, skeleton);
        if (sentences > 0) {
            int k = BitCodec.riceParameter(terms.length, sentences);
            bits.bits(k, 5);
            for (int s = 0; s < sentences; s++) {
                bits.rice(offsets[s + 1] - offsets[s], k);
            }
            if (terms.length > 0) {
                long sum = 0;
                for (int s = 0; s < sentences; s++) {
                    int prev = -1;
                    for (int j = offsets[s]; j < offsets[s + 1]; j++) {
                        sum += terms[j] - prev - 1;
                        prev = terms[j];
                    }
                }
                k = BitCodec.riceParameter(sum, terms.length);
                bits.bits(k, 5);
                for (int s = 0; s < sentences; s++) {
                    int prev = -1;
                    for (int j = offsets[s]; j < offsets[s + 1]; j++) {
                        bits.rice(terms[j] - prev - 1, k);
                        prev = terms[j];
                    }
                }
            }
        }
        for (long key : keys) {
            bits.bits(key >>> 32, 32);
            bits.bits(key, 32);
        }
        Out out = new Out(64
                + 3 * (fp.id() == null ? 0 : fp.id().length())
                + (code == null ? textBytes : code.length + MAX_LENGTH_BYTES)
                + (int) ((bits.bitCount() + 7) >>> 3));
        out.write(MAGIC);
        out.write(VERSION);
        out.nullableString(fp.id());
        out.fixedLong(fp.textHash());
        out.varint(fp.tokens());
        out.varlong(text == null ? 0 : 2L * (textBytes + 1L) + (code == null ? 0 : 1));
        out.varint(contentTerms.length);
        out.varint(shingles.length);
        out.varint(skeleton.length);
        out.varint(sentences);
        out.varint(keys.length);
        if (code != null) {
            out.blob(code);
        } else if (utf8 != null) {
            out.bytes(utf8);
        }
        bits.appendTo(out);
        return out.toByteArray();
    }

    public static ArticleFingerprint decode(byte[] bytes) {
        In in = new In(bytes, "fingerprint");
        if (in.read() != MAGIC) {
            throw new IllegalArgumentException("not an encoded fingerprint");
        }
        int version = in.read();
        if (version == VERSION || version == V4 || version == V3) {
            return decodeBits(bytes, in, version);
        }
        if (version == V2) {
            return PackedHashes.narrowed(decodeV2(bytes, in));
        }
        throw new IllegalArgumentException("unsupported fingerprint format version " + version);
    }

    private static int[] orEmpty(int[] a) {
        return a == null ? NO_INTS : a;
    }

    private static void checkSentences(int[] offsets, int[] terms) {
        if (offsets.length == 0) {
            if (terms.length != 0) {
                throw new IllegalArgumentException("sentence terms without sentence offsets");
            }
            return;
        }
        if (offsets[0] != 0 || offsets[offsets.length - 1] != terms.length) {
            throw new IllegalArgumentException("sentence offsets must run from 0 to the number of sentence terms");
        }
        for (int s = 0; s + 1 < offsets.length; s++) {
            if (offsets[s + 1] < offsets[s]) {
                throw new IllegalArgumentException("sentence offsets must not decrease");
            }
            int prev = -1;
            for (int j = offsets[s]; j < offsets[s + 1]; j++) {
                if (terms[j] <= prev) {
                    throw new IllegalArgumentException("sentence terms must ascend from 0 within a sentence");
                }
                prev = terms[j];
            }
        }
    }

    /** A Rice parameter, the first value's unsigned order, then the gaps after it. */
    private static void writeSet(BitCodec.Writer bits, int[] a) {
        int n = a.length;
        if (n == 0) {
            return;
        }
        for (int i = 1; i < n; i++) {
            if (a[i] <= a[i - 1]) {
                throw new IllegalArgumentException("packed sets must be ascending and distinct");
            }
        }
        long first = unsigned(a[0]);
        int k = BitCodec.riceParameter(unsigned(a[n - 1]) - first - (n - 1), n - 1);
        bits.bits(k, 5);
        bits.bits(first, 32);
        long prev = first;
        for (int i = 1; i < n; i++) {
            long u = unsigned(a[i]);
            bits.rice(u - prev - 1, k);
            prev = u;
        }
    }

    /** {@code v}'s place in the ascending order of ints, as an unsigned 32-bit value. */
    private static long unsigned(int v) {
        return (v ^ Integer.MIN_VALUE) & MAX_UNSIGNED_INT;
    }

    /** Versions 5, 4 and 3: the byte part, then the bit part. */
    private static ArticleFingerprint decodeBits(byte[] bytes, In in, int version) {
        String id = in.nullableString();
        long textHash = in.fixedLong();
        int tokens = in.varint();
        long textHeader = in.varlong();
        int contentCount = in.varint();
        int shingleCount = in.varint();
        int skeletonCount = in.varint();
        int sentences = in.varint();
        int keyCount = in.varint();
        String text = null;
        int textLength = 0;
        boolean coded = false;
        if (textHeader != 0) {
            long length = (textHeader >>> 1) - 1;
            if (length < 0 || length > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("malformed fingerprint: text length");
            }
            textLength = (int) length;
            coded = (textHeader & 1) == 1;
            if (!coded) {
                text = in.utf8(textLength);
            } else if (version == VERSION) {
                byte[] code = in.blob();
                if (textLength > MAX_CODE_RATIO * (code.length + 1L)) {
                    throw new IllegalArgumentException("malformed fingerprint: text length");
                }
                text = TextDictionary.text(code, textLength);
            } else if (length > 8L * bytes.length) {
                throw new IllegalArgumentException("malformed fingerprint: text length");
            }
        }
        BitCodec.Reader bits = new BitCodec.Reader(bytes, in.position(), "fingerprint");
        if (coded && version != VERSION) {
            if (textLength > bits.remaining()) {
                throw new IllegalArgumentException("truncated fingerprint");
            }
            byte[] utf8 = new byte[textLength];
            bits.codes(utf8, textLength, TextCode.TABLE, TextCode.SINGLE, TextCode.MAX_LENGTH);
            text = new String(utf8, StandardCharsets.UTF_8);
        }
        boolean v3 = version == V3;
        int[] contentTerms = readSet(bits, contentCount, v3);
        int[] shingles = readSet(bits, shingleCount, v3);
        int[] skeleton = readSet(bits, skeletonCount, v3);
        int[] offsets = new int[checkedCount(bits, sentences, 1) + 1];
        int[] terms = new int[0];
        if (sentences > 0) {
            int k = (int) bits.bits(5);
            checkedCount(bits, sentences, k + 1);
            bits.rices(offsets, 1, sentences + 1, k, Integer.MAX_VALUE);
            for (int s = 0; s < sentences; s++) {
                long end = (long) offsets[s] + offsets[s + 1];
                if (end > bits.remaining()) {
                    throw new IllegalArgumentException("malformed fingerprint: sentence terms");
                }
                offsets[s + 1] = (int) end;
            }
            int total = offsets[sentences];
            if (total > 0) {
                k = (int) bits.bits(5);
                terms = new int[checkedCount(bits, total, k + 1)];
                bits.rices(terms, 0, total, k, Integer.MAX_VALUE);
                for (int s = 0; s < sentences; s++) {
                    long prev = -1;
                    for (int j = offsets[s]; j < offsets[s + 1]; j++) {
                        prev += 1 + terms[j];
                        if (prev > Integer.MAX_VALUE) {
                            throw new IllegalArgumentException("malformed fingerprint: sentence term out of range");
                        }
                        terms[j] = (int) prev;
                    }
                }
            }
        }
        long[] keys = new long[checkedCount(bits, keyCount, 64)];
        for (int i = 0; i < keyCount; i++) {
            keys[i] = (bits.bits(32) << 32) | bits.bits(32);
        }
        bits.end();
        ArticleFingerprint fp = new ArticleFingerprint(
                id, text, textHash, tokens, contentTerms, shingles, skeleton, terms, offsets, keys);
        return v3 ? PackedHashes.narrowed(fp) : fp;
    }

    /** {@code n}, if {@code n} values of at least {@code minBits} bits each fit in what is left. */
    private static int checkedCount(BitCodec.Reader bits, int n, int minBits) {
        if (n < 0 || n == Integer.MAX_VALUE || (long) n * minBits > bits.remaining()) {
            throw new IllegalArgumentException("malformed fingerprint: count " + Integer.toUnsignedString(n));
        }
        return n;
    }

    /** A set of {@code n} values: version 4's, or with {@code firstAsGap} version 3's. */
    private static int[] readSet(BitCodec.Reader bits, int n, boolean firstAsGap) {
        if (n == 0) {
            return new int[0];
        }
        checkedCount(bits, n, 1);
        int k = (int) bits.bits(5);
        int from = firstAsGap ? 0 : 1;
        long prev = -1;
        int[] a = new int[checkedCount(bits, n - from, k + 1) + from];
        if (!firstAsGap) {
            prev = bits.bits(32);
            a[0] = (int) prev ^ Integer.MIN_VALUE;
        }
        bits.rices(a, from, n, k, MAX_UNSIGNED_INT);
        for (int i = from; i < n; i++) {
            prev += 1 + (a[i] & MAX_UNSIGNED_INT);
            if (prev > MAX_UNSIGNED_INT) {
                throw new IllegalArgumentException("malformed fingerprint: set value out of range");
            }
            a[i] = (int) prev ^ Integer.MIN_VALUE;
        }
        return a;
    }

    // ---- version 2 (read only) ----

    private static ArticleFingerprint decodeV2(byte[] bytes, In in) {
        String id = in.nullableString();
        String text = in.nullableString();
        long textHash = in.fixedLong();
        int tokens = in.varint();
        int[] contentTerms = readSortedIntsV2(in);
        int[] shingles = readSortedIntsV2(in);
        int[] skeleton = readSortedIntsV2(in);
        int sentences = countV2(in);
        int[] offsets = new int[sentences + 1];
        for (int s = 0; s < sentences; s++) {
            long end = offsets[s] + (in.varint() & MAX_UNSIGNED_INT);
            if (end > bytes.length) {
                throw new IllegalArgumentException("malformed fingerprint: sentence terms");
            }
            offsets[s + 1] = (int) end;
        }
        int[] terms = new int[offsets[sentences]];
        for (int s = 0; s < sentences; s++) {
            int prev = -1;
            for (int k = offsets[s]; k < offsets[s + 1]; k++) {
                prev = prev + 1 + in.varint();
                terms[k] = prev;
            }
        }
        long[] keys = readSortedLongsV2(in);
        return new ArticleFingerprint(
                id, text, textHash, tokens, contentTerms, shingles, skeleton, terms, offsets, keys);
    }

    /** A count that cannot exceed the bytes left (each element takes at least one). */
    private static int countV2(In in) {
        int n = in.varint();
        if (n < 0 || n > in.remaining()) {
            throw new IllegalArgumentException("malformed fingerprint: count " + n);
        }
        return n;
    }

    private static int[] readSortedIntsV2(In in) {
        int n = countV2(in);
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i == 0 ? (int) in.zigzag() : (int) (a[i - 1] + in.varlong());
        }
        return a;
    }

    private static long[] readSortedLongsV2(In in) {
        int n = countV2(in);
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
            a[i] = i == 0 ? in.zigzag() : a[i - 1] + in.varlong();
        }
        return a;
    }
}

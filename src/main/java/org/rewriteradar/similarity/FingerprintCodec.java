package org.rewriteradar.similarity;

import org.rewriteradar.similarity.BinaryCodec.In;
import org.rewriteradar.similarity.BinaryCodec.Out;

/**
 * Compact, versioned binary form of an {@link ArticleFingerprint} for state stores and repartition
 * topics. Layout (version 2): magic {@code 'F'}, version byte, id and text as length-prefixed UTF-8
 * (length + 1, 0 = null), {@code textHash} as 8 bytes big-endian, {@code tokens} as a varint, the three
 * sorted packed sets as count + first value (zig-zag varint) + ascending gaps (varints), the sentences as
 * per-sentence lengths and index gaps (varints), and the sorted keys as count + first (zig-zag varlong) +
 * unsigned gaps (varlongs). Decoding rejects other versions. Null arrays are written as empty ones. Varints
 * and the rest are {@link BinaryCodec}'s.
 *
 * <p>Version 2 hashes shingles and skeleton n-grams with {@link Mix#windows} (version 1 chained a mix per
 * token): the layout is the same, but the values are not comparable, so state written by version 1 is
 * rejected and must be rebuilt (reset the application's state and replay the input topic).
 */
public final class FingerprintCodec {

    /** Current format version. */
    public static final int VERSION = 2;

    private static final int MAGIC = 'F';

    private FingerprintCodec() {}

    public static byte[] encode(ArticleFingerprint fp) {
        Out out = new Out(256 + (fp.text() == null ? 0 : fp.text().length()) + 4 * length(fp.shingles()));
        out.write(MAGIC);
        out.write(VERSION);
        out.nullableString(fp.id());
        out.nullableString(fp.text());
        out.fixedLong(fp.textHash());
        out.varint(fp.tokens());
        writeSorted(out, fp.contentTerms());
        writeSorted(out, fp.shingles());
        writeSorted(out, fp.skeleton());
        int[] offsets = fp.sentenceOffsets() == null ? new int[0] : fp.sentenceOffsets();
        int[] terms = fp.sentenceTerms() == null ? new int[0] : fp.sentenceTerms();
        int sentences = offsets.length == 0 ? 0 : offsets.length - 1;
        out.varint(sentences);
        for (int s = 0; s < sentences; s++) {
            out.varint(offsets[s + 1] - offsets[s]);
        }
        for (int s = 0; s < sentences; s++) {
            int prev = -1;
            for (int k = offsets[s]; k < offsets[s + 1]; k++) {
                out.varint(terms[k] - prev - 1);
                prev = terms[k];
            }
        }
        writeSorted(out, fp.keys());
        return out.toByteArray();
    }

    public static ArticleFingerprint decode(byte[] bytes) {
        In in = new In(bytes, "fingerprint");
        if (in.read() != MAGIC) {
            throw new IllegalArgumentException("not an encoded fingerprint");
        }
        int version = in.read();
        if (version != VERSION) {
            throw new IllegalArgumentException("unsupported fingerprint format version " + version);
        }
        String id = in.nullableString();
        String text = in.nullableString();
        long textHash = in.fixedLong();
        int tokens = in.varint();
        int[] contentTerms = readSortedInts(in);
        int[] shingles = readSortedInts(in);
        int[] skeleton = readSortedInts(in);
        int sentences = count(in);
        int[] offsets = new int[sentences + 1];
        for (int s = 0; s < sentences; s++) {
            offsets[s + 1] = offsets[s] + in.varint();
        }
        if (offsets[sentences] < 0 || offsets[sentences] > bytes.length) {
            throw new IllegalArgumentException("malformed fingerprint: sentence terms");
        }
        int[] terms = new int[offsets[sentences]];
        for (int s = 0; s < sentences; s++) {
            int prev = -1;
            for (int k = offsets[s]; k < offsets[s + 1]; k++) {
                prev = prev + 1 + in.varint();
                terms[k] = prev;
            }
        }
        long[] keys = readSortedLongs(in);
        return new ArticleFingerprint(
                id, text, textHash, tokens, contentTerms, shingles, skeleton, terms, offsets, keys);
    }

    private static int length(int[] a) {
        return a == null ? 0 : a.length;
    }

    /** Count, first value (zig-zag), then ascending gaps (varlongs). */
    private static void writeSorted(Out out, int[] a) {
        int n = a == null ? 0 : a.length;
        out.varint(n);
        for (int i = 0; i < n; i++) {
            if (i == 0) {
                out.zigzag(a[0]);
            } else {
                out.varlong((long) a[i] - a[i - 1]);
            }
        }
    }

    /** Count, first value (zig-zag), then unsigned gaps (varlongs). */
    private static void writeSorted(Out out, long[] a) {
        int n = a == null ? 0 : a.length;
        out.varint(n);
        for (int i = 0; i < n; i++) {
            if (i == 0) {
                out.zigzag(a[0]);
            } else {
                out.varlong(a[i] - a[i - 1]);
            }
        }
    }

    /** A count that cannot exceed the bytes left (each element takes at least one). */
    private static int count(In in) {
        int n = in.varint();
        if (n < 0 || n > in.remaining()) {
            throw new IllegalArgumentException("malformed fingerprint: count " + n);
        }
        return n;
    }

    private static int[] readSortedInts(In in) {
        int n = count(in);
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i == 0 ? (int) in.zigzag() : (int) (a[i - 1] + in.varlong());
        }
        return a;
    }

    private static long[] readSortedLongs(In in) {
        int n = count(in);
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
            a[i] = i == 0 ? in.zigzag() : a[i - 1] + in.varlong();
        }
        return a;
    }
}

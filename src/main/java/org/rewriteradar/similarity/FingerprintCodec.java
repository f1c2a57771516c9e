package org.rewriteradar.similarity;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Compact, versioned binary form of an {@link ArticleFingerprint} for state stores and repartition
 * topics. Layout (version 2): magic {@code 'F'}, version byte, id and text as length-prefixed UTF-8
 * (length + 1, 0 = null), {@code textHash} as 8 bytes big-endian, {@code tokens} as a varint, the three
 * sorted packed sets as count + first value (zig-zag varint) + ascending gaps (varints), the sentences as
 * per-sentence lengths and index gaps (varints), and the sorted keys as count + first (zig-zag varlong) +
 * unsigned gaps (varlongs). Decoding rejects other versions. Null arrays are written as empty ones.
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
        out.string(fp.id());
        out.string(fp.text());
        out.fixedLong(fp.textHash());
        out.varint(fp.tokens());
        out.sortedInts(fp.contentTerms());
        out.sortedInts(fp.shingles());
        out.sortedInts(fp.skeleton());
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
        out.sortedLongs(fp.keys());
        return out.toByteArray();
    }

    public static ArticleFingerprint decode(byte[] bytes) {
        In in = new In(bytes);
        if (in.read() != MAGIC) {
            throw new IllegalArgumentException("not an encoded fingerprint");
        }
        int version = in.read();
        if (version != VERSION) {
            throw new IllegalArgumentException("unsupported fingerprint format version " + version);
        }
        String id = in.string();
        String text = in.string();
        long textHash = in.fixedLong();
        int tokens = in.varint();
        int[] contentTerms = in.sortedInts();
        int[] shingles = in.sortedInts();
        int[] skeleton = in.sortedInts();
        int sentences = in.count();
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
        long[] keys = in.sortedLongs();
        return new ArticleFingerprint(
                id, text, textHash, tokens, contentTerms, shingles, skeleton, terms, offsets, keys);
    }

    private static int length(int[] a) {
        return a == null ? 0 : a.length;
    }

    private static final class Out extends ByteArrayOutputStream {
        Out(int size) {
            super(size);
        }

        void string(String s) {
            if (s == null) {
                varint(0);
                return;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            varint(b.length + 1);
            write(b, 0, b.length);
        }

        void fixedLong(long v) {
            for (int i = 56; i >= 0; i -= 8) {
                write((int) (v >>> i));
            }
        }

        void varint(int v) {
            varlong(v & 0xffff_ffffL);
        }

        void varlong(long v) {
            while ((v & ~0x7fL) != 0) {
                write((int) ((v & 0x7f) | 0x80));
                v >>>= 7;
            }
            write((int) v);
        }

        void sortedInts(int[] a) {
            int n = a == null ? 0 : a.length;
            varint(n);
            for (int i = 0; i < n; i++) {
                if (i == 0) {
                    varint((a[0] << 1) ^ (a[0] >> 31));
                } else {
                    varlong((long) a[i] - a[i - 1]);
                }
            }
        }

        void sortedLongs(long[] a) {
            int n = a == null ? 0 : a.length;
            varint(n);
            for (int i = 0; i < n; i++) {
                varlong(i == 0 ? (a[0] << 1) ^ (a[0] >> 63) : a[i] - a[i - 1]);
            }
        }
    }

    private static final class In {
        private final byte[] b;
        private int p;

        In(byte[] b) {
            this.b = b;
        }

        int read() {
            if (p >= b.length) {
                throw new IllegalArgumentException("truncated fingerprint");
            }
            return b[p++] & 0xff;
        }

        String string() {
            int n = varint();
            if (n == 0) {
                return null;
            }
            if (p + n - 1 > b.length) {
                throw new IllegalArgumentException("truncated fingerprint");
            }
            String s = new String(b, p, n - 1, StandardCharsets.UTF_8);
            p += n - 1;
            return s;
        }

        long fixedLong() {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | read();
            }
            return v;
        }

        int varint() {
            return (int) varlong();
        }

        int count() {
            int n = varint();
            if (n < 0 || n > b.length - p) {
                throw new IllegalArgumentException("malformed fingerprint: count " + n);
            }
            return n;
        }

        long varlong() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int x = read();
                v |= (long) (x & 0x7f) << shift;
                if ((x & 0x80) == 0) {
                    return v;
                }
            }
            throw new IllegalArgumentException("malformed varint");
        }

        int[] sortedInts() {
            int n = count();
            int[] a = new int[n];
            for (int i = 0; i < n; i++) {
                if (i == 0) {
                    int z = varint();
                    a[0] = (z >>> 1) ^ -(z & 1);
                } else {
                    a[i] = (int) (a[i - 1] + varlong());
                }
            }
            return a;
        }

        long[] sortedLongs() {
            int n = count();
            long[] a = new long[n];
            for (int i = 0; i < n; i++) {
                if (i == 0) {
                    long z = varlong();
                    a[0] = (z >>> 1) ^ -(z & 1);
                } else {
                    a[i] = a[i - 1] + varlong();
                }
            }
            return a;
        }
    }
}

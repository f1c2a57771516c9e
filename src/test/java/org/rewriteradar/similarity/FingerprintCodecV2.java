package org.rewriteradar.similarity;

import org.rewriteradar.similarity.BinaryCodec.Out;

/**
 * The writer of fingerprint format version 2, frozen as it was before version 3 (commit fd3a97f) so that
 * tests and benchmarks can make version 2 bytes, which {@link FingerprintCodec} still reads. Not for
 * production: the service writes {@link FingerprintCodec#VERSION}.
 */
public final class FingerprintCodecV2 {

    private FingerprintCodecV2() {}

    public static byte[] encode(ArticleFingerprint fp) {
        Out out = new Out(256 + (fp.text() == null ? 0 : fp.text().length()) + 4 * length(fp.shingles()));
        out.write('F');
        out.write(2);
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
}

package org.rewriteradar.similarity;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Bit-level writer and reader behind {@link FingerprintCodec} (formats 3 and 4). Pure Java. Bits are packed
 * most significant first: the first bit written is bit 7 of the first byte; the last byte is padded with
 * zero bits.
 *
 * <ul>
 *   <li>{@code bits(v, w)}: the {@code w} low bits of {@code v}, most significant first.
 *   <li>{@code rice(v, k)}: Golomb–Rice code of {@code v >= 0} with parameter {@code k}: {@code v >>> k}
 *       zero bits, a one bit, then the {@code k} low bits of {@code v} (k = 2: 0 → {@code 100}, 5 →
 *       {@code 0101}, 9 → {@code 00101}).
 *   <li>{@link #riceParameter}: the {@code k} the codec uses for a block of {@code n} values of sum
 *       {@code s}: {@code floor(log2(s / n))}, 0 if {@code s < n}, at most 31. With it the zero bits of a
 *       whole block number less than {@code 2n}, whatever the values.
 * </ul>
 *
 * Both sides move eight bytes at a time (one big-endian long); the reader keeps an absolute bit position
 * and looks at the 57 or more bits after it. Encodings are fixed: state stores and topics hold them.
 */
final class BitCodec {

    /** Largest Rice parameter: five bits in the stream. */
    static final int MAX_RICE_PARAMETER = 31;

    /** Bits a reader sees at once (at least): 64 less the 7 a position inside a byte can hide. */
    static final int PEEK_BITS = 57;

    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private BitCodec() {}

    /** {@code floor(log2(sum / count))}, 0 when {@code sum < count}, at most {@value #MAX_RICE_PARAMETER}. */
    static int riceParameter(long sum, int count) {
        if (count <= 0 || sum < count) {
            return 0;
        }
        return Math.min(MAX_RICE_PARAMETER, 63 - Long.numberOfLeadingZeros(sum / count));
    }

    /** Collects bits in a buffer of its own. */
    static final class Writer {
        private byte[] buf;
        /** Whole longs written. */
        private int size;
        /** The next bits, left-aligned: the first {@code 64 - free} bits of it are written. */
        private long acc;

        private int free = 64;

        Writer(int capacity) {
            buf = new byte[Math.max(capacity + 8, 16)];
        }

        /** Bits written so far. */
        long bitCount() {
            return 8L * size + 64 - free;
        }

        /** Forgets everything written. */
        void reset() {
            size = 0;
            acc = 0;
            free = 64;
        }

        /** The {@code width} (0-57) low bits of {@code value}. */
        Writer bits(long value, int width) {
            long v = value & ((1L << width) - 1);
            if (width <= free) {
                acc |= v << (free - width); // a shift by 64 (width 0, nothing written yet) shifts v = 0
                free -= width;
            } else {
                int rest = width - free;
                acc |= v >>> rest;
                spill();
                acc = v << (64 - rest);
                free = 64 - rest;
            }
            return this;
        }

        /** Golomb–Rice code of {@code value >= 0} with parameter {@code k} (0-31). */
        Writer rice(long value, int k) {
            long q = value >>> k;
            while (q > 25) {
                bits(0, 25);
                q -= 25;
            }
            // q (≤ 25) zeros, a one, k low bits: at most 57 bits
            return bits((1L << k) | (value & ((1L << k) - 1)), (int) q + 1 + k);
        }

        /**
         * The code of each byte of {@code src}: {@code codes[b]} holds the code in its high bits and its
         * length (1-15) in its low four.
         */
        void codes(byte[] src, int[] codes) {
            long a = acc;
            int f = free;
            for (byte b : src) {
                int c = codes[b & 0xFF];
                int len = c & 15;
                long code = c >>> 4;
                if (len <= f) {
                    f -= len;
                    a |= code << f;
                } else {
                    int rest = len - f;
                    a |= code >>> rest;
                    acc = a;
                    spill();
                    a = code << (64 - rest);
                    f = 64 - rest;
                }
            }
            acc = a;
            free = f;
        }

        /** Appends the bytes written to {@code out}, the last one padded with zero bits. */
        void appendTo(BinaryCodec.Out out) {
            int tail = (64 - free + 7) >>> 3;
            ensure();
            LONG_BE.set(buf, size, acc);
            out.bytes(buf, 0, size + tail);
        }

        /** Writes {@code acc}, all 64 bits of it. */
        private void spill() {
            ensure();
            LONG_BE.set(buf, size, acc);
            size += 8;
        }

        private void ensure() {
            if (size + 8 > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + 8));
            }
        }
    }

    /**
     * Reads bits from a byte array; reading past its end, or a value out of the caller's range, throws
     * {@link IllegalArgumentException}.
     */
    static final class Reader {
        private final byte[] buf;
        private final String what;
        private final long end;
        /** Bits read, from the start of the array. */
        private long bit;

        Reader(byte[] buf, int offset, String what) {
            this.buf = buf;
            this.what = what;
            this.bit = 8L * offset;
            this.end = 8L * buf.length;
        }

        /** Bits not read yet. */
        long remaining() {
            return end - bit;
        }

        /** The next 64 bits, of which at least {@value #PEEK_BITS} are the stream's; zero past its end. */
        private long peek() {
            return peek(buf, bit);
        }

        /** The 64 bits from bit {@code at} on, of which at least {@value #PEEK_BITS} are the stream's. */
        private static long peek(byte[] buf, long at) {
            int i = (int) (at >>> 3);
            long w;
            if (i + 8 <= buf.length) {
                w = (long) LONG_BE.get(buf, i);
            } else {
                w = 0;
                for (int j = i; j < i + 8; j++) {
                    w = (w << 8) | (j < buf.length ? buf[j] & 0xFF : 0);
                }
            }
            return w << (at & 7);
        }

        private void advance(long bits) {
            bit += bits;
            if (bit > end) {
                throw truncated();
            }
        }

        /** {@code width} (0-57) bits as an unsigned value. */
        long bits(int width) {
            if (width == 0) {
                return 0;
            }
            long v = peek() >>> (64 - width);
            advance(width);
            return v;
        }

        /** A Rice code of parameter {@code k}; its value must not exceed {@code max} (below 2^57). */
        long rice(int k, long max) {
            if (max < 0) {
                throw outOfRange();
            }
            long q = 0;
            long w = peek();
            int zeros = Long.numberOfLeadingZeros(w);
            while (zeros >= PEEK_BITS) {
                q += PEEK_BITS;
                advance(PEEK_BITS);
                if (q > max) {
                    throw outOfRange();
                }
                w = peek();
                zeros = Long.numberOfLeadingZeros(w);
            }
            q += zeros;
            if (q > (max >>> k)) {
                throw outOfRange();
            }
            long v;
            if (zeros + 1 + k <= PEEK_BITS) {
                v = (q << k) | (k == 0 ? 0 : (w << (zeros + 1)) >>> (64 - k));
                advance(zeros + 1 + k);
            } else {
                advance(zeros + 1);
                v = (q << k) | bits(k);
            }
            if (v > max) {
                throw outOfRange();
            }
            return v;
        }

        /**
         * Rice codes of parameter {@code k} into {@code out[from..to)}, each at most {@code max} (below
         * 2^32; stored as the int of the same low 32 bits). The same as {@link #rice} in a loop, with the
         * position in a local.
         */
        void rices(int[] out, int from, int to, int k, long max) {
            long at = bit;
            for (int i = from; i < to; i++) {
                long w = peek(buf, at);
                int zeros = Long.numberOfLeadingZeros(w);
                if (zeros + 1 + k > PEEK_BITS) {
                    bit = at;
                    out[i] = (int) rice(k, max);
                    at = bit;
                    continue;
                }
                // the k bits after the one; a shift by 1 then 63 - k gives 0 for k = 0
                long v = ((long) zeros << k) | (((w << zeros) << 1) >>> 1 >>> (63 - k));
                if (v > max) {
                    bit = at;
                    throw outOfRange();
                }
                out[i] = (int) v;
                at += zeros + 1 + k;
            }
            bit = at;
            if (bit > end) {
                throw truncated();
            }
        }

        /**
         * {@code n} bytes of a prefix code of at most {@code tableBits} bits a byte, looked up in tables
         * built as {@link TextCode#TABLE} (up to three bytes a look-up) and {@link TextCode#SINGLE} (one);
         * every entry must be a code.
         */
        void codes(byte[] out, int n, int[] table, char[] single, int tableBits) {
            int shift = 64 - tableBits;
            int limit = PEEK_BITS - tableBits;
            int i = 0;
            // three bytes a look-up while three are wanted; bytes after the ones decoded are overwritten
            while (i < n - 2) {
                long w = peek();
                int used = 0;
                do {
                    int e = table[(int) ((w << used) >>> shift)];
                    out[i] = (byte) e;
                    out[i + 1] = (byte) (e >>> 8);
                    out[i + 2] = (byte) (e >>> 16);
                    i += e >>> 28;
                    used += (e >>> 24) & 15;
                } while (used <= limit && i < n - 2);
                advance(used);
            }
            while (i < n) {
                char e = single[(int) (peek() >>> shift)];
                out[i++] = (byte) (e >>> 4);
                advance(e & 15);
            }
        }

        /** Refuses anything but zero padding (fewer than 8 bits) after the last value. */
        void end() {
            long left = end - bit;
            if (left >= 8) {
                throw new IllegalArgumentException("malformed " + what + ": trailing bytes");
            }
            if (left > 0 && peek() >>> (64 - left) != 0) {
                throw new IllegalArgumentException("malformed " + what + ": non-zero padding");
            }
        }

        private IllegalArgumentException truncated() {
            return new IllegalArgumentException("truncated " + what);
        }

        private IllegalArgumentException outOfRange() {
            return new IllegalArgumentException("malformed " + what + ": value out of range");
        }
    }
}

package org.rewriteradar.similarity;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The one varint writer and reader of the service: behind {@link FingerprintCodec} and the compact
 * binary serdes and store keys of {@code org.rewriteradar.streams}. Pure Java.
 *
 * <ul>
 *   <li>{@code varlong}: unsigned LEB128, seven bits per byte, least significant group first, high bit
 *       set on every byte but the last (0 → {@code 00}, 127 → {@code 7f}, 128 → {@code 80 01}, 16383 →
 *       {@code ff 7f}, 16384 → {@code 80 80 01}; a negative long takes ten bytes).
 *   <li>{@code varint}: an int as the varlong of its unsigned 32-bit value (-1 → {@code ff ff ff ff 0f});
 *       reading refuses values above 32 bits.
 *   <li>{@code zigzag}: a signed long as the varlong of {@code (v << 1) ^ (v >> 63)} (0, -1, 1, -2 … →
 *       0, 1, 2, 3 …), so small negative values stay short; for an int this is the same bytes as a 32-bit
 *       zig-zag.
 *   <li>{@code fixedInt}, {@code fixedLong}: four or eight bytes, big-endian.
 *   <li>{@code string}: varint UTF-8 byte length, then the bytes; {@code nullableString}: length + 1 (0
 *       for null); {@code blob}: varint length, then the bytes.
 * </ul>
 *
 * Encodings are fixed: state stores and topics hold them.
 */
public final class BinaryCodec {

    /** Most bytes a varlong takes. */
    public static final int MAX_VARLONG_BYTES = 10;

    private BinaryCodec() {}

    /** {@code (v << 1) ^ (v >> 63)}: small magnitudes, either sign, to small unsigned values. */
    public static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    /** The inverse of {@link #zigzag(long)}. */
    public static long unzigzag(long z) {
        return (z >>> 1) ^ -(z & 1);
    }

    /** A growable byte buffer. */
    public static final class Out {
        private byte[] buf;
        private int size;

        public Out(int capacity) {
            buf = new byte[Math.max(capacity, 16)];
        }

        public Out write(int b) {
            ensure(1);
            buf[size++] = (byte) b;
            return this;
        }

        public Out bytes(byte[] bytes) {
            return bytes(bytes, 0, bytes.length);
        }

        public Out bytes(byte[] bytes, int offset, int length) {
            ensure(length);
            System.arraycopy(bytes, offset, buf, size, length);
            size += length;
            return this;
        }

        /** Four bytes, big-endian (byte order equals numeric order for non-negative values). */
        public Out fixedInt(int v) {
            ensure(4);
            buf[size++] = (byte) (v >>> 24);
            buf[size++] = (byte) (v >>> 16);
            buf[size++] = (byte) (v >>> 8);
            buf[size++] = (byte) v;
            return this;
        }

        /** Eight bytes, big-endian. */
        public Out fixedLong(long v) {
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                buf[size++] = (byte) (v >>> shift);
            }
            return this;
        }

        /** The varlong of {@code v}'s unsigned 32-bit value. */
        public Out varint(int v) {
            return varlong(v & 0xFFFFFFFFL);
        }

        /** Unsigned LEB128. */
        public Out varlong(long v) {
            ensure(MAX_VARLONG_BYTES);
            while ((v & ~0x7FL) != 0) {
                buf[size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[size++] = (byte) v;
            return this;
        }

        /** The varlong of {@link BinaryCodec#zigzag(long) zigzag(v)}. */
        public Out zigzag(long v) {
            return varlong(BinaryCodec.zigzag(v));
        }

        public Out string(String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            varint(utf8.length);
            return bytes(utf8);
        }

        /** A string that may be null: varint length + 1 (0 for null), then UTF-8. */
        public Out nullableString(String s) {
            if (s == null) {
                return write(0);
            }
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            varlong(utf8.length + 1L);
            return bytes(utf8);
        }

        /** A byte array: varint length, then the bytes. */
        public Out blob(byte[] bytes) {
            varint(bytes.length);
            return bytes(bytes);
        }

        public byte[] toByteArray() {
            return Arrays.copyOf(buf, size);
        }

        private void ensure(int more) {
            if (size + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
            }
        }
    }

    /** A reader over a byte array; malformed or truncated input throws {@link IllegalArgumentException}. */
    public static final class In {
        private final byte[] buf;
        private final String what;
        private int pos;

        public In(byte[] buf) {
            this(buf, "binary record");
        }

        /** A reader whose errors name {@code what} it reads ("truncated fingerprint"). */
        public In(byte[] buf, String what) {
            this.buf = buf;
            this.what = what;
        }

        public int read() {
            if (pos >= buf.length) {
                throw new IllegalArgumentException("truncated " + what);
            }
            return buf[pos++] & 0xFF;
        }

        public long fixedLong() {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | read();
            }
            return v;
        }

        public int varint() {
            long v = varlong();
            if ((v >>> 32) != 0) {
                throw new IllegalArgumentException("varint out of range in " + what);
            }
            return (int) v;
        }

        public long varlong() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = read();
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
            throw new IllegalArgumentException("malformed varint in " + what);
        }

        public long zigzag() {
            return unzigzag(varlong());
        }

        public String string() {
            return utf8(varint());
        }

        public String nullableString() {
            long length = varlong() - 1;
            return length < 0 ? null : utf8(length);
        }

        public byte[] blob() {
            int length = checkedLength(varint());
            byte[] out = Arrays.copyOfRange(buf, pos, pos + length);
            pos += length;
            return out;
        }

        /** Bytes read so far. */
        public int position() {
            return pos;
        }

        /** Bytes not read yet. */
        public int remaining() {
            return buf.length - pos;
        }

        public boolean done() {
            return pos == buf.length;
        }

        /** {@code length} bytes of UTF-8. */
        public String utf8(long length) {
            int n = checkedLength(length);
            String s = new String(buf, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }

        private int checkedLength(long length) {
            if (length < 0 || length > buf.length - pos) {
                throw new IllegalArgumentException("truncated " + what);
            }
            return (int) length;
        }
    }
}

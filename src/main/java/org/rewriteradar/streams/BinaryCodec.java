package org.rewriteradar.streams;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Little varint writer and reader behind the compact binary serdes of {@link BinarySerdes} and the
 * candidate store's keys and values ({@link CandidateCollector}). Integers are unsigned LEB128 varints
 * (zig-zag for values that may be negative), strings are a varint byte length then UTF-8.
 */
final class BinaryCodec {

    private BinaryCodec() {}

    /** A growable byte buffer. */
    static final class Out {
        private byte[] buf;
        private int size;

        Out(int capacity) {
            buf = new byte[Math.max(capacity, 16)];
        }

        Out write(int b) {
            ensure(1);
            buf[size++] = (byte) b;
            return this;
        }

        Out bytes(byte[] bytes) {
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buf, size, bytes.length);
            size += bytes.length;
            return this;
        }

        /** Four bytes, big-endian (byte order equals numeric order for non-negative values). */
        Out fixedInt(int v) {
            ensure(4);
            buf[size++] = (byte) (v >>> 24);
            buf[size++] = (byte) (v >>> 16);
            buf[size++] = (byte) (v >>> 8);
            buf[size++] = (byte) v;
            return this;
        }

        Out varint(int v) {
            return varlong(v & 0xFFFFFFFFL);
        }

        Out varlong(long v) {
            ensure(10);
            while ((v & ~0x7FL) != 0) {
                buf[size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[size++] = (byte) v;
            return this;
        }

        Out zigzag(long v) {
            return varlong((v << 1) ^ (v >> 63));
        }

        Out string(String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            varint(utf8.length);
            return bytes(utf8);
        }

        /** A string that may be null: varint length + 1 (0 for null), then UTF-8. */
        Out nullableString(String s) {
            if (s == null) {
                return write(0);
            }
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            varlong(utf8.length + 1L);
            return bytes(utf8);
        }

        /** A byte array: varint length, then the bytes. */
        Out blob(byte[] bytes) {
            varint(bytes.length);
            return bytes(bytes);
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, size);
        }

        private void ensure(int more) {
            if (size + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
            }
        }
    }

    /** A reader over a byte array. */
    static final class In {
        private final byte[] buf;
        private int pos;

        In(byte[] buf) {
            this(buf, 0);
        }

        In(byte[] buf, int pos) {
            this.buf = buf;
            this.pos = pos;
        }

        int read() {
            if (pos >= buf.length) {
                throw new IllegalArgumentException("truncated binary record");
            }
            return buf[pos++] & 0xFF;
        }

        int varint() {
            long v = varlong();
            if ((v >>> 32) != 0) {
                throw new IllegalArgumentException("varint out of range");
            }
            return (int) v;
        }

        long varlong() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = read();
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
            throw new IllegalArgumentException("malformed varint");
        }

        long zigzag() {
            long v = varlong();
            return (v >>> 1) ^ -(v & 1);
        }

        String string() {
            int length = varint();
            if (length > buf.length - pos) {
                throw new IllegalArgumentException("truncated binary record");
            }
            String s = new String(buf, pos, length, StandardCharsets.UTF_8);
            pos += length;
            return s;
        }

        String nullableString() {
            long length = varlong() - 1;
            if (length < 0) {
                return null;
            }
            if (length > buf.length - pos) {
                throw new IllegalArgumentException("truncated binary record");
            }
            String s = new String(buf, pos, (int) length, StandardCharsets.UTF_8);
            pos += (int) length;
            return s;
        }

        byte[] blob() {
            int length = varint();
            if (length > buf.length - pos) {
                throw new IllegalArgumentException("truncated binary record");
            }
            byte[] out = Arrays.copyOfRange(buf, pos, pos + length);
            pos += length;
            return out;
        }

        boolean done() {
            return pos == buf.length;
        }
    }
}

package org.rewriteradar.similarity;

/**
 * The static Huffman code of fingerprint texts (formats 3 and 4): a fixed, complete prefix code over the 256 byte
 * values of UTF-8, one to {@value #MAX_LENGTH} bits per byte, canonical (codes assigned in order of length,
 * then byte value, as DEFLATE's). Its lengths come from the byte frequencies of the normalised texts of
 * pool-bbc and pool-reuters plus one for every byte value ({@code bench.TextCodeLengths}); it codes English
 * news text in about 0.58 of its UTF-8 bytes (a space 3 bits, {@code e} 4, a digit 8-10, a capital 8-12, a
 * byte it never saw 12, so text in other scripts codes longer and is written raw). The table is part of the
 * format: changing it is a new format version.
 */
final class TextCode {

    /** Longest code. */
    static final int MAX_LENGTH = 12;

    /** Code length of each byte value, byte 0 first, one hex digit each. */
    static final String LENGTHS = "cccccccccc8ccccccccccccccccccccc3c9cccc9bbcc797b8899a9aa99cccccc"
            + "c999aaaaa9aba9aaaca88abaccccccccc475546654a856446a44467796bccccc"
            + "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"
            + "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc";

    /** Per byte value: its code in bits 4 and up, its length in bits 0-3. */
    static final int[] CODES = new int[256];

    /**
     * The next {@value #MAX_LENGTH} bits of a stream to the byte whose code they start with (bits 4-11)
     * and the length of that code (bits 0-3).
     */
    static final char[] SINGLE = new char[1 << MAX_LENGTH];

    /**
     * The next {@value #MAX_LENGTH} bits of a stream to the one to three bytes whose codes they hold
     * whole: the bytes in bits 0-7, 8-15 and 16-23 (0 where there is none), the length of their codes
     * together in bits 24-27, their number in bits 28 and up. Several bytes a look-up shorten decoding's
     * chain of dependent look-ups.
     */
    static final int[] TABLE = new int[1 << MAX_LENGTH];

    static {
        if (LENGTHS.length() != 256) {
            throw new IllegalStateException("text code: " + LENGTHS.length() + " lengths");
        }
        int[] lengths = new int[256];
        int[] count = new int[MAX_LENGTH + 1];
        for (int b = 0; b < 256; b++) {
            lengths[b] = Character.digit(LENGTHS.charAt(b), 16);
            count[lengths[b]]++;
        }
        int[] next = new int[MAX_LENGTH + 1];
        long kraft = 0;
        for (int len = 1; len <= MAX_LENGTH; len++) {
            next[len] = (next[len - 1] + count[len - 1]) << 1;
            kraft += (long) count[len] << (MAX_LENGTH - len);
        }
        if (count[0] != 0 || kraft != 1L << MAX_LENGTH) {
            throw new IllegalStateException("text code is not a complete prefix code");
        }
        for (int b = 0; b < 256; b++) {
            int len = lengths[b];
            int code = next[len]++;
            CODES[b] = (code << 4) | len;
            int from = code << (MAX_LENGTH - len);
            for (int i = from; i < from + (1 << (MAX_LENGTH - len)); i++) {
                SINGLE[i] = (char) ((b << 4) | len);
            }
        }
        int mask = (1 << MAX_LENGTH) - 1;
        for (int i = 0; i <= mask; i++) {
            int entry = 0;
            int used = 0;
            int bytes = 0;
            while (bytes < 3) {
                int e = SINGLE[(i << used) & mask];
                if (used + (e & 15) > MAX_LENGTH) {
                    break;
                }
                entry |= (e >>> 4) << (8 * bytes);
                used += e & 15;
                bytes++;
            }
            TABLE[i] = entry | used << 24 | bytes << 28;
        }
    }

    private TextCode() {}
}

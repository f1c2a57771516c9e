package org.rewriteradar.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The static text code of fingerprint format 3: part of the format, so pinned. */
class TextCodeTest {

    @Test
    void lengthsAreTheFormatsOnes() throws Exception {
        assertThat(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256")
                                .digest(TextCode.LENGTHS.getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("574f8f720e9cfdac04d43e5758650245aeaed376b2e64d0242fe9c4a07bd348e");
    }

    @Test
    void codesAreCanonical() {
        // one code of 3 bits (space), then the 4-bit codes from 0010 in byte order: a, e, …
        assertThat(code(' ')).isEqualTo("000");
        assertThat(code('a')).isEqualTo("0010");
        assertThat(code('e')).isEqualTo("0011");
        assertThat(code('n')).isEqualTo("0101");
        assertThat(code('.')).isEqualTo("1101101");
        assertThat(code('T')).isEqualTo("11100110");
        assertThat(code(0xFF)).isEqualTo("1".repeat(12));
    }

    /** Every byte, and every byte after every byte, decodes to itself through the multi-byte table. */
    @Test
    void decodingTablesInvertTheCodes() {
        for (int a = 0; a < 256; a++) {
            for (int b = 0; b < 256; b += a == 0 ? 1 : 37) {
                byte[] text = {(byte) a, (byte) b, (byte) a, (byte) ' ', (byte) b};
                BitCodec.Writer writer = new BitCodec.Writer(8);
                writer.codes(text, TextCode.CODES);
                BinaryCodec.Out out = new BinaryCodec.Out(16);
                writer.appendTo(out);
                byte[] back = new byte[text.length];
                new BitCodec.Reader(out.toByteArray(), 0, "text")
                        .codes(back, back.length, TextCode.TABLE, TextCode.SINGLE, TextCode.MAX_LENGTH);
                assertThat(back).isEqualTo(text);
            }
        }
    }

    private static String code(int b) {
        int c = TextCode.CODES[b];
        String bits = Integer.toBinaryString(c >>> 4);
        return "0".repeat((c & 15) - bits.length()) + bits;
    }
}

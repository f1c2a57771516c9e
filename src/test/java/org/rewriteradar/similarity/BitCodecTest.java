package org.rewriteradar.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The exact bits of {@link BitCodec}: fingerprint format 3 is made of them. */
class BitCodecTest {

    private static String hex(Consumer<BitCodec.Writer> write) {
        BitCodec.Writer writer = new BitCodec.Writer(1);
        write.accept(writer);
        BinaryCodec.Out out = new BinaryCodec.Out(1);
        writer.appendTo(out);
        return HexFormat.of().formatHex(out.toByteArray());
    }

    private static BitCodec.Reader reader(String hex) {
        return new BitCodec.Reader(HexFormat.of().parseHex(hex), 0, "test");
    }

    @Test
    void bitsAreMostSignificantFirstAndPaddedWithZeros() {
        assertThat(hex(w -> w.bits(1, 1))).isEqualTo("80");
        assertThat(hex(w -> w.bits(0b101, 3).bits(0x3ff, 10))).isEqualTo("bff8");
        assertThat(hex(w -> w.bits(-1L, 57).bits(1, 1).bits(0, 6))).isEqualTo("ffffffffffffffc0");
        assertThat(hex(w -> {})).isEmpty();
        BitCodec.Reader r = reader("bff8");
        assertThat(r.bits(3)).isEqualTo(0b101);
        assertThat(r.bits(10)).isEqualTo(0x3ff);
        assertThat(r.remaining()).isEqualTo(3);
        r.end();
    }

    @Test
    void riceCodesAreTheDocumentedOnes() {
        // k = 2: 0 → 100, 5 → 0101, 9 → 00101; together 100 0101 00101 + 0 padding = 1000 1010 0101 0000
        assertThat(hex(w -> w.rice(0, 2).rice(5, 2).rice(9, 2))).isEqualTo("8a50");
        // a long quotient: 60 zeros, the one, then k = 0 bits
        assertThat(hex(w -> w.rice(60, 0))).isEqualTo("0000000000000008");
        // k = 31, the largest value of a 32-bit gap: one zero, the one, 31 ones
        assertThat(hex(w -> w.rice(0xFFFF_FFFFL, 31))).isEqualTo("7fffffff80");
        BitCodec.Reader r = reader("8a50");
        assertThat(r.rice(2, 100)).isZero();
        assertThat(r.rice(2, 100)).isEqualTo(5);
        assertThat(r.rice(2, 100)).isEqualTo(9);
        r.end();
        assertThat(reader("0000000000000008").rice(0, 1000)).isEqualTo(60);
        int[] out = new int[3];
        reader("8a50").rices(out, 0, 3, 2, 100);
        assertThat(out).containsExactly(0, 5, 9);
    }

    @Test
    void riceParameterIsFloorLog2OfTheMean() {
        assertThat(BitCodec.riceParameter(0, 0)).isZero();
        assertThat(BitCodec.riceParameter(2, 3)).isZero();
        assertThat(BitCodec.riceParameter(3, 3)).isZero();
        assertThat(BitCodec.riceParameter(6, 3)).isEqualTo(1);
        assertThat(BitCodec.riceParameter(0x8000_0005L, 3)).isEqualTo(29);
        assertThat(BitCodec.riceParameter(0xFFFF_FFFFL, 1)).isEqualTo(31);
        assertThat(BitCodec.riceParameter(Long.MAX_VALUE, 1)).isEqualTo(31);
    }

    @Test
    void refusesReadingPastTheEndValuesOutOfRangeAndTrailingBits() {
        assertThatThrownBy(() -> reader("ff").bits(9))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("truncated test");
        assertThatThrownBy(() -> reader("0000").rice(0, 1000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reader("8a50").rices(new int[3], 0, 3, 2, 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> reader("0000000000000008").rice(0, 59))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of range");
        BitCodec.Reader padded = reader("8a51");
        padded.rices(new int[3], 0, 3, 2, 100);
        assertThatThrownBy(padded::end).hasMessageContaining("non-zero padding");
        assertThatThrownBy(() -> reader("8a5000").end()).hasMessageContaining("trailing bytes");
    }
}

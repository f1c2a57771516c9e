package org.rewriteradar.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.rewriteradar.similarity.BinaryCodec.In;
import org.rewriteradar.similarity.BinaryCodec.Out;

/** The exact bytes of {@link BinaryCodec}: state stores and topics hold them, so they must never change. */
class BinaryCodecTest {

    private static String hex(Consumer<Out> write) {
        Out out = new Out(1);
        write.accept(out);
        return HexFormat.of().formatHex(out.toByteArray());
    }

    private static In in(String hex) {
        return new In(HexFormat.of().parseHex(hex));
    }

    @Test
    void varlongIsUnsignedLeb128() {
        String[][] cases = {
            {"0", "00"},
            {"1", "01"},
            {"127", "7f"},
            {"128", "8001"},
            {"300", "ac02"},
            {"16383", "ff7f"},
            {"16384", "808001"},
            {"2097151", "ffff7f"},
            {"2097152", "80808001"},
            {"4294967295", "ffffffff0f"},
            {"9223372036854775807", "ffffffffffffffff7f"},
            {"-9223372036854775808", "80808080808080808001"},
            {"-1", "ffffffffffffffffff01"},
        };
        for (String[] c : cases) {
            long v = Long.parseLong(c[0]);
            assertThat(hex(out -> out.varlong(v))).as("varlong %d", v).isEqualTo(c[1]);
            In in = in(c[1]);
            assertThat(in.varlong()).isEqualTo(v);
            assertThat(in.done()).isTrue();
        }
    }

    @Test
    void varintIsTheVarlongOfTheUnsigned32BitValue() {
        assertThat(hex(out -> out.varint(0))).isEqualTo("00");
        assertThat(hex(out -> out.varint(127))).isEqualTo("7f");
        assertThat(hex(out -> out.varint(128))).isEqualTo("8001");
        assertThat(hex(out -> out.varint(16383))).isEqualTo("ff7f");
        assertThat(hex(out -> out.varint(16384))).isEqualTo("808001");
        assertThat(hex(out -> out.varint(Integer.MAX_VALUE))).isEqualTo("ffffffff07");
        assertThat(hex(out -> out.varint(-1))).isEqualTo("ffffffff0f");
        assertThat(hex(out -> out.varint(Integer.MIN_VALUE))).isEqualTo("8080808008");
        assertThat(in("ffffffff0f").varint()).isEqualTo(-1);
        assertThat(in("8080808008").varint()).isEqualTo(Integer.MIN_VALUE);
        assertThatThrownBy(() -> in("8080808010").varint()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zigzagKeepsSmallNegativesShort() {
        long[][] cases = {
            {0, 0},
            {-1, 1},
            {1, 2},
            {-2, 3},
            {63, 126},
            {-64, 127},
            {64, 128},
            {Integer.MAX_VALUE, 4294967294L},
            {Integer.MIN_VALUE, 4294967295L},
            {Long.MAX_VALUE, -2},
            {Long.MIN_VALUE, -1},
        };
        for (long[] c : cases) {
            assertThat(BinaryCodec.zigzag(c[0])).as("zigzag %d", c[0]).isEqualTo(c[1]);
            assertThat(BinaryCodec.unzigzag(c[1])).isEqualTo(c[0]);
        }
        assertThat(hex(out -> out.zigzag(-1))).isEqualTo("01");
        assertThat(hex(out -> out.zigzag(64))).isEqualTo("8001");
        assertThat(hex(out -> out.zigzag(-8193))).isEqualTo("818001");
        assertThat(hex(out -> out.zigzag(Long.MAX_VALUE))).isEqualTo("feffffffffffffffff01");
        assertThat(hex(out -> out.zigzag(Long.MIN_VALUE))).isEqualTo("ffffffffffffffffff01");
        // for an int, the same bytes as a 32-bit zig-zag written as a varint (FingerprintCodec's first values)
        for (int v : new int[] {0, -1, 1, 127, -128, 16384, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            assertThat(hex(out -> out.zigzag(v))).isEqualTo(hex(out -> out.varint((v << 1) ^ (v >> 31))));
        }
        assertThat(in("feffffffffffffffff01").zigzag()).isEqualTo(Long.MAX_VALUE);
        assertThat(in("ffffffffffffffffff01").zigzag()).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void fixedWidthStringsAndBlobs() {
        assertThat(hex(out -> out.fixedInt(0x01020304))).isEqualTo("01020304");
        assertThat(hex(out -> out.fixedInt(-1))).isEqualTo("ffffffff");
        assertThat(hex(out -> out.fixedLong(0x0102030405060708L))).isEqualTo("0102030405060708");
        assertThat(in("8000000000000001").fixedLong()).isEqualTo(Long.MIN_VALUE + 1);
        assertThat(hex(out -> out.string(""))).isEqualTo("00");
        assertThat(hex(out -> out.string("aé"))).isEqualTo("0361c3a9");
        assertThat(hex(out -> out.nullableString(null))).isEqualTo("00");
        assertThat(hex(out -> out.nullableString(""))).isEqualTo("01");
        assertThat(hex(out -> out.nullableString("aé"))).isEqualTo("0461c3a9");
        assertThat(hex(out -> out.blob(new byte[] {7, -1}))).isEqualTo("0207ff");
        In in = in("0361c3a900" + "0461c3a9" + "0207ff");
        assertThat(in.string()).isEqualTo("aé");
        assertThat(in.nullableString()).isNull();
        assertThat(in.nullableString()).isEqualTo("aé");
        assertThat(in.blob()).containsExactly(7, -1);
        assertThat(in.done()).isTrue();
    }

    @Test
    void refusesTruncatedAndMalformedInput() {
        assertThatThrownBy(() -> in("80").varlong())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("truncated binary record");
        assertThatThrownBy(() -> new In(HexFormat.of().parseHex("0561"), "fingerprint").string())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("truncated fingerprint");
        assertThatThrownBy(() -> in("ffffffffffffffffffff01").varlong())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed varint");
        assertThatThrownBy(() -> in("ffffffff0f").string()).isInstanceOf(IllegalArgumentException.class);
    }
}

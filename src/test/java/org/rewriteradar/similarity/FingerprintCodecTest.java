package org.rewriteradar.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class FingerprintCodecTest {

    private final RewriteEngine engine = new RewriteEngine(DetectionSettings.defaults());

    /** Version 2 bytes of {@link HandBuiltFingerprint#of()} (117 bytes, sha256 8457b141…), as commit fd3a97f wrote them. */
    static final String HAND_BUILT_V2 =
            "460208c3bc6ec3af2d3114536f6d6520746578742e20416e6f746865722e0123456789abcdef80800108ffffffff0f"
                    + "ffffffff07017f01ff7e01fffffeff0703d704b1028001000303000300017c01aa02f3990106ffffffffffffffffff01"
                    + "ffffffffffffffff7f017f817ffffffeffffffffff7f";

    /** Version 3 bytes of {@link HandBuiltFingerprint#of()}. */
    static final String HAND_BUILT_V3 =
            "460308c3bc6ec3af2d310123456789abcdef808001290803000306e56c8c49f76768ec2b4d8df6f2000000003ffffffd"
                    + "0000000800003f400000020007efd000000001fffbffee8fffffb520000130800001fc2e6b80080187c80192a00679c0"
                    + "000000000000007fffffffffffffff8000000000000000000000000000003f80000000000020003fffffffffffffff80";

    /** Version 2 bytes of {@link HandBuiltFingerprint#indexed()}, as commit b88eb5c wrote them. */
    static final String INDEXED_V2 =
            "460208c3bc6ec3af2d3114536f6d6520746578742e20416e6f746865722e0123456789abcdef80800108ffffffff0f"
                    + "ffffffff07017f01ff7e01fffffeff0703d704b1028001000303000300010401010106ffffffffffffffffff01ffff"
                    + "ffffffffffff7f017f817ffffffeffffffffff7f";

    /** Version 3 bytes of {@link HandBuiltFingerprint#indexed()}, as commit b88eb5c wrote them. */
    static final String INDEXED_V3 =
            "460308c3bc6ec3af2d310123456789abcdef808001290803000306e56c8c49f76768ec2b4d8df6f2000000003ffffffd"
                    + "0000000800003f400000020007efd000000001fffbffee8fffffb520000130800001fc2e60a15600000000000000"
                    + "03fffffffffffffffc000000000000000000000000000001fc0000000000010001fffffffffffffffc";

    /** Version 4 bytes of {@link HandBuiltFingerprint#of()}, as commit 04bdcad wrote them. */
    static final String HAND_BUILT_V4 =
            "460408c3bc6ec3af2d310123456789abcdef808001290803000306e56c8c49f76768ec2b4d8df6f4000000007ffffffd"
                    + "0000000400000fd000000040007efd00000000fffefff8efffffda8587f85cd70010030f900325400cf38000000000"
                    + "000000ffffffffffffffff0000000000000000000000000000007f00000000000040007fffffffffffffff";

    /** Version 5 bytes of {@link HandBuiltFingerprint#of()} (its text too short to code). */
    static final String HAND_BUILT_V5 =
            "460508c3bc6ec3af2d310123456789abcdef808001280803000306536f6d6520746578742e20416e6f746865722ee800000000"
                    + "fffffffa0000000800001fa00000008000fdfa00000001fffdfff1dfffffb50b0ff0b9ae0020061f20064a8019e7000000"
                    + "0000000001fffffffffffffffe000000000000000000000000000000fe0000000000008000fffffffffffffffe";

    @Test
    void roundTripsEveryComponent() {
        ArticleFingerprint fp = engine.fingerprint("000", null, Fixtures.seedRewrite());
        byte[] bytes = FingerprintCodec.encode(fp);

        ArticleFingerprint back = FingerprintCodec.decode(bytes);

        assertThat(back).usingRecursiveComparison().isEqualTo(fp);
        assertThat(bytes[1]).isEqualTo((byte) FingerprintCodec.VERSION);
        assertThat(FingerprintCodec.VERSION).isEqualTo(5);
        ArticleFingerprint original = engine.fingerprint("002", null, Fixtures.seedOriginal());
        assertThat(engine.compare(original, back)).map(Detection::kind).contains(RewriteKind.SPUN_REWRITE);
    }

    @Test
    void roundTripsEmptyAndNullFields() {
        ArticleFingerprint empty = engine.fingerprint(null, null, "");
        assertThat(FingerprintCodec.decode(FingerprintCodec.encode(empty)))
                .usingRecursiveComparison()
                .isEqualTo(empty);
        ArticleFingerprint bare = new ArticleFingerprint("x", null, -1L, 0, null, null, null, null, null, null);
        ArticleFingerprint back = FingerprintCodec.decode(FingerprintCodec.encode(bare));
        assertThat(back.id()).isEqualTo("x");
        assertThat(back.text()).isNull();
        assertThat(back.textHash()).isEqualTo(-1L);
        assertThat(back.keys()).isEmpty();
        assertThat(back.contentTerms()).isEmpty();
        assertThat(back.sentenceOffsets()).containsExactly(0);
        assertThat(back.sentences()).isZero();
    }

    @Test
    void isMuchSmallerThanTheTextPlusFieldJson() throws Exception {
        ArticleFingerprint fp = engine.fingerprint("002", null, Fixtures.seedOriginal());
        byte[] bytes = FingerprintCodec.encode(fp);
        String json = new ObjectMapper().writeValueAsString(fp);

        assertThat(bytes.length).isLessThan(3 * fp.text().length());
        assertThat(json.length()).isLessThan(bytes.length * 4 / 3 + 8);
        assertThat(bytes.length).isLessThan(FingerprintCodecV2.encode(fp).length * 3 / 4);
    }

    @Test
    void encodingIsPinned() throws Exception {
        byte[] bytes = FingerprintCodec.encode(HandBuiltFingerprint.of());
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(bytes.length + " " + sha)
                .isEqualTo("145 594fcc1418dea017f57ceefb34ec6dff7e87d81d297a00206e54feaa9522f44d");
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(HAND_BUILT_V5);
        assertThat(FingerprintCodec.decode(bytes)).usingRecursiveComparison().isEqualTo(HandBuiltFingerprint.of());
    }

    @Test
    void readsVersion4() {
        assertThat(FingerprintCodec.decode(HexFormat.of().parseHex(HAND_BUILT_V4)))
                .usingRecursiveComparison()
                .isEqualTo(HandBuiltFingerprint.of());
    }

    @Test
    void readsVersion3WithItsPackedSetsNarrowed() {
        ArticleFingerprint back = FingerprintCodec.decode(HexFormat.of().parseHex(INDEXED_V3));

        assertThat(back).usingRecursiveComparison().isEqualTo(PackedHashes.narrowed(HandBuiltFingerprint.indexed()));
        // shingles -300, 5, 133 as 31-bit hashes packed with a narrative bit, cut to their top 20 bits: 5 and
        // 133 both become hash 0, narrative, and merge; -300 becomes the largest hash, not narrative
        assertThat(back.shingles()).containsExactly(1, 0xFFFFF << 1);
        // content terms MIN, -1, 0, 127, 128, 16383, 16384, MAX: 0, 127 and 128 merge, and the sentences'
        // indices [0 2 7] [] [1 3 5] move with them
        assertThat(back.contentTerms()).containsExactly(1, 7, 8, (0x7FFFF << 1) | 1, 0x80000 << 1, (0xFFFFF << 1) | 1);
        assertThat(back.sentenceTerms()).containsExactly(0, 3, 4, 0, 1, 5);
        assertThat(back.sentenceOffsets()).containsExactly(0, 3, 3, 6);
    }

    /** Sentence terms must index the content terms to be moved with them: format 3 and 2 refuse others. */
    @Test
    void refusesAnOlderVersionWhoseSentenceTermsLieBeyondItsContentTerms() {
        for (String hex : new String[] {HAND_BUILT_V3, HAND_BUILT_V2}) {
            assertThatThrownBy(() -> FingerprintCodec.decode(HexFormat.of().parseHex(hex)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("malformed fingerprint: sentence term beyond the content terms");
        }
    }

    @Test
    void readsVersion2() throws Exception {
        byte[] v2 = HexFormat.of().parseHex(HAND_BUILT_V2);
        assertThat(v2.length + " "
                        + HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256").digest(v2)))
                .isEqualTo("117 8457b14166582b7ae19493ead558b31d0f9369b455cc427db7aae560e8079ce7");
        // the frozen writer of the tests and benchmarks writes exactly these bytes
        assertThat(FingerprintCodecV2.encode(HandBuiltFingerprint.of())).isEqualTo(v2);
        byte[] indexed = HexFormat.of().parseHex(INDEXED_V2);
        assertThat(FingerprintCodecV2.encode(HandBuiltFingerprint.indexed())).isEqualTo(indexed);
        assertThat(FingerprintCodec.decode(indexed))
                .usingRecursiveComparison()
                .isEqualTo(PackedHashes.narrowed(HandBuiltFingerprint.indexed()));
    }

    /** The layout of the class Javadoc, bit by bit, on a small fingerprint worked out by hand. */
    @Test
    void layoutIsTheDocumentedOne() {
        ArticleFingerprint fp = new ArticleFingerprint(
                "a",
                null,
                1L,
                2,
                new int[] {Integer.MIN_VALUE, Integer.MIN_VALUE + 1, Integer.MIN_VALUE + 5},
                new int[] {-1, 0, 7},
                new int[0],
                new int[] {0, 2, 3, 1},
                new int[] {0, 3, 3, 4},
                new long[] {5L});
        String header = "46" + "05" // magic, version
                + "0261" // id "a": length + 1, UTF-8
                + "0000000000000001" // text hash
                + "02" // tokens
                + "00" // no text
                + "03" + "03" + "00" + "03" + "01"; // counts: content terms, shingles, skeleton, sentences, keys
        String bits =
                // content terms: u = 0, 1, 5; first 0, gaps 0, 3, sum 3 over 2 → k = 0
                "00000" + "0".repeat(32) + "1" + "0001"
                        // shingles: u = 2^31 - 1, 2^31, 2^31 + 7; first 2^31 - 1, gaps 0, 6, sum 6 over 2 → k = 1
                        + "00001"
                        + "0" + "1".repeat(31) // 2^31 - 1
                        + "1" + "0" // 0: quotient 0, remainder 0
                        + "0001" + "0" // 6: quotient 3, remainder 0
                        // skeleton: empty, nothing
                        // sentence lengths 3, 0, 1: sum 4 over 3 → k = 0
                        + "00000" + "0001" + "1" + "01"
                        // terms [0 2 3] [] [1]: gaps 0 1 0 | 1, sum 2 over 4 → k = 0
                        + "00000" + "1" + "01" + "1" + "01"
                        // the key, 64 bits
                        + "0".repeat(61) + "101";
        bits += "0".repeat((8 - bits.length() % 8) % 8); // padding

        byte[] bytes = FingerprintCodec.encode(fp);

        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(header + hex(bits));
        assertThat(FingerprintCodec.decode(bytes)).usingRecursiveComparison().isEqualTo(fp);
    }

    @Test
    void writesTheTextRawWhenTheCodeIsNoShorter() {
        String cyrillic = "Москва — столица России.";
        ArticleFingerprint fp = new ArticleFingerprint("r", cyrillic, 7L, 4, null, null, null, null, null, null);
        byte[] bytes = FingerprintCodec.encode(fp);
        byte[] utf8 = cyrillic.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // header: magic, version, id, hash, tokens, then 2 × (length + 1) + 0 (raw) and the five counts
        assertThat(bytes[13] & 0xFF).isEqualTo(2 * (utf8.length + 1));
        assertThat(Arrays.copyOfRange(bytes, bytes.length - utf8.length, bytes.length))
                .isEqualTo(utf8);
        assertThat(FingerprintCodec.decode(bytes).text()).isEqualTo(cyrillic);
        String sentence = "The government said on Tuesday that it would not comment.";
        ArticleFingerprint english = new ArticleFingerprint("r", sentence, 7L, 10, null, null, null, null, null, null);
        byte[] coded = FingerprintCodec.encode(english);
        // 2 × (length + 1) + 1 (coded), the five counts, then the code's length and the code
        assertThat(coded[13] & 0xFF).as("coded").isEqualTo(2 * (sentence.length() + 1) + 1);
        assertThat(coded[19] & 0xFF)
                .as("code length")
                .isEqualTo(coded.length - 20)
                .isLessThan(sentence.length() * 2 / 3);
        assertThat(FingerprintCodec.decode(coded).text()).isEqualTo(sentence);
    }

    /**
     * A corrupt text code decodes to some text (the code has no checksum: the text hash is the fingerprint's)
     * or is refused as a malformed fingerprint, never with another exception.
     */
    @Test
    void refusesACorruptTextCode() {
        String sentence = "The government said on Tuesday that it would not comment.";
        byte[] coded = FingerprintCodec.encode(
                new ArticleFingerprint("r", sentence, 7L, 10, null, null, null, null, null, null));
        int refused = 0;
        for (int i = 20; i < coded.length; i++) {
            byte[] bad = coded.clone();
            bad[i] ^= (byte) 0xA5;
            try {
                assertThat(FingerprintCodec.decode(bad).text()).as("byte %d", i).isNotNull();
            } catch (IllegalArgumentException expected) {
                assertThat(expected).hasMessageStartingWith("malformed fingerprint: text code");
                refused++;
            }
        }
        System.out.printf("[text-code] %d of %d corrupt codes refused%n", refused, coded.length - 20);
        assertThat(refused).isPositive();
        byte[] longer = coded.clone();
        longer[13] += 2; // one byte more than the code holds
        assertThatThrownBy(() -> FingerprintCodec.decode(longer))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("malformed fingerprint: text code");
    }

    @Test
    void rejectsUnknownVersionAndGarbage() {
        byte[] bytes = FingerprintCodec.encode(engine.fingerprint("a", null, "Some text here."));
        for (int version : new int[] {0, 1, 6, 99}) {
            bytes[1] = (byte) version;
            assertThatThrownBy(() -> FingerprintCodec.decode(bytes))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("unsupported fingerprint format version " + version);
        }
        assertThatThrownBy(() -> FingerprintCodec.decode(new byte[] {'F', 1, (byte) 0xff}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FingerprintCodec.decode(new byte[] {'X'}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FingerprintCodec.decode(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsEveryTruncationAndTrailingBytes() {
        ArticleFingerprint fp = engine.fingerprint("000", null, Fixtures.seedRewrite());
        for (byte[] bytes : new byte[][] {
            FingerprintCodec.encode(fp),
            FingerprintCodec.encode(HandBuiltFingerprint.of()),
            HexFormat.of().parseHex(INDEXED_V3),
            HexFormat.of().parseHex(HAND_BUILT_V4),
            FingerprintCodecV2.encode(fp),
            FingerprintCodecV2.encode(HandBuiltFingerprint.of())
        }) {
            for (int n = 0; n < bytes.length; n++) {
                byte[] prefix = Arrays.copyOf(bytes, n);
                assertThatThrownBy(() -> FingerprintCodec.decode(prefix))
                        .as("%d of %d bytes", n, bytes.length)
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
        byte[] v5 = FingerprintCodec.encode(fp);
        assertThatThrownBy(() -> FingerprintCodec.decode(Arrays.copyOf(v5, v5.length + 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trailing");
    }

    @Test
    void refusesToEncodeSetsOrSentencesOutOfOrder() {
        ArticleFingerprint fp = HandBuiltFingerprint.of();
        for (ArticleFingerprint bad : new ArticleFingerprint[] {
            withSets(fp, new int[] {1, 1}, fp.shingles()),
            withSets(fp, fp.contentTerms(), new int[] {5, -300}),
            withSentences(fp, new int[] {2, 1}, new int[] {0, 2}),
            withSentences(fp, new int[] {-1}, new int[] {0, 1}),
            withSentences(fp, new int[] {0, 1}, new int[] {0, 1}),
            withSentences(fp, new int[] {0, 1}, new int[] {1, 2}),
            withSentences(fp, new int[] {0, 1}, new int[] {0, 2, 1, 2}),
            withSentences(fp, new int[] {0}, null)
        }) {
            assertThatThrownBy(() -> FingerprintCodec.encode(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static ArticleFingerprint withSets(ArticleFingerprint fp, int[] contentTerms, int[] shingles) {
        return new ArticleFingerprint(
                fp.id(),
                fp.text(),
                fp.textHash(),
                fp.tokens(),
                contentTerms,
                shingles,
                fp.skeleton(),
                fp.sentenceTerms(),
                fp.sentenceOffsets(),
                fp.keys());
    }

    private static ArticleFingerprint withSentences(ArticleFingerprint fp, int[] terms, int[] offsets) {
        return new ArticleFingerprint(
                fp.id(),
                fp.text(),
                fp.textHash(),
                fp.tokens(),
                fp.contentTerms(),
                fp.shingles(),
                fp.skeleton(),
                terms,
                offsets,
                fp.keys());
    }

    private static String hex(String bits) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < bits.length(); i += 8) {
            out.append(String.format("%02x", Integer.parseInt(bits.substring(i, i + 8), 2)));
        }
        return out.toString();
    }
}

package org.rewriteradar.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FingerprintCodecTest {

    private final RewriteEngine engine = new RewriteEngine(DetectionSettings.defaults());

    @Test
    void roundTripsEveryComponent() {
        ArticleFingerprint fp = engine.fingerprint("000", null, Fixtures.seedRewrite());
        byte[] bytes = FingerprintCodec.encode(fp);

        ArticleFingerprint back = FingerprintCodec.decode(bytes);

        assertThat(back).usingRecursiveComparison().isEqualTo(fp);
        assertThat(bytes[1]).isEqualTo((byte) FingerprintCodec.VERSION);
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
        assertThat(back.sentences()).isZero();
    }

    @Test
    void isMuchSmallerThanTheTextPlusFieldJson() throws Exception {
        ArticleFingerprint fp = engine.fingerprint("002", null, Fixtures.seedOriginal());
        byte[] bytes = FingerprintCodec.encode(fp);
        String json = new ObjectMapper().writeValueAsString(fp);

        assertThat(bytes.length).isLessThan(3 * fp.text().length());
        assertThat(json.length()).isLessThan(bytes.length * 4 / 3 + 8);
    }

    @Test
    void encodingIsPinned() throws Exception {
        byte[] bytes = FingerprintCodec.encode(HandBuiltFingerprint.of());
        String sha = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(bytes.length + " " + sha)
                .isEqualTo("117 8457b14166582b7ae19493ead558b31d0f9369b455cc427db7aae560e8079ce7");
        assertThat(FingerprintCodec.decode(bytes)).usingRecursiveComparison().isEqualTo(HandBuiltFingerprint.of());
    }

    @Test
    void rejectsUnknownVersionAndGarbage() {
        byte[] bytes = FingerprintCodec.encode(engine.fingerprint("a", null, "Some text here."));
        bytes[1] = 99;
        assertThatThrownBy(() -> FingerprintCodec.decode(bytes)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FingerprintCodec.decode(new byte[] {'F', 1, (byte) 0xff}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FingerprintCodec.decode(new byte[] {'X'}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

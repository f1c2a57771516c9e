package org.rewriteradar.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rewriteradar.SharedData;
import org.rewriteradar.eval.EvalData;

/**
 * Every fingerprint of a labelled set (its keys included) reads back equal, array by array, from version 3
 * and from version 2, and version 3 is the smaller. Skips without the shared data, fails without it on CI.
 */
class FingerprintCodecDataTest {

    private final RewriteEngine engine = new RewriteEngine();

    @ParameterizedTest
    @ValueSource(strings = {"pool-bbc", "meter"})
    void everyFingerprintOfALabelledSetReadsBackEqual(String set) {
        Path folder = SharedData.require("data/" + set);
        long v2Bytes = 0;
        long v4Bytes = 0;
        int n = 0;
        for (EvalData.Article a : EvalData.load(folder, set).articles()) {
            ArticleFingerprint fp = engine.fingerprint(a.id(), a.title(), a.body());
            byte[] v4 = FingerprintCodec.encode(fp);
            byte[] v2 = FingerprintCodecV2.encode(fp);
            FingerprintCodecPropertyTest.assertEqual(FingerprintCodec.decode(v4), fp);
            v4Bytes += v4.length;
            v2Bytes += v2.length;
            n++;
        }
        assertThat(n).isGreaterThan(1000);
        assertThat(v4Bytes).as("v4 against v2 bytes of the same fingerprints").isLessThan(v2Bytes * 4 / 5);
    }
}

package org.rewriteradar.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.dynatrace.hash4j.similarity.ElementHashProvider;
import com.dynatrace.hash4j.similarity.SimilarityHashPolicy;
import com.dynatrace.hash4j.similarity.SimilarityHashing;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.rewriteradar.text.TextAnalyzer;
import org.rewriteradar.text.TextNormalizer;

/**
 * Golden values of fingerprints and of the seed pair's detection under the default settings, pinned from the
 * engine of commit 4d54094 (fingerprints as their format v2 bytes, written by the frozen
 * {@link FingerprintCodecV2}; their format v3 bytes pinned since v3, v4 since the packed sets' hashes were cut
 * to 20 bits ({@link PackedHashes}), when the v2 and v3 bytes were kept as files and the seed pair's {@code c5}
 * and {@code j5} gained one chance collision, v5 since texts are coded with a phrase dictionary, when the v4
 * bytes were kept as files too): what "stable across restarts and machines" means, tested; the
 * stored bytes of earlier versions must still read as the same fingerprint. Fingerprints live in state
 * stores and changelogs, and candidate keys in the index, so a change to any value here is a change of the
 * stored format (re-fingerprint everything, bump the codec version) or of detections, never a refactoring.
 * The MinHash signature is recomputed here from its definition (SuperMinHash, 64 components of 16 bits, over
 * seeded word 3-shingle hashes of the stems) so that the definition itself is pinned.
 */
class FingerprintGoldenTest {

    private final RewriteEngine engine = new RewriteEngine(DetectionSettings.defaults());

    /**
     * The keys as pinned before common stems were left out of sentence keys ({@code
     * fingerprinting.sentence-key-common-stems=0}); the goldens' {@code keys} fields are this engine's.
     */
    private final RewriteEngine noCommonStems = new RewriteEngine(DetectionSettings.defaults()
            .withFingerprinting(DetectionSettings.Fingerprinting.defaults().withSentenceKeyCommonStems(0)));

    /** Three sentence keys per sentence ({@code fingerprinting.sentence-key-seeds=3}, an operator's choice). */
    private final RewriteEngine threeKeys = new RewriteEngine(DetectionSettings.defaults()
            .withFingerprinting(DetectionSettings.Fingerprinting.defaults()
                    .withSentenceKeySeeds(3)
                    .withSentenceKeyCommonStems(0)));

    /** Seed of the shingle window hashes (the MinHash input), as in the engine. */
    private static final long SHINGLE_SEED = 0x5348_494e_474cL;

    private record Golden(
            String name,
            String text,
            String v2Sha256,
            int v2Length,
            String v3Sha256,
            int v3Length,
            String v4Sha256,
            int v4Length,
            String v5Sha256,
            int v5Length,
            int tokens,
            long textHash,
            int keys,
            long firstKey,
            long secondKey,
            long lastKey,
            String signatureSha256,
            long[] firstComponents) {}

    private static Golden[] goldens() {
        return new Golden[] {
            new Golden(
                    "seed-original",
                    Fixtures.seedOriginal(),
                    "a1711a231afc303f566489d095991e565b547b3784277a755d0b1ab9ad6608b1",
                    5734,
                    "ec6bc9eadbd8471052222770428d4e86ee7f4047289253e294c329e6224d9270",
                    4175,
                    "daa3055151aacc7c1ff7a093a2a6164d149663dc174d7987ce16b8e3a92a15a2",
                    3114,
                    "1b844662f24cc01ee3c4d4e1b460eab9cad38f4ea0657621bbf8b5e51f721654",
                    2743,
                    355,
                    8026148710561876047L,
                    42,
                    -8396572533115007018L,
                    -8317068595498354323L,
                    8482567471023522292L,
                    "0f7ca8b085aec67b4495416d433f578b10e2d8da1a1c3a07fad1cc6553db7197",
                    new long[] {13690L, 62614L, 42018L, 5760L, 158L, 35429L, 35962L, 8082L}),
            new Golden(
                    "seed-rewrite",
                    Fixtures.seedRewrite(),
                    "09696ffaae55b82fe32498af4e6b52092c83ec5729cc8bba89194a9e19913751",
                    7572,
                    "09c5c360b3da23508078dc48a4d042c67f55b9728e22a9c6763af1809d208be3",
                    5523,
                    "0d2771f724e3bb5b95b3597bf0438216efa8e39c625a7480b1cc960a9c459262",
                    4118,
                    "76ddd90e3790dd20c42c710271f93834ef4ed51eab23343d8afa6180d419b774",
                    3566,
                    476,
                    8231438703875458987L,
                    54,
                    -9062908681986944069L,
                    -7801498553676238475L,
                    9078336602569805152L,
                    "3c88cd2152a8e948e284e9d885d6772192281fcccbf6ae867b20c4539670fbbd",
                    new long[] {32036L, 39314L, 59574L, 38360L, 39857L, 37076L, 56250L, 8082L}),
            new Golden(
                    "sameevent-a",
                    Fixtures.read("sameevent-a.txt"),
                    "5214998781f2433eb938476b5139331dff79426521e86b9d741dfc3e9635e3d2",
                    2354,
                    "9139b676f0efbedcc1163452d993cc75eae997601b293cb7d1b4a8cf1bce5ea8",
                    1779,
                    "7b993a65211e1d0fc3cde0ea1a42a0d6d975471439a3f512363874020bbf6d07",
                    1365,
                    "f9fcfadc249b878fab79cc5dac75ed15773635b10695ec3040b5a2e7bab75b67",
                    1318,
                    132,
                    6766856956725477765L,
                    28,
                    -8620808943270466362L,
                    -7592922048463081297L,
                    7426266506755271486L,
                    "04dee031a13757b3efbb96a86bf9a2ddafe9654677cdbb6534de424ec997fc28",
                    new long[] {3120L, 17603L, 37256L, 57013L, 22324L, 23941L, 16412L, 44671L}),
            new Golden(
                    "sameevent-b",
                    Fixtures.read("sameevent-b.txt"),
                    "7c243a4e05d2503bc01564dd8f15fd105df8f839b5e2148668e171948d44fec8",
                    2258,
                    "681cefd953c1e65724035d4b0ee6f2f98108d2f7a51673ada49c00a171f8ef99",
                    1704,
                    "db9e957e3aacc3189568e0d8368d00b50e1efc455386033728d84a7e91d983df",
                    1315,
                    "1d0bae63a29c11c872febe2733a63ce3a1767b4e840572c3cb3875443c9dc721",
                    1295,
                    129,
                    -591592665699806776L,
                    28,
                    -8048452449078769018L,
                    -7990585576012612829L,
                    8725353950977522674L,
                    "32294aeb3aba3a390cf20e28c04a25abe6da86a55f751510f06bba0d730cfea6",
                    new long[] {47720L, 23978L, 38456L, 57661L, 14083L, 7798L, 29846L, 45615L})
        };
    }

    @Test
    void encodedFingerprintsAndCandidateKeysAreTheGoldenOnes() {
        for (Golden g : goldens()) {
            ArticleFingerprint fp = noCommonStems.fingerprint(g.name(), null, g.text());
            byte[] v2 = stored(g.name() + ".v2");
            byte[] v3 = stored(g.name() + ".v3");
            byte[] v4 = stored(g.name() + ".v4");
            byte[] encoded = FingerprintCodec.encode(fp);
            long[] keys = noCommonStems.candidateKeys(fp);

            assertThat(v2.length + " " + sha256(v2)).as(g.name()).isEqualTo(g.v2Length() + " " + g.v2Sha256());
            assertThat(v3.length + " " + sha256(v3)).as(g.name()).isEqualTo(g.v3Length() + " " + g.v3Sha256());
            assertThat(v4.length + " " + sha256(v4)).as(g.name()).isEqualTo(g.v4Length() + " " + g.v4Sha256());
            assertThat(encoded.length + " " + sha256(encoded))
                    .as(g.name())
                    .isEqualTo(g.v5Length() + " " + g.v5Sha256());
            assertThat(fp.tokens()).as(g.name()).isEqualTo(g.tokens());
            assertThat(fp.textHash()).as(g.name()).isEqualTo(g.textHash());
            assertThat(keys).as(g.name()).hasSize(g.keys());
            assertThat(keys[0]).as(g.name()).isEqualTo(g.firstKey());
            assertThat(keys[1]).as(g.name()).isEqualTo(g.secondKey());
            assertThat(keys[keys.length - 1]).as(g.name()).isEqualTo(g.lastKey());
            assertThat(engine.minSharedKeys(keys)).as(g.name()).isEqualTo(1);
            assertThat(FingerprintCodec.decode(encoded))
                    .as(g.name())
                    .usingRecursiveComparison()
                    .isEqualTo(fp);
            assertThat(FingerprintCodec.decode(v4))
                    .as(g.name() + " from version 4")
                    .usingRecursiveComparison()
                    .isEqualTo(fp);
            assertThat(FingerprintCodec.decode(v3))
                    .as(g.name() + " from version 3, packed sets narrowed")
                    .usingRecursiveComparison()
                    .isEqualTo(fp);
            assertThat(FingerprintCodec.decode(v2))
                    .as(g.name() + " from version 2, packed sets narrowed")
                    .usingRecursiveComparison()
                    .isEqualTo(fp);
        }
    }

    /** Bytes an earlier format version wrote for a golden text ({@code src/test/resources/fixtures/fingerprints}). */
    private static byte[] stored(String name) {
        try (InputStream in = FingerprintGoldenTest.class.getResourceAsStream("/fixtures/fingerprints/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing stored fingerprint " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Three sentence keys per sentence: every key of the two-seed engine (common stems kept) is still there (an index
     * built with two keeps finding its articles after the switch), the fingerprint as stored is unchanged, and
     * the keys are these.
     */
    @Test
    void aThirdSentenceKeyKeepsEveryTwoSeedKey() {
        long[][] expected = {
            // keys, first, second, last
            {55L, -8396572533115007018L, -8384978134174354879L, 8530238544700431009L},
            {74L, -9062908681986944069L, -8542151460261536210L, 9078336602569805152L},
            {34L, -8620808943270466362L, -7769562775174204074L, 9003051256031973566L},
            {34L, -8048452449078769018L, -7990585576012612829L, 8725353950977522674L}
        };
        Golden[] goldens = goldens();
        for (int i = 0; i < goldens.length; i++) {
            Golden g = goldens[i];
            ArticleFingerprint fp = threeKeys.fingerprint(g.name(), null, g.text());
            long[] keys = threeKeys.candidateKeys(fp);
            long[] twoSeeds = noCommonStems.candidateKeys(noCommonStems.fingerprint(g.name(), null, g.text()));

            assertThat(keys).as(g.name()).contains(twoSeeds);
            assertThat(summary(keys)).as(g.name()).containsExactly(expected[i]);
            assertThat(FingerprintCodec.encode(fp.withoutKeys()))
                    .as(g.name() + ": the stored fingerprint (keys stripped) is the two-seed engine's")
                    .isEqualTo(FingerprintCodec.encode(
                            engine.fingerprint(g.name(), null, g.text()).withoutKeys()));
        }
    }

    /**
     * The default keys: the 300 commonest stems of news left out of sentence keys. The stored fingerprint
     * (keys stripped) is unchanged, so stores and changelogs keep their format; only sentence keys whose
     * sketch held such a stem differ, and no band key does.
     */
    @Test
    void defaultSentenceKeysLeaveTheCommonestStemsOut() {
        long[][] expected = {
            // keys, first, second, last
            {40L, -8936280970948231950L, -8396572533115007018L, 8984257582020125637L},
            {54L, -9091577238854123763L, -8936280970948231950L, 8986128328694593093L},
            {28L, -8620808943270466362L, -7592922048463081297L, 7426266506755271486L},
            {28L, -8048452449078769018L, -7990585576012612829L, 8725353950977522674L}
        };
        Golden[] goldens = goldens();
        long[][] actual = new long[goldens.length][];
        for (int i = 0; i < goldens.length; i++) {
            Golden g = goldens[i];
            ArticleFingerprint fp = engine.fingerprint(g.name(), null, g.text());
            long[] keys = engine.candidateKeys(fp);
            actual[i] = summary(keys);
            assertThat(FingerprintCodec.encode(fp.withoutKeys()))
                    .as(g.name() + ": the stored fingerprint (keys stripped) is unchanged")
                    .isEqualTo(FingerprintCodec.encode(
                            noCommonStems.fingerprint(g.name(), null, g.text()).withoutKeys()));
        }
        assertThat(actual).isDeepEqualTo(expected);
    }

    /** What the key tests pin of a key set: its size, first, second and last key. */
    private static long[] summary(long[] keys) {
        return new long[] {keys.length, keys[0], keys[1], keys[keys.length - 1]};
    }

    @Test
    void minHashSignatureIsTheGoldenOne() {
        SimilarityHashPolicy policy = SimilarityHashing.superMinHash(64, 16);
        for (Golden g : goldens()) {
            int[] stems = new TextAnalyzer()
                    .analyze(TextNormalizer.normalize(g.text()))
                    .terms();
            long[] shingles = Mix.windows(Mix.premix(stems), 3, SHINGLE_SEED);
            byte[] signature = policy.createHasher().compute(ElementHashProvider.ofValues(shingles));

            assertThat(sha256(signature)).as(g.name()).isEqualTo(g.signatureSha256());
            assertThat(new CandidateKeys(
                                    DetectionSettings.Fingerprinting.defaults(),
                                    DetectionSettings.Candidates.defaults())
                            .signature(Mix.premix(stems)))
                    .as(g.name() + " engine's signature")
                    .isEqualTo(signature);
            for (int i = 0; i < g.firstComponents().length; i++) {
                assertThat(policy.getComponent(signature, i))
                        .as(g.name() + " component " + i)
                        .isEqualTo(g.firstComponents()[i]);
            }
        }
    }

    @Test
    void seedPairDetectionIsTheGoldenOne() {
        ArticleFingerprint original = engine.fingerprint("002", null, Fixtures.seedOriginal());
        ArticleFingerprint rewrite = engine.fingerprint("000", null, Fixtures.seedRewrite());

        Detection d = engine.compare(original, rewrite).orElseThrow();

        assertThat(d.kind()).isEqualTo(RewriteKind.SPUN_REWRITE);
        assertThat(d.score()).isEqualTo(0.7084147730660265);
        assertThat(d.signals())
                .containsExactly(
                        entry("c5", 0.3989),
                        entry("narrative5", 0.037),
                        entry("skeleton", 0.1323),
                        entry("alignCandidate", 0.6164),
                        entry("alignOriginal", 1.0),
                        entry("alignSimilarity", 0.4824),
                        entry("sentenceCandidate", 0.411),
                        entry("sentenceOriginal", 0.4536),
                        entry("unigram", 0.4324),
                        entry("quoteShared", 0.6839),
                        entry("lengthRatio", 0.2933),
                        entry("j5", 0.205),
                        entry("containment", 0.2966),
                        entry("score", 0.7084));
        assertThat(d.evidence()).hasSize(9).noneMatch(MatchedPassage::truncated);
        // the golden of before passages could be cut: the same passages, without the truncated component
        String whole = d.evidence().toString().replace(", truncated=false]", "]");
        assertThat(sha256(whole.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("391b58dc17a90ea46a74d206fcbbcfb4b5b9d12ab6419badc08433e1ec3de14e");
    }

    @Test
    void seedPairFeaturesAreTheGoldenOnes() {
        ArticleFingerprint original = engine.fingerprint("002", null, Fixtures.seedOriginal());
        ArticleFingerprint rewrite = engine.fingerprint("000", null, Fixtures.seedRewrite());

        PairFeatures f = engine.features(original, rewrite);

        assertThat(f.vector())
                .containsExactly(
                        0.39886039886039887,
                        0.037037037037037035,
                        0.13227513227513227,
                        0.6164383561643836,
                        1.0,
                        0.48244208409826034,
                        0.410958904109589,
                        0.4536082474226804,
                        0.43243243243243246,
                        0.6839378238341969,
                        0.2933000647560042);
        assertThat(f.j5()).isEqualTo(0.20497803806734993);
        assertThat(f.alignedPairs()).containsExactly(0, 1, 1, 2, 3, 4, 4, 5, 5, 6, 12, 13);
    }

    @Test
    void sameEventPairDoesNotAlert() {
        assertThat(engine.compare(
                        engine.fingerprint("a", null, Fixtures.read("sameevent-a.txt")),
                        engine.fingerprint("b", null, Fixtures.read("sameevent-b.txt"))))
                .isEmpty();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

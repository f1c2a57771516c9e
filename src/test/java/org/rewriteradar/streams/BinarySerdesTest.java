package org.rewriteradar.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.rewriteradar.model.ArticleRef;
import org.rewriteradar.similarity.ArticleFingerprint;
import org.rewriteradar.similarity.DetectionSettings;
import org.rewriteradar.similarity.HandBuiltFingerprint;
import org.rewriteradar.similarity.RewriteEngine;

class BinarySerdesTest {

    private static <T> T roundTrip(Serde<T> serde, T value) {
        byte[] bytes = serde.serializer().serialize("t", value);
        return serde.deserializer().deserialize("t", bytes);
    }

    @Test
    void bandEntryRoundTrips() {
        for (BandEntry e : List.of(
                new BandEntry("a-1", 1_700_000_000_000L, 1, 60),
                new BandEntry("", Long.MIN_VALUE, Integer.MAX_VALUE, 0),
                new BandEntry("ünïcødé-€-𝄞", Long.MAX_VALUE, -1, Integer.MIN_VALUE),
                new BandEntry("x", -5, 0, 1))) {
            assertThat(roundTrip(RadarTopology.BAND_ENTRY_SERDE, e)).isEqualTo(e);
        }
    }

    @Test
    void bucketRoundTrips() {
        Random random = new Random(7);
        List<BandEntry> members = new ArrayList<>();
        for (int k = 0; k < 64; k++) {
            members.add(new BandEntry("article-" + random.nextInt(), random.nextLong(), 1 + random.nextInt(5), 60));
        }
        for (Bucket b :
                List.of(Bucket.EMPTY, new Bucket(List.copyOf(members), 12_345), new Bucket(members.subList(0, 1), 0))) {
            assertThat(roundTrip(RadarTopology.BUCKET_SERDE, b)).isEqualTo(b);
        }
    }

    @Test
    void bucketIsMuchSmallerThanJson() {
        List<BandEntry> members = new ArrayList<>();
        for (int k = 0; k < 64; k++) {
            members.add(new BandEntry("synthetic-" + (100_000 + k), 1_577_836_800_000L + k * 1000L, 1, 61));
        }
        Bucket bucket = new Bucket(members, 3);
        int binary = RadarTopology.BUCKET_SERDE.serializer().serialize("t", bucket).length;
        int json = JsonSerdes.of(Bucket.class).serializer().serialize("t", bucket).length;
        assertThat(binary).isLessThan(json / 3);
    }

    @Test
    void entriesCarryTheirIndexingTimeAndFormatOneBucketsStillRead() {
        BandEntry entry = new BandEntry("a-1", -1_000_000_000_000L, 2, 60, 1_800_000_000_000L);
        assertThat(roundTrip(RadarTopology.BAND_ENTRY_SERDE, entry)).isEqualTo(entry);
        Bucket bucket = new Bucket(List.of(entry, new BandEntry("b", 5, 1, 3, Long.MIN_VALUE)), 4);
        assertThat(roundTrip(RadarTopology.BUCKET_SERDE, bucket)).isEqualTo(bucket);

        // a bucket as the previous version wrote it (format 1: no indexing time) reads as indexed when published
        byte[] formatOne = new org.rewriteradar.similarity.BinaryCodec.Out(32)
                .write(1)
                .varlong(7)
                .varint(1)
                .string("old")
                .zigzag(1_700_000_000_000L)
                .varint(1)
                .varint(60)
                .toByteArray();
        assertThat(RadarTopology.BUCKET_SERDE.deserializer().deserialize("t", formatOne))
                .isEqualTo(new Bucket(List.of(new BandEntry("old", 1_700_000_000_000L, 1, 60, 1_700_000_000_000L)), 7));
    }

    @Test
    void bucketReplyRoundTrips() {
        for (BucketReply r : List.of(
                new BucketReply("a-1", 1, 60, List.of()),
                new BucketReply("b", 7, 1, List.of("a", "ä", "synthetic-99999")),
                new BucketReply("ünï", Integer.MAX_VALUE, 0, List.of("")))) {
            assertThat(roundTrip(RadarTopology.BUCKET_REPLY_SERDE, r)).isEqualTo(r);
        }
    }

    private static StoredArticle article(String id, String url, String title) {
        RewriteEngine engine = new RewriteEngine(DetectionSettings.defaults());
        String body = "The city council approved the new bridge on Tuesday after a long debate. Work starts in May "
                + "and should take two years. \"It will cut travel times,\" the mayor said. Ünïcødé café — 𝄞.";
        ArticleFingerprint fp = engine.fingerprint(id, title, body);
        StoredArticle first = StoredArticle.first(
                new ArticleRef(id, 1, url, null, title, Instant.parse("2024-03-05T10:00:00.123456789Z")), fp);
        ArticleFingerprint revised = engine.fingerprint(id, title, body.replace("May", "September"));
        return first.revise(
                new ArticleRef(id, 2, url, "Example", title, Instant.parse("1969-12-31T23:59:59Z")), revised);
    }

    @Test
    void storedArticleRoundTripsAndIsSmallerThanJson() {
        for (StoredArticle a : List.of(
                article("a-1", "https://example.org/a-1", "Council approves bridge"), article("ä", null, null))) {
            byte[] bytes = RadarTopology.STORED_ARTICLE_SERDE.serializer().serialize("t", a);
            StoredArticle back =
                    RadarTopology.STORED_ARTICLE_SERDE.deserializer().deserialize("t", bytes);
            assertThat(back).usingRecursiveComparison().isEqualTo(a);
            assertThat(back.ref()).isEqualTo(a.ref());
            assertThat(back.versions()).isEqualTo(a.versions());
            byte[] json = JsonSerdes.of(StoredArticle.class).serializer().serialize("t", a);
            assertThat(bytes.length).isLessThan(json.length);
        }
    }

    @Test
    void candidatePairRoundTripsWithAndWithoutArticle() {
        CandidatePair bare = CandidatePair.of("b-2", "a-1");
        assertThat(roundTrip(RadarTopology.PAIR_SERDE, bare)).isEqualTo(bare);
        CandidatePair full = bare.withFirst(article("a-1", "u", "t"));
        assertThat(roundTrip(RadarTopology.PAIR_SERDE, full))
                .usingRecursiveComparison()
                .isEqualTo(full);
    }

    /** The exact bytes of every binary form (sizes and SHA-256), as written before the varint codec moved. */
    @Test
    void encodingsArePinned() throws Exception {
        StoredArticle first = StoredArticle.first(
                new ArticleRef(
                        "a-1", 1, "https://example.org/a-1", null, "Tïtle", Instant.parse("1969-12-31T23:59:59.5Z")),
                HandBuiltFingerprint.of());
        StoredArticle article = first.revise(
                new ArticleRef("a-1", 2, null, "Example", null, Instant.parse("2024-03-05T10:00:00.123456789Z")),
                HandBuiltFingerprint.of());
        StringBuilder digests = new StringBuilder();
        for (byte[] bytes : List.of(
                RadarTopology.STORED_ARTICLE_SERDE.serializer().serialize("t", article),
                RadarTopology.PAIR_SERDE
                        .serializer()
                        .serialize("t", CandidatePair.of("b-2", "a-1").withFirst(article)),
                RadarTopology.BUCKET_SERDE
                        .serializer()
                        .serialize(
                                "t",
                                new Bucket(
                                        List.of(
                                                new BandEntry("a", Long.MIN_VALUE, 1, 16384),
                                                new BandEntry("ü", Long.MAX_VALUE, 127, 128)),
                                        16383)),
                RadarTopology.BUCKET_REPLY_SERDE
                        .serializer()
                        .serialize("t", new BucketReply("x", Integer.MAX_VALUE, 0, List.of("", "é"))),
                RadarTopology.BAND_ENTRY_SERDE
                        .serializer()
                        .serialize("t", new BandEntry("x", -1, -1, Integer.MIN_VALUE)),
                new CandidateCollector.Progress(1, 16384, 127).encode())) {
            digests.append(bytes.length)
                    .append(' ')
                    .append(java.util.HexFormat.of()
                            .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                    .digest(bytes)))
                    .append('\n');
        }
        assertThat(digests.toString())
                .isEqualTo(
                        """
                        181 5ed0c002ec1556128fdffc6760b432fa644b7b1aef8ff365608e92ee7ff08301
                        194 8b5bbbff852dd28e10f51b897a0f09c1fa9b0a48c843334421bca3953eff036e
                        56 00e5d475ace190f5f5e6ade12ecb530d4657036cfba9a9cb68b6ab3f09ac34cf
                        14 da3d2728b3e05624181b0f24432ca66854e47ba1b0adcaee15f3d723a9b2550e
                        15 30c1a00cc49bf4233ecb7c53050daced082fa8461e47d238a44df1f931fcf814
                        6 b22707484333b1112b563e79101926d1418f06e2f7eb3b1a158feb74d4d2b120
                        """);
    }

    @Test
    void refusesTheJsonFormItReplaced() {
        Bucket bucket = new Bucket(List.of(new BandEntry("a", 1, 2, 3)), 9);
        byte[] json = JsonSerdes.of(Bucket.class).serializer().serialize("t", bucket);
        assertThatThrownBy(() -> RadarTopology.BUCKET_SERDE.deserializer().deserialize("t", json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported binary record format " + (int) '{');
        StoredArticle article = article("a-1", "u", "t");
        byte[] articleJson = JsonSerdes.of(StoredArticle.class).serializer().serialize("t", article);
        assertThatThrownBy(
                        () -> RadarTopology.STORED_ARTICLE_SERDE.deserializer().deserialize("t", articleJson))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void passesNullThroughAndRejectsGarbage() {
        assertThat(RadarTopology.BUCKET_SERDE.serializer().serialize("t", null)).isNull();
        assertThat(RadarTopology.BUCKET_SERDE.deserializer().deserialize("t", null))
                .isNull();
        assertThatThrownBy(() -> RadarTopology.BUCKET_SERDE.deserializer().deserialize("t", new byte[] {9, 1}))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] ok = RadarTopology.BUCKET_SERDE
                .serializer()
                .serialize("t", new Bucket(List.of(new BandEntry("a", 1, 2, 3)), 0));
        assertThatThrownBy(() -> RadarTopology.BUCKET_SERDE
                        .deserializer()
                        .deserialize("t", java.util.Arrays.copyOf(ok, ok.length - 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

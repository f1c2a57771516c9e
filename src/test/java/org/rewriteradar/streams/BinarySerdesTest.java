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
            assertThat(RadarTopology.STORED_ARTICLE_SERDE.deserializer().deserialize("t", json))
                    .usingRecursiveComparison()
                    .isEqualTo(a);
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
        byte[] json = JsonSerdes.of(CandidatePair.class).serializer().serialize("t", full);
        assertThat(RadarTopology.PAIR_SERDE.deserializer().deserialize("t", json))
                .usingRecursiveComparison()
                .isEqualTo(full);
    }

    @Test
    void readsTheJsonFormItReplaced() {
        Bucket bucket = new Bucket(List.of(new BandEntry("a", 1, 2, 3), new BandEntry("b", 4, 5, 6)), 9);
        byte[] json = JsonSerdes.of(Bucket.class).serializer().serialize("t", bucket);
        assertThat(RadarTopology.BUCKET_SERDE.deserializer().deserialize("t", json))
                .isEqualTo(bucket);
        BucketReply reply = new BucketReply("a", 1, 2, List.of("b", "c"));
        byte[] replyJson = JsonSerdes.of(BucketReply.class).serializer().serialize("t", reply);
        assertThat(RadarTopology.BUCKET_REPLY_SERDE.deserializer().deserialize("t", replyJson))
                .isEqualTo(reply);
        BandEntry entry = new BandEntry("a", 1, 2, 3);
        byte[] entryJson = JsonSerdes.of(BandEntry.class).serializer().serialize("t", entry);
        assertThat(RadarTopology.BAND_ENTRY_SERDE.deserializer().deserialize("t", entryJson))
                .isEqualTo(entry);
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

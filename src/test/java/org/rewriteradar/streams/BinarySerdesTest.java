package org.rewriteradar.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    void bandProbeRoundTrips() {
        for (BandProbe p : List.of(
                new BandProbe("a-1", 1_700_000_000_000L, 1, 60, 6, 1_800_000_000_000L, new long[] {-1, 0, 42}),
                new BandProbe("", Long.MIN_VALUE, Integer.MAX_VALUE, 0, 1, Long.MAX_VALUE, new long[0]),
                new BandProbe("ünïcødé-€-𝄞", Long.MAX_VALUE, -1, Integer.MIN_VALUE, 0, -5, new long[] {
                    Long.MIN_VALUE, Long.MAX_VALUE
                }))) {
            assertThat(roundTrip(RadarTopology.BAND_PROBE_SERDE, p)).isEqualTo(p);
        }
    }

    @Test
    void bucketMemberRoundTripsInAFewBytes() {
        for (BucketMember m : List.of(
                new BucketMember("a-1", 1_700_000_000_000L, 1_800_000_000_000L),
                new BucketMember("", Long.MIN_VALUE, Long.MAX_VALUE),
                new BucketMember("ünï", -1, 0))) {
            assertThat(roundTrip(BinarySerdes.BUCKET_MEMBER, m)).isEqualTo(m);
        }
        // one entry per (band, member): the id and two times, about a dozen bytes besides the id
        byte[] bytes = BinarySerdes.BUCKET_MEMBER
                .serializer()
                .serialize("t", new BucketMember("synthetic-100000", 1_577_836_800_000L, 1_764_000_000_000L));
        assertThat(bytes.length).isLessThanOrEqualTo(1 + 17 + 2 * 6);
    }

    @Test
    void pairMarksTakeOneByteAndTheEightByteMarksOfEarlierVersionsStillRead() {
        for (long mark : new long[] {PairMarks.SENT, PairMarks.SCORED}) {
            byte[] bytes = RadarTopology.PAIR_MARK_SERDE.serializer().serialize("t", mark);
            assertThat(bytes).containsExactly((byte) mark);
            assertThat(roundTrip(RadarTopology.PAIR_MARK_SERDE, mark)).isEqualTo(mark);
            byte[] old = org.apache.kafka.common.serialization.Serdes.Long()
                    .serializer()
                    .serialize("t", mark);
            assertThat(RadarTopology.PAIR_MARK_SERDE.deserializer().deserialize("t", old))
                    .isEqualTo(mark);
        }
        assertThatThrownBy(() -> RadarTopology.PAIR_MARK_SERDE.deserializer().deserialize("t", new byte[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pair mark of 3 bytes");
        assertThatThrownBy(() -> RadarTopology.PAIR_MARK_SERDE.serializer().serialize("t", 300L))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bucketReplyRoundTrips() {
        Map<String, Integer> shared = new LinkedHashMap<>();
        shared.put("a", 1);
        shared.put("ä", 30);
        shared.put("synthetic-99999", Integer.MAX_VALUE);
        for (BucketReply r : List.of(
                new BucketReply("a-1", 1, 60, 6, Map.of()),
                new BucketReply("b", 7, 1, 1, shared),
                new BucketReply("ünï", Integer.MAX_VALUE, 0, 0, Map.of("", 2)),
                new BucketReply("c", 2, 40, 3, shared, Map.of("later-1", 4, "é", 1)))) {
            assertThat(roundTrip(RadarTopology.BUCKET_REPLY_SERDE, r)).isEqualTo(r);
        }
    }

    @Test
    void candidateGatheringRoundTrips() {
        Map<String, Integer> shared = new LinkedHashMap<>();
        shared.put("a", 1);
        shared.put("synthetic-99999", Integer.MAX_VALUE);
        for (CandidateCollector.Gathering g : List.of(
                new CandidateCollector.Gathering(1, 30, 6, 0, Map.of(), Map.of()),
                new CandidateCollector.Gathering(7, 12, 3, 2, shared, Map.of()),
                new CandidateCollector.Gathering(Integer.MAX_VALUE, 0, 1, 1, shared, Map.of("ä", 3)))) {
            assertThat(CandidateCollector.Gathering.decode(g.encode())).isEqualTo(g);
        }
    }

    @Test
    void scoringRequestRoundTrips() {
        StoredArticle article = article("a-1", "u", "t");
        ScoringRequest request = new ScoringRequest(article.ref(), article.fingerprint(), List.of("b", "ä", "c-3"));
        assertThat(roundTrip(RadarTopology.SCORING_REQUEST_SERDE, request))
                .usingRecursiveComparison()
                .isEqualTo(request);
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

    /**
     * The exact bytes of every binary form (sizes and SHA-256): the stored article's as written before the
     * varint codec moved, the index records' as the partition-grouped index introduced them. The first two
     * embed the hand-built fingerprint, in fingerprint format 4 since it (138 bytes; 144 in format 3, 117 in
     * format 2: its keys and extreme values are the worst case of the bit codes); with the format 3 bytes in
     * their place they were {@code 209 7f75d9e7…} and {@code 179 c4f4566f…}, with the format 2 bytes {@code
     * 181 5ed0c002…} and {@code 151 77d69c62…}.
     */
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
                RadarTopology.SCORING_REQUEST_SERDE
                        .serializer()
                        .serialize("t", new ScoringRequest(article.ref(), article.fingerprint(), List.of("b-2", "é"))),
                BinarySerdes.BUCKET_MEMBER
                        .serializer()
                        .serialize("t", new BucketMember("ü", Long.MIN_VALUE, Long.MAX_VALUE)),
                RadarTopology.BUCKET_REPLY_SERDE
                        .serializer()
                        .serialize("t", new BucketReply("x", Integer.MAX_VALUE, 0, 16384, Map.of("é", 127))),
                RadarTopology.BAND_PROBE_SERDE
                        .serializer()
                        .serialize("t", new BandProbe("x", -1, -1, Integer.MIN_VALUE, 6, 1, new long[] {-2, 3})),
                new CandidateCollector.Gathering(1, 16384, 127, 6, Map.of("a", 3), Map.of()).encode())) {
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
                        210 85046dc5548b164179cd2538b945417f52a6fc89bd9377b7c2c1f06656f0f396
                        180 3342b3a2fc77398985cb651540e8a0aa7ac25f355f6d991b6e6e1dbdaa532360
                        24 0f24836e83451d8dcba5908b399c112c16fa39658ee6282b919def53e84b5b8b
                        17 00a1b40b3a95fb37c0ee80ba553bae13717722819a9ce61e7e9b4c3c523b326e
                        33 9b60399da3e0550d933713eec9cd27193b1c725f4d3afc6f039bddad86784b05
                        11 c6c75b2094fe745cbb4fee5a77b9e50c74317639e8de02f6ece1af917c34172f
                        """);
    }

    @Test
    void refusesTheJsonFormAndThePerBandFormsItReplaced() {
        byte[] json = "{\"articleId\":\"a\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> BinarySerdes.BUCKET_MEMBER.deserializer().deserialize("t", json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported binary record format " + (int) '{');
        // a whole bucket of the per-band index (format 2: evicted, count, entries) is refused, not misread
        byte[] oldBucket = new org.rewriteradar.similarity.BinaryCodec.Out(32)
                .write(2)
                .varlong(7)
                .varint(1)
                .string("old")
                .zigzag(1_700_000_000_000L)
                .varint(1)
                .varint(60)
                .zigzag(1_700_000_000_000L)
                .toByteArray();
        assertThatThrownBy(() -> BinarySerdes.BUCKET_MEMBER.deserializer().deserialize("t", oldBucket))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported binary record format 2");
        StoredArticle article = article("a-1", "u", "t");
        byte[] articleJson = JsonSerdes.of(StoredArticle.class).serializer().serialize("t", article);
        assertThatThrownBy(
                        () -> RadarTopology.STORED_ARTICLE_SERDE.deserializer().deserialize("t", articleJson))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void passesNullThroughAndRejectsGarbage() {
        assertThat(RadarTopology.BAND_PROBE_SERDE.serializer().serialize("t", null))
                .isNull();
        assertThat(RadarTopology.BAND_PROBE_SERDE.deserializer().deserialize("t", null))
                .isNull();
        assertThatThrownBy(() -> RadarTopology.BAND_PROBE_SERDE.deserializer().deserialize("t", new byte[] {9, 1}))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] ok = RadarTopology.BAND_PROBE_SERDE
                .serializer()
                .serialize("t", new BandProbe("a", 1, 2, 3, 1, 4, new long[] {5}));
        assertThatThrownBy(() -> RadarTopology.BAND_PROBE_SERDE
                        .deserializer()
                        .deserialize("t", java.util.Arrays.copyOf(ok, ok.length - 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

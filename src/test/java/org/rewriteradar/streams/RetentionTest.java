package org.rewriteradar.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.rewriteradar.model.RewriteAlert;
import org.rewriteradar.similarity.RewriteKind;

/**
 * Retention as the README states it: two articles are compared when their {@code publishedAt} lie within
 * {@code radar.index.retention} of each other, whatever arrived first; an article leaves the index once
 * the retention has passed on the wall clock since it was stored. So older articles after newer ones
 * (a backfill, a lagging partition) are indexed and compared, and a replay in any interleaving finds what
 * live traffic finds.
 */
class RetentionTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Map<String, String> SETTINGS =
            Map.of("radar.index.retention", "P30D", "radar.index.sweep-interval", "PT1S");

    private static final String BRIDGE =
            "The city council approved the new bridge on Tuesday after a long debate. Work starts in May and should"
                    + " take two years. The mayor said the bridge would cut travel times for thousands of commuters.";
    private static final String FLOOD =
            "Heavy rain flooded several roads in the north of the county overnight. Police asked drivers to avoid"
                    + " the valley road until the water recedes, and schools in two villages stayed closed.";

    private static String at(Instant t) {
        return t.toString();
    }

    @Test
    void anOldArchiveAfterTodaysNewsIsIndexedAndComparedWithinItsOwnWindow() {
        try (var radar = new RobustDriver("retention-backfill", SETTINGS, NOW)) {
            // today's news first: the task has seen the present
            radar.publish("today-1", RobustDriver.article("today-1", BRIDGE, at(NOW.minus(Duration.ofHours(3)))));
            radar.publish("today-2", RobustDriver.article("today-2", FLOOD, at(NOW.minus(Duration.ofHours(2)))));
            // then an archive of 1987, whose last article is a verbatim copy of its first
            radar.publish("old-1", RobustDriver.article("old-1", FLOOD, "1987-03-02T09:00:00Z"));
            radar.publish("old-2", RobustDriver.article("old-2", BRIDGE, "1987-03-03T09:00:00Z"));
            radar.publish("old-3", RobustDriver.article("old-3", FLOOD, "1987-03-20T09:00:00Z"));
            radar.driver.advanceWallClockTime(Duration.ofMinutes(5)); // sweeps run; nothing is due

            List<RewriteAlert> alerts = radar.alerts.readValuesToList();
            // compared with the 1987 article of its window only, never with today's copy of the same text
            assertThat(MixedEraSample.findings(alerts)).containsExactly("VERBATIM_COPY old-1 <- old-3");
            assertThat(radar.deadLetters.isEmpty()).isTrue();
            for (String id : List.of("old-1", "old-2", "old-3", "today-1", "today-2")) {
                assertThat(radar.articleStore().get(id)).as(id).isNotNull();
            }
            assertThat(bucketMembers(radar)).contains("old-1", "old-2", "old-3");
        }
    }

    @Test
    void aRewriteArrivingBeforeItsOriginalIsAlertedOnceNamingTheEarlierPublished() {
        try (var radar = new RobustDriver("retention-reversed", SETTINGS, NOW)) {
            radar.publish("copy", RobustDriver.article("copy", BRIDGE, "1987-03-05T09:00:00Z"));
            radar.publish("original", RobustDriver.article("original", BRIDGE, "1987-03-02T09:00:00Z"));
            radar.publish("copy", RobustDriver.article("copy", BRIDGE, "1987-03-05T09:00:00Z")); // re-sent

            List<RewriteAlert> alerts = radar.alerts.readValuesToList();
            assertThat(alerts).singleElement().satisfies(a -> {
                assertThat(a.original().id()).isEqualTo("original");
                assertThat(a.article().id()).isEqualTo("copy");
                assertThat(a.kind()).isEqualTo(RewriteKind.VERBATIM_COPY);
            });
        }
    }

    @Test
    void comparesOnlyArticlesPublishedWithinTheRetentionOfEachOther() {
        try (var radar = new RobustDriver("retention-window", SETTINGS, NOW)) {
            Instant t0 = Instant.parse("2000-01-01T00:00:00Z");
            radar.publish("late", RobustDriver.article("late", BRIDGE, at(t0.plus(Duration.ofDays(31)))));
            radar.publish("first", RobustDriver.article("first", BRIDGE, at(t0)));
            radar.publish("edge", RobustDriver.article("edge", BRIDGE, at(t0.plus(Duration.ofDays(30)))));

            assertThat(MixedEraSample.findings(radar.alerts.readValuesToList()))
                    .containsExactlyInAnyOrder("VERBATIM_COPY first <- edge", "VERBATIM_COPY edge <- late");
        }
    }

    @Test
    void anArticleLeavesTheIndexWhenTheRetentionHasPassedOnTheWallClockNotBefore() {
        try (var radar = new RobustDriver("retention-expiry", SETTINGS, NOW)) {
            radar.publish("a-1", RobustDriver.article("a-1", BRIDGE, "1987-03-02T09:00:00Z"));
            // the newest article a task can see does not move the clock that expires a-1
            radar.publish("b-1", RobustDriver.article("b-1", FLOOD, at(NOW.plus(Duration.ofHours(20)))));
            radar.driver.advanceWallClockTime(Duration.ofDays(29));
            assertThat(radar.articleStore().get("a-1")).isNotNull();
            assertThat(bucketMembers(radar)).contains("a-1");

            radar.driver.advanceWallClockTime(Duration.ofDays(1).plusSeconds(2));
            long expiredBefore = RadarCounters.count(RadarCounters.EXPIRED, RadarTopology.ARTICLE_STORE);
            radar.driver.advanceWallClockTime(Duration.ofSeconds(2));
            assertThat(radar.articleStore().get("a-1")).isNull();
            assertThat(radar.articleStore().get("b-1")).isNull();
            assertThat(bucketMembers(radar)).isEmpty();
            assertThat(RadarCounters.count(RadarCounters.EXPIRED, RadarTopology.ARTICLE_STORE))
                    .isGreaterThanOrEqualTo(expiredBefore);

            radar.publish("a-2", RobustDriver.article("a-2", BRIDGE, "1987-03-03T09:00:00Z"));
            assertThat(radar.alerts.isEmpty()).isTrue();
            assertThat(radar.articleStore().get("a-2")).isNotNull();
        }
    }

    @Test
    void aRevisionRestartsTheArticlesRetention() {
        try (var radar = new RobustDriver("retention-revision", SETTINGS, NOW)) {
            radar.publish("a-1", RobustDriver.article("a-1", BRIDGE, "1987-03-02T09:00:00Z"));
            radar.driver.advanceWallClockTime(Duration.ofDays(20));
            radar.publish("a-1", RobustDriver.article("a-1", BRIDGE + " The vote was close.", "1987-03-04T09:00:00Z"));
            radar.driver.advanceWallClockTime(Duration.ofDays(20));
            assertThat(radar.articleStore().get("a-1").ref().version()).isEqualTo(2);
            assertThat(bucketMembers(radar)).contains("a-1");
            radar.driver.advanceWallClockTime(Duration.ofDays(11));
            assertThat(radar.articleStore().get("a-1")).isNull();
            assertThat(bucketMembers(radar)).isEmpty();
            KeyValueStore<String, Long> expiry = radar.driver.getKeyValueStore(RadarTopology.ARTICLE_EXPIRY_STORE);
            try (var all = expiry.all()) {
                assertThat(all.hasNext()).as("article-expiry-store empty").isFalse();
            }
        }
    }

    @Test
    void farFutureAndPrehistoricDatesAreDeadLetteredAndCounted() {
        try (var radar = new RobustDriver("retention-refused", SETTINGS, NOW)) {
            long future = RadarCounters.count(RadarCounters.DEAD_LETTERS, "PUBLISHED_IN_FUTURE", "intake");
            long invalid = RadarCounters.count(RadarCounters.DEAD_LETTERS, "INVALID_PUBLISHED_AT", "intake");
            radar.publish("typo", RobustDriver.article("typo", BRIDGE, "2962-03-05T10:00:00Z"));
            radar.publish("ancient", RobustDriver.article("ancient", BRIDGE, "1850-03-05T10:00:00Z"));

            assertThat(radar.deadLetters.readRecordsToList())
                    .extracting(r -> RobustDriver.header(r, "radar.dlq.reason"))
                    .containsExactly("PUBLISHED_IN_FUTURE", "INVALID_PUBLISHED_AT");
            assertThat(RadarCounters.count(RadarCounters.DEAD_LETTERS, "PUBLISHED_IN_FUTURE", "intake"))
                    .isEqualTo(future + 1);
            assertThat(RadarCounters.count(RadarCounters.DEAD_LETTERS, "INVALID_PUBLISHED_AT", "intake"))
                    .isEqualTo(invalid + 1);
        }
    }

    /**
     * The labelled mixed-era sample: in date order, all sets together (a replay), equals newest set first
     * (a partition far ahead of the others: 1987 after 2022) and a seeded shuffle (any skew; there the
     * findings between articles published at the same instant are left out, their original being the one
     * seen first), and finds the labelled rewrites of 1987 and 2022. Story alerts are left out of the shuffled
     * comparison: a story is judged when its rewrite arrives, against the versions present then (README,
     * "Limits").
     */
    @Test
    void aMixedEraReplayFindsTheSameWhateverTheInterleaving() {
        MixedEraSample sample = MixedEraSample.load();
        List<RewriteAlert> dateOrder = run("retention-date-order", sample.events());
        System.out.printf(
                "[retention] %d events, %d labelled pairs; date order: %d alerts, must-alert pairs found %d of %d%n",
                sample.events().size(),
                sample.pairs().size(),
                dateOrder.size(),
                sample.found(dateOrder).size(),
                sample.pairs().stream().filter(MixedEraSample.Pair::mustAlert).count());

        assertThat(sample.found(dateOrder))
                .as("the Reuters 1987 copies and revisions and the 2022 seed pair")
                .containsAll(sample.pairs().stream()
                        .filter(p -> !p.set().equals("meter"))
                        .map(p -> p.original() + " <- " + p.candidate())
                        .toList());
        assertThat(sample.found(dateOrder)).hasSizeGreaterThan(sample.pairs().size() / 2);
        List<RewriteAlert> newestFirst = run("retention-newest-first", sample.bySets("seeds", "meter", "pool-reuters"));
        assertThat(MixedEraSample.findings(newestFirst)).isEqualTo(MixedEraSample.findings(dateOrder));
        for (long seed : new long[] {42, 7}) {
            assertThat(MixedEraSample.untiedFindings(
                            pairAlerts(run("retention-shuffled-" + seed, sample.shuffled(seed)))))
                    .as("shuffled with seed %d", seed)
                    .isEqualTo(MixedEraSample.untiedFindings(pairAlerts(dateOrder)));
        }
    }

    private static List<RewriteAlert> pairAlerts(List<RewriteAlert> alerts) {
        return alerts.stream()
                .filter(a -> !a.signals().containsKey("storyVersions"))
                .toList();
    }

    private List<RewriteAlert> run(String name, List<MixedEraSample.Event> events) {
        try (var radar = new RobustDriver(name, Map.of(), NOW)) {
            for (MixedEraSample.Event e : events) {
                radar.publish(e.id(), e.json());
                radar.driver.advanceWallClockTime(Duration.ofMillis(100));
            }
            assertThat(radar.deadLetters.isEmpty()).isTrue();
            return radar.alerts.readValuesToList();
        }
    }

    private static TreeSet<String> bucketMembers(RobustDriver radar) {
        TreeSet<String> out = new TreeSet<>();
        KeyValueStore<Bytes, byte[]> buckets = radar.driver.getKeyValueStore(RadarTopology.BUCKET_STORE);
        try (var all = buckets.all()) {
            all.forEachRemaining(kv -> out.add(BinarySerdes.BUCKET_MEMBER
                    .deserializer()
                    .deserialize(null, kv.value)
                    .articleId()));
        }
        return out;
    }
}

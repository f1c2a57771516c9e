package org.rewriteradar.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rewriteradar.StateDirs;
import org.rewriteradar.TestConfig;
import org.rewriteradar.config.DetectionOverrides;
import org.rewriteradar.config.RadarConfig;
import org.rewriteradar.model.RewriteAlert;
import org.rewriteradar.similarity.DetectionSettings;
import org.rewriteradar.similarity.RewriteEngine;

/**
 * Story alerts through the topology ({@code radar.detection.stories.*}): a story told in two earlier
 * versions of one source, rewritten by a later article that neither version alone makes a rewrite of.
 * Pairs are kept from alerting (threshold above 1, near duplicates off), so every alert here is a story's.
 */
class StoryAlertTopologyTest {

    private static final List<String> SENTENCES = List.of(
            "The harbour board approved a new ferry terminal on Tuesday after a long and bitter debate.",
            "Building work is due to start in May and should take about two years to complete.",
            "The terminal will handle four large ferries a day and up to nine hundred cars at a time.",
            "Local traders said the project would bring visitors back to the old quay and its shops.",
            "Opponents warned that heavy lorries would clog the narrow streets leading to the harbour.",
            "The board promised to build a relief road before the first ferry sails from the terminal.",
            "A public inquiry into the plans last year heard from more than two hundred witnesses.",
            "The chairman of the board thanked residents for their patience during the long consultation.");

    private Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> articles;
    private TestOutputTopic<String, RewriteAlert> alerts;

    private void start(Map<String, String> detection) {
        stateDir = StateDirs.fresh("radar-story-test");
        RadarConfig config = TestConfig.radar();
        RewriteEngine engine = new RewriteEngine(DetectionOverrides.apply(DetectionSettings.defaults(), detection));
        driver = new TopologyTestDriver(
                RadarTopology.build(config, engine), TestConfig.driverProperties("radar-story-test", stateDir));
        articles = driver.createInputTopic(
                config.topics().articles(), new ByteArraySerializer(), new ByteArraySerializer());
        alerts = driver.createOutputTopic(
                config.topics().alerts(), new StringDeserializer(), RadarTopology.ALERT_SERDE.deserializer());
    }

    private static Map<String, String> stories(String share) {
        return Map.of(
                "stories.alert-narrative", share,
                "weights.alert-threshold", "1.01",
                "kinds.near-duplicate-containment", "2.0");
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
        StateDirs.delete(stateDir);
    }

    private void publish(String id, String source, String publishedAt, List<String> sentences) {
        ObjectNode json = JsonSerdes.MAPPER.createObjectNode();
        json.put("id", id).put("source", source).put("body", String.join(" ", sentences));
        json.put("publishedAt", publishedAt);
        articles.pipeInput(id.getBytes(StandardCharsets.UTF_8), json.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The wire's first copy (the first five sentences), its night lead (the last four), and a paper's story. */
    private void publishStory(String nightLeadSource) {
        publish("pa-first", "Press Association", "2024-03-05T10:00:00Z", SENTENCES.subList(0, 5));
        publish("pa-night", nightLeadSource, "2024-03-05T18:00:00Z", SENTENCES.subList(4, 8));
        publish(
                "paper-1",
                "Daily Paper",
                "2024-03-06T06:00:00Z",
                List.of(SENTENCES.get(0), SENTENCES.get(2), SENTENCES.get(5), SENTENCES.get(6)));
    }

    @Test
    void flagsAnArticleRewritingAStoryToldInTwoVersionsOfOneSource() {
        start(stories("0.6"));
        publishStory("Press Association");

        List<RewriteAlert> raised = alerts.readValuesToList();

        assertThat(raised).singleElement().satisfies(a -> {
            assertThat(a.article().id()).isEqualTo("paper-1");
            assertThat(a.original().id()).isIn("pa-first", "pa-night");
            assertThat(a.signals().get("storyVersions")).isEqualTo(2.0);
            assertThat(a.signals().get("storyNarrative")).isGreaterThanOrEqualTo(0.6);
            assertThat(a.score()).isGreaterThanOrEqualTo(1.01);
            assertThat(a.evidence()).isNotEmpty();
        });
        assertThat(driver.<String, byte[]>getKeyValueStore(RadarTopology.STORY_STORE)
                        .approximateNumEntries())
                .isZero();
    }

    @Test
    void neverUnitesTwoSourcesIntoOneStory() {
        start(stories("0.6"));
        publishStory("Another Wire");
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void staysQuietBelowTheStorysShare() {
        start(stories("0.99"));
        publishStory("Press Association");
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void gathersNoStoryWhenStoriesAreOff() {
        start(stories("1.0"));
        publishStory("Press Association");
        assertThat(alerts.isEmpty()).isTrue();
        assertThat(driver.getAllStateStores()).doesNotContainKey(RadarTopology.STORY_STORE);
    }
}

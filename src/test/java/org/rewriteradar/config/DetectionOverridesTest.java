package org.rewriteradar.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rewriteradar.TestConfig;
import org.rewriteradar.similarity.DetectionSettings;
import org.rewriteradar.similarity.Feature;

class DetectionOverridesTest {

    @Test
    void keepsDefaultsWhenNothingIsSet() {
        DetectionSettings defaults = DetectionSettings.defaults();

        assertThat(DetectionOverrides.apply(defaults, Map.of())).isEqualTo(defaults);
    }

    @Test
    void overridesSettingNamedByGroupAndKebabCaseFromConfiguration() {
        var config = TestConfig.radar(Map.of("radar.detection.weights.alert-threshold", "0.75"));

        DetectionSettings settings = DetectionOverrides.apply(DetectionSettings.defaults(), config.detection());

        DetectionSettings d = DetectionSettings.defaults();
        assertThat(settings).isEqualTo(d.withWeights(d.weights().withAlertThreshold(0.75)));
    }

    @Test
    void acceptsTheEnvironmentVariableSpellingOfASetting() {
        // RADAR_DETECTION_WEIGHTS_ALERT_CONTAINMENT and _FINGERPRINTING_SENTENCE_KEY_SEEDS reach the map so
        DetectionSettings settings = DetectionOverrides.apply(
                DetectionSettings.defaults(),
                Map.of("weights.alert.containment", "0.12", "fingerprinting.sentence.key.seeds", "3"));

        assertThat(settings.weights().alertContainment()).isEqualTo(0.12);
        assertThat(settings.fingerprinting().sentenceKeySeeds()).isEqualTo(3);
    }

    @Test
    void exactSpellingWinsOverTheEnvironmentSpelling() {
        DetectionSettings settings = DetectionOverrides.apply(
                DetectionSettings.defaults(),
                Map.of("weights.alert-threshold", "0.6", "weights.alert.threshold", "0.7"));

        assertThat(settings.weights().alertThreshold()).isEqualTo(0.6);
    }

    @Test
    void everySettingHasItsOwnSpellingFreeName() {
        List<String> known = new ArrayList<>();
        try {
            DetectionOverrides.apply(DetectionSettings.defaults(), Map.of("no-such-setting", "1"));
        } catch (IllegalArgumentException e) {
            String list = e.getMessage().substring(e.getMessage().indexOf("known: [") + 8);
            known.addAll(List.of(list.substring(0, list.length() - 1).split(", ")));
        }

        assertThat(known).hasSizeGreaterThan(30);
        assertThat(known.stream().map(DetectionOverrides::canonical).distinct()).hasSameSizeAs(known);
    }

    @Test
    void mapsFeatureWeightsByTheFeatureKeyInKebabCase() {
        DetectionSettings settings = DetectionOverrides.apply(
                DetectionSettings.defaults(),
                Map.of("weights.sentence-candidate", "0.25", "weights.sentence-original", "-1.5"));

        assertThat(settings.weights().weight(Feature.SENTENCE_CANDIDATE)).isEqualTo(0.25);
        assertThat(settings.weights().weight(Feature.SENTENCE_ORIGINAL)).isEqualTo(-1.5);
        assertThat(settings.weights().alignOriginal())
                .isEqualTo(DetectionSettings.defaults().weights().alignOriginal());
    }

    @Test
    void everyFeatureHasAWeightSettingNamedAfterIt() {
        for (Feature f : Feature.ALL) {
            String name = "weights." + DetectionOverrides.kebab(f.key());
            DetectionSettings settings = DetectionOverrides.apply(DetectionSettings.defaults(), Map.of(name, "0.125"));
            DetectionSettings d = DetectionSettings.defaults();

            assertThat(settings).as(name).isEqualTo(d.withWeights(d.weights().withWeight(f, 0.125)));
        }
    }

    @Test
    void overridesTheCandidateLimitsAsOneGroup() {
        DetectionSettings settings = DetectionOverrides.apply(
                DetectionSettings.defaults(),
                Map.of("candidates.max-candidates", "4", "candidates.min-shared-keys-from", "12"));

        assertThat(settings.candidates())
                .isEqualTo(DetectionSettings.Candidates.defaults()
                        .withMaxCandidates(4)
                        .withMinSharedKeysFrom(12));
    }

    @Test
    void overridesTheEvidenceCapsByTheirNames() {
        var config = TestConfig.radar(Map.of(
                "radar.detection.evidence.max-passage-chars", "250", "radar.detection.evidence.max-passages", "5"));

        DetectionSettings settings = DetectionOverrides.apply(DetectionSettings.defaults(), config.detection());

        assertThat(settings.evidence()).isEqualTo(new DetectionSettings.Evidence(5, 250));
        assertThat(settings.withEvidence(DetectionSettings.Evidence.defaults()))
                .isEqualTo(DetectionSettings.defaults());
    }

    @Test
    void rejectsUnknownSettingByName() {
        assertThatThrownBy(() ->
                        DetectionOverrides.apply(DetectionSettings.defaults(), Map.of("weights.alert-treshold", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weights.alert-treshold")
                .hasMessageContaining("weights.alert-threshold");
    }

    @Test
    void rejectsTheFlatNamesOfBeforeTheGroups() {
        assertThatThrownBy(() -> DetectionOverrides.apply(DetectionSettings.defaults(), Map.of("alert-threshold", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weights.alert-threshold");
    }

    @Test
    void rejectsUnparsableValue() {
        assertThatThrownBy(() -> DetectionOverrides.apply(
                        DetectionSettings.defaults(), Map.of("fingerprinting.lsh-bands", "many")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fingerprinting.lsh-bands");
    }
}

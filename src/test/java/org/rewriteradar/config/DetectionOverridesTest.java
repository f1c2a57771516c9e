package org.rewriteradar.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

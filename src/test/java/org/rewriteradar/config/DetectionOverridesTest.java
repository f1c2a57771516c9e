package org.rewriteradar.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rewriteradar.TestConfig;
import org.rewriteradar.similarity.DetectionSettings;

class DetectionOverridesTest {

    @Test
    void keepsDefaultsWhenNothingIsSet() {
        DetectionSettings defaults = DetectionSettings.defaults();

        assertThat(DetectionOverrides.apply(defaults, Map.of())).isEqualTo(defaults);
    }

    @Test
    void overridesSettingNamedInKebabCaseFromConfiguration() {
        var config = TestConfig.radar(Map.of("radar.detection.alert-threshold", "0.75"));

        DetectionSettings settings = DetectionOverrides.apply(DetectionSettings.defaults(), config.detection());

        assertThat(settings.alertThreshold()).isEqualTo(0.75);
        assertThat(settings.lshBands()).isEqualTo(DetectionSettings.defaults().lshBands());
    }

    @Test
    void mapsSentenceContainmentWeightsByKebabCaseName() {
        DetectionSettings settings = DetectionOverrides.apply(
                DetectionSettings.defaults(), Map.of("w-sentence-candidate", "0.25", "w-sentence-original", "-1.5"));

        assertThat(settings.wSentenceCandidate()).isEqualTo(0.25);
        assertThat(settings.wSentenceOriginal()).isEqualTo(-1.5);
        assertThat(settings.wAlignOriginal())
                .isEqualTo(DetectionSettings.defaults().wAlignOriginal());
    }

    @Test
    void rejectsUnknownSettingByName() {
        assertThatThrownBy(() -> DetectionOverrides.apply(DetectionSettings.defaults(), Map.of("alert-treshold", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alert-treshold")
                .hasMessageContaining("alert-threshold");
    }

    @Test
    void rejectsUnparsableValue() {
        assertThatThrownBy(() -> DetectionOverrides.apply(DetectionSettings.defaults(), Map.of("lsh-bands", "many")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lsh-bands");
    }
}

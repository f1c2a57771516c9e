package org.rewriteradar.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one list of features agrees with the records that carry their values and weights. */
class FeatureTest {

    @Test
    void keysAreThePairFeatureComponentsInOrder() {
        List<String> components = Arrays.stream(PairFeatures.class.getRecordComponents())
                .map(RecordComponent::getName)
                .filter(n -> !n.equals("j5")
                        && !n.equals("containment")
                        && !n.equals("alignedPairs")
                        && !n.equals("alignedSims"))
                .toList();

        assertThat(Feature.ALL.stream().map(Feature::key).toList()).isEqualTo(components);
    }

    @Test
    void eachFeatureReadsItsOwnComponentAndWeight() throws ReflectiveOperationException {
        double[] values = new double[Feature.COUNT];
        for (int i = 0; i < values.length; i++) {
            values[i] = i + 1;
        }
        PairFeatures f = new PairFeatures(
                values[0],
                0.5,
                0.25,
                values[1],
                values[2],
                values[3],
                values[4],
                values[5],
                values[6],
                values[7],
                values[8],
                values[9],
                values[10],
                new int[0],
                new double[0]);
        DetectionSettings.Weights w = DetectionSettings.Weights.defaults();
        for (Feature x : Feature.ALL) {
            assertThat(x.of(f))
                    .as(x.key())
                    .isEqualTo(PairFeatures.class.getMethod(x.key()).invoke(f));
            assertThat(w.weight(x))
                    .as(x.key())
                    .isEqualTo(
                            DetectionSettings.Weights.class.getMethod(x.key()).invoke(w));
            assertThat(w.withWeight(x, 42.0).weight(x)).isEqualTo(42.0);
            assertThat(Feature.byKey(x.key())).isSameAs(x);
        }
        assertThat(f.vector()).containsExactly(values);
    }

    @Test
    void scoreIsTheLogisticOfBiasPlusWeightedFeatures() {
        PairFeatures f = new PairFeatures(
                0.4, 0.2, 0.3, 0.1, 0.2, 0.6, 1.0, 0.5, 0.4, 0.45, 0.43, 0.7, 0.3, new int[0], new double[0]);
        DetectionSettings.Weights w = DetectionSettings.Weights.defaults();
        double z = w.bias();
        for (Feature x : Feature.ALL) {
            z += w.weight(x) * x.of(f);
        }

        assertThat(new RewriteEngine().score(f)).isEqualTo(1.0 / (1.0 + Math.exp(-z)));
    }
}

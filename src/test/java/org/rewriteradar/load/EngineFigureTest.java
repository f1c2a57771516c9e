package org.rewriteradar.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@link EngineFigure}: the engine's and the baseline's iterations read from JMH's JSON result. */
class EngineFigureTest {

    private static final String RESULT =
            """
            [ {"benchmark": "org.rewriteradar.bench.EngineBenchmark.baselineFingerprintAndScore",
               "params": {"probes": "pool"},
               "primaryMetric": {"score": 4100.0, "rawData": [[4000.0, 4200.0, 4150.0]]},
               "secondaryMetrics": {"bytes": {"score": 9.0E6, "rawData": [[1.0, 2.0, 3.0]]}}},
              {"benchmark": "org.rewriteradar.bench.EngineBenchmark.engineFingerprintAndScore",
               "params": {"probes": "pool"},
               "primaryMetric": {"score": 2900.0, "rawData": [[3100.0, 2500.0, 2900.0, 3000.0, 2800.0]]}} ]
            """;

    @Test
    void readsEachMethodsIterationsAndTakesTheirMedians() throws IOException {
        EngineFigure f = EngineFigure.parse(RESULT, Path.of("pool-reuters"), 100_000);

        assertThat(f.engine()).containsExactly(3100.0, 2500.0, 2900.0, 3000.0, 2800.0);
        assertThat(f.baseline()).containsExactly(4000.0, 4200.0, 4150.0);
        assertThat(f.engineMedian()).isEqualTo(2900.0);
        assertThat(f.baselineMedian()).isEqualTo(4150.0);
        assertThat(f.describe())
                .contains("engine_articles_per_s=2900 (iterations [3100,2500,2900,3000,2800])")
                .contains("baseline_articles_per_s=4150");
    }

    @Test
    void aResultWithoutTheEngineIsAnError() {
        String baselineOnly =
                RESULT.substring(0, RESULT.indexOf("{\"benchmark\": \"org.rewriteradar.bench.EngineBenchmark.engine"))
                                .replaceAll(",\\s*$", "")
                        + "]";

        assertThatThrownBy(() -> EngineFigure.parse(baselineOnly, Path.of("x"), 1))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("lacks the engine");
    }
}

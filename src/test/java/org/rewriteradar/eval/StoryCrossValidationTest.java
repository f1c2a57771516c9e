package org.rewriteradar.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StoryCrossValidationTest {

    private static StoryCrossValidation.Row row(String story, boolean positive, boolean alerted, double x) {
        return new StoryCrossValidation.Row("s", story, positive, alerted, Map.of("x", x, "storyBest", 1.0));
    }

    @Test
    void recallAtFalseAlertsLetsThroughAtMostTheAllowedNegatives() {
        double[] scores = {0.9, 0.8, 0.7, 0.6, 0.95, 0.5, 0.4, 0.3, 0.2, 0.1};
        boolean[] positive = {true, true, true, true, false, false, false, false, false, false};

        // 6 negatives: 5% lets none through, the threshold is the highest negative (0.95)
        assertThat(StoryCrossValidation.recallAtFalseAlerts(scores, positive, 0.05))
                .isEqualTo(0.0);
        // 20% of 6 lets one through: the threshold is the second negative (0.5)
        assertThat(StoryCrossValidation.recallAtFalseAlerts(scores, positive, 0.2))
                .isEqualTo(1.0);
    }

    @Test
    void foldsNeverSplitAStoryAndCoverEveryStory() {
        List<String> stories = IntStream.range(0, 23).mapToObj(i -> "story" + i).toList();
        Map<String, Integer> fold = StoryCrossValidation.folds(stories, 5, 7);

        assertThat(fold).containsOnlyKeys(stories);
        assertThat(fold.values()).allMatch(f -> f >= 0 && f < 5);
        assertThat(fold.values().stream().distinct()).hasSize(5);
        assertThat(StoryCrossValidation.folds(stories, 5, 7)).isEqualTo(fold);
    }

    @Test
    void logisticFitSeparatesASeparableSet() {
        double[][] x = {{0.1}, {0.2}, {0.3}, {0.7}, {0.8}, {0.9}};
        boolean[] positive = {false, false, false, true, true, true};
        double[] w = StoryCrossValidation.fitLogistic(x, positive, List.of(0, 1, 2, 3, 4, 5), 1, 1e-3);

        assertThat(w[0]).isPositive();
        for (int i = 0; i < x.length; i++) {
            double z = w[0] * x[i][0] + w[1];
            assertThat(z > 0).isEqualTo(positive[i]);
        }
    }

    @Test
    void solveInvertsALinearSystem() {
        double[][] a = {{2, 1}, {1, 3}};
        double[] s = StoryCrossValidation.solve(a, new double[] {5, 10});

        assertThat(s[0]).isCloseTo(1.0, within(1e-12));
        assertThat(s[1]).isCloseTo(3.0, within(1e-12));
    }

    @Test
    void bootstrapResamplesWholeStories() {
        List<StoryCrossValidation.Row> rows = new ArrayList<>();
        // one story of 10 alerting negatives, nine stories of one quiet negative each
        for (int i = 0; i < 10; i++) {
            rows.add(row("loud", false, true, 0));
        }
        for (int i = 0; i < 9; i++) {
            rows.add(row("quiet" + i, false, false, 0));
        }
        StoryCrossValidation.Interval fa = StoryCrossValidation.bootstrap(rows, false, 2000, 1);

        assertThat(fa.value()).isCloseTo(10.0 / 19, within(1e-12));
        // the loud story is in or out as a whole: the interval reaches 0 (drawn never) and far above the value
        assertThat(fa.low()).isZero();
        assertThat(fa.high()).isGreaterThan(0.75);
    }

    @Test
    void ruleThresholdIsTheLowestKeepingFalseAlertsWithinTheTarget() {
        List<StoryCrossValidation.Row> rows = List.of(
                row("a", true, false, 0.30),
                row("b", true, false, 0.20),
                row("c", false, false, 0.25),
                row("d", false, false, 0.10),
                row("e", true, true, 0.0));

        // no negative may alert: just above the highest negative value, i.e. the next value seen (0.30)
        assertThat(StoryCrossValidation.ruleThreshold(rows, "x", 0.0)).isEqualTo(0.30);
        // one of two negatives may alert: the lowest value passing at most one of them (0.20)
        assertThat(StoryCrossValidation.ruleThreshold(rows, "x", 0.5)).isEqualTo(0.20);
    }
}

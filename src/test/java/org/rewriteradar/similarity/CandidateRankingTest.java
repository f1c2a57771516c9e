package org.rewriteradar.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CandidateRankingTest {

    @Test
    void mostSharedKeysFirstThenIdAscending() {
        Map<String, Integer> shared = new LinkedHashMap<>();
        shared.put("zeta", 3);
        shared.put("beta", 1);
        shared.put("alpha", 1);
        shared.put("gamma", 3);
        shared.put("delta", 2);
        assertThat(CandidateRanking.best(shared, 1, 10)).containsExactly("gamma", "zeta", "delta", "alpha", "beta");
        assertThat(CandidateRanking.best(shared, 2, 10)).containsExactly("gamma", "zeta", "delta");
        assertThat(CandidateRanking.best(shared, 1, 4)).containsExactly("gamma", "zeta", "delta", "alpha");
        assertThat(CandidateRanking.best(shared, 4, 10)).isEmpty();
        assertThat(CandidateRanking.best(shared, 1, 0)).isEmpty();
        assertThat(CandidateRanking.compare("b", 2, "a", 1)).isNegative();
        assertThat(CandidateRanking.compare("a", 1, "b", 1)).isNegative();
        assertThat(CandidateRanking.compare("a", 1, "a", 1)).isZero();
    }

    @Test
    void ignoresTheOrderCandidatesComeInAndAgreesForSmallAndLargeLimits() {
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            int n = random.nextInt(300);
            String[] ids = new String[n];
            int[] shared = new int[n];
            for (int i = 0; i < n; i++) {
                ids[i] = "id-" + i;
                shared[i] = 1 + random.nextInt(4);
            }
            int minShared = 1 + random.nextInt(3);
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (shared[i] >= minShared) {
                    order.add(i);
                }
            }
            order.sort(Comparator.comparing((Integer i) -> -shared[i]).thenComparing(i -> ids[i]));
            List<String> expected = order.stream().map(i -> ids[i]).toList();
            for (int limit : new int[] {1, 8, 64, 65, 1000}) {
                assertThat(CandidateRanking.best(ids, shared, n, minShared, limit))
                        .as("n %d limit %d", n, limit)
                        .isEqualTo(expected.subList(0, Math.min(limit, expected.size())));
            }
            Map<String, Integer> map = new HashMap<>();
            for (int i = n - 1; i >= 0; i--) {
                map.put(ids[i], shared[i]);
            }
            assertThat(CandidateRanking.best(map, minShared, 8))
                    .isEqualTo(expected.subList(0, Math.min(8, expected.size())));
        }
    }
}

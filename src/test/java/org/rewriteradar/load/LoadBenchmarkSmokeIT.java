package org.rewriteradar.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rewriteradar.eval.EvalData;
import org.rewriteradar.kafka.InJvmKafka;
import org.rewriteradar.streams.JsonSerdes;

/**
 * The load generator on a tiny built-in input (50 generated articles, 10 of them near copies of earlier ones)
 * through a real in-JVM broker with one instance: the completion detector fires, and at that moment every
 * input record has been committed, indexed and its alerts are readable.
 */
class LoadBenchmarkSmokeIT {

    private static final String[] SUBJECTS = {
        "The council",
        "A spokesman",
        "The minister",
        "Local traders",
        "The company",
        "Union leaders",
        "Residents",
        "The regulator",
        "Police",
        "The committee"
    };
    private static final String[] VERBS = {
        "announced",
        "rejected",
        "approved",
        "questioned",
        "delayed",
        "welcomed",
        "criticised",
        "reviewed",
        "funded",
        "postponed"
    };
    private static final String[] OBJECTS = {
        "the harbour plan", "a new rail link", "the budget for schools", "plans for a bridge", "the hospital merger",
        "a tax on parking", "the market reform", "a wind farm", "the library closure", "the airport expansion"
    };
    private static final String[] PLACES = {
        "Leeds", "Bristol", "Cardiff", "Dundee", "Exeter", "Galway", "Hull", "Inverness", "Lincoln", "Newry"
    };

    @Test
    @Timeout(120)
    void completionDetectorFiresWhenAllInputIsProcessed() throws Exception {
        List<LoadBenchmark.Article> articles = generate(40, 10, new Random(20240501L));
        try (InJvmKafka kafka = InJvmKafka.start()) {
            LoadBenchmark bench = new LoadBenchmark(kafka.bootstrapServers(), 3, 200, Duration.ofSeconds(60), true);
            LoadBenchmark.RunResult r = bench.run("smoke", 1, articles);
            System.out.println("LOAD smoke " + LoadBenchmark.describe(r));
            System.out.println("LOAD smoke state " + LoadBenchmark.describeState(r));

            assertThat(r.failure()).isNull();
            assertThat(r.completed()).isTrue();
            assertThat(r.processingMs()).isPositive();
            assertThat(r.timeToRunningMs()).isBetween(0L, r.processingMs());
            assertThat(r.processedInput()).isEqualTo(50);
            assertThat(r.indexedArticles()).isEqualTo(50);
            assertThat(r.deadLetters()).isZero();
            // the near copies run through every repartition hop; their alerts were committed at completion
            assertThat(r.alerts()).isGreaterThanOrEqualTo(10);
            assertThat(r.distinctAlertIds()).isEqualTo((int) r.alerts());
            assertThat(r.activeTasksPerInstance()).hasSize(1);
            assertThat(r.stateBytes()).isPositive();
            assertThat(r.stores()).containsKeys("article-store", "bucket-store", "pair-store", "rewrite-store");
            // the breakdown: every internal topic named, bytes and records where the topology wrote them
            Breakdown b = r.breakdown();
            b.describe("LOAD smoke breakdown", r.articles()).forEach(System.out::println);
            assertThat(b.topics())
                    .containsKeys(
                            "articles (input)",
                            "articles-by-id-repartition",
                            "article-bands-repartition",
                            "bucket-replies-repartition",
                            "scoring-requests-repartition",
                            "alerts-by-article-repartition",
                            "article-store-changelog",
                            "bucket-store-changelog",
                            "candidate-store-changelog",
                            "rewrite-alerts (output)");
            assertThat(b.topics().get("articles (input)").logBytes()).isPositive();
            assertThat(b.topics().get("scoring-requests-repartition").records()).isPositive();
            assertThat(b.topics().get("scoring-requests-repartition").logBytes())
                    .isPositive();
            // records are the producers' sends, which under exactly-once include those of a transaction that
            // aborted (a rebalance while the run starts) and were sent again: at least the committed alerts
            assertThat(b.topics().get("rewrite-alerts (output)").records()).isGreaterThanOrEqualTo(r.alerts());
            assertThat(b.commits()).isPositive();
            assertThat(b.streamThreadCpuNs()).isPositive();
        }
    }

    @Test
    @Timeout(180)
    void prefilledRunCountsOnlyItsOwnArticlesAgainstTheFilledIndex() throws Exception {
        List<LoadBenchmark.Article> measured = generate(20, 5, new Random(20240502L));
        List<EvalData.Article> pool = new ArrayList<>();
        for (LoadBenchmark.Article a : generate(40, 0, new Random(20240503L))) {
            var node = JsonSerdes.MAPPER.readTree(a.json());
            pool.add(new EvalData.Article(
                    a.id(), node.get("title").asText(), node.get("body").asText(), a.publishedAt(), null));
        }
        List<LoadBenchmark.Article> prefill =
                LoadBenchmark.prefillArticles(pool, 100, measured.get(0).publishedAt(), Duration.ofSeconds(5));
        assertThat(prefill).hasSize(100);
        assertThat(prefill.get(99).publishedAt()).isBefore(measured.get(0).publishedAt());
        try (InJvmKafka kafka = InJvmKafka.start()) {
            LoadBenchmark bench = new LoadBenchmark(kafka.bootstrapServers(), 3, 200, Duration.ofSeconds(60), true)
                    .withPrefill(prefill);
            LoadBenchmark.RunResult r = bench.run("prefilled", 1, measured);
            System.out.println("LOAD prefilled " + LoadBenchmark.describe(r));

            assertThat(r.failure()).isNull();
            assertThat(r.completed()).isTrue();
            assertThat(r.articles()).isEqualTo(25);
            // the pre-fill went through the same service and stays indexed
            assertThat(r.processedInput()).isEqualTo(125);
            assertThat(r.indexedArticles() + r.deadLetters()).isEqualTo(125);
            assertThat(r.alerts()).isGreaterThanOrEqualTo(5);
            // bytes count from the end of the pre-fill: the input topic holds four times more than was measured
            long measuredJson =
                    measured.stream().mapToLong(a -> a.json().length()).sum();
            assertThat(r.breakdown().topics().get("articles (input)").logBytes())
                    .isBetween(measuredJson * 8 / 10, measuredJson * 3 / 2);
        }
    }

    @Test
    void medianAndDigest() {
        assertThat(LoadBenchmark.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(LoadBenchmark.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
        assertThat(LoadBenchmark.digest(java.util.Set.of("a", "b")))
                .isEqualTo(LoadBenchmark.digest(new java.util.TreeSet<>(List.of("b", "a"))));
    }

    /** {@code originals} generated stories, then {@code copies} lightly edited copies of some of them. */
    static List<LoadBenchmark.Article> generate(int originals, int copies, Random random) throws Exception {
        Instant t = Instant.parse("2024-05-01T08:00:00Z");
        List<String> bodies = new ArrayList<>();
        List<LoadBenchmark.Article> out = new ArrayList<>();
        for (int i = 0; i < originals; i++) {
            StringBuilder body = new StringBuilder();
            for (int s = 0; s < 12; s++) {
                body.append(pick(SUBJECTS, random))
                        .append(" in ")
                        .append(pick(PLACES, random))
                        .append(' ')
                        .append(pick(VERBS, random))
                        .append(' ')
                        .append(pick(OBJECTS, random))
                        .append(" on day ")
                        .append(random.nextInt(1000))
                        .append(" after ")
                        .append(2 + random.nextInt(90))
                        .append(" meetings with ")
                        .append(pick(SUBJECTS, random).toLowerCase())
                        .append(". ");
                if (s % 4 == 3) {
                    body.append("\n\n");
                }
            }
            bodies.add(body.toString().trim());
            out.add(article("smoke-" + i, t.plusSeconds(600L * i), "Story " + i, bodies.get(i)));
        }
        for (int c = 0; c < copies; c++) {
            int of = c * (originals / copies);
            String body = "By our reporter.\n\n" + bodies.get(of) + "\n\nMore on this story later today.";
            out.add(article("smoke-copy-" + c, t.plusSeconds(600L * originals + 60L * c), "Copy of story " + of, body));
        }
        return out;
    }

    private static LoadBenchmark.Article article(String id, Instant at, String title, String body) throws Exception {
        var node = JsonSerdes.MAPPER.createObjectNode();
        node.put("id", id);
        node.putNull("url");
        node.put("source", "Smoke");
        node.put("title", title);
        node.put("body", body);
        node.put("publishedAt", at.toString());
        node.put("language", "en");
        return new LoadBenchmark.Article(id, at, JsonSerdes.MAPPER.writeValueAsString(node));
    }

    private static String pick(String[] words, Random random) {
        return words[random.nextInt(words.length)];
    }
}

package org.rewriteradar.streams;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Micrometer meters (on {@code /q/metrics}) of the two steps that decide how much work an article costs:
 *
 * <ul>
 *   <li>{@value #CANDIDATES_PER_ARTICLE} (a distribution summary, Prometheus {@code
 *       radar_candidates_per_article_count|sum|max|bucket}): the candidates chosen for each article version
 *       once all its bucket replies are in ({@link CandidateCollector}), 0 for an article that met none, pairs
 *       already scored included;
 *   <li>{@value #SCORING_LATENCY} (a timer, {@code radar_scoring_latency_seconds_count|sum|max|bucket}): the
 *       engine's comparison of one pair ({@link ScoreProcessor}), alert or not, failed ones included.
 * </ul>
 *
 * Both are registered when the topology is built, so they are scraped (at zero) before the first article.
 *
 * @param candidates the candidates-per-article summary
 * @param scoring the per-pair scoring timer
 */
public record ScoringMeters(DistributionSummary candidates, Timer scoring) {

    public static final String CANDIDATES_PER_ARTICLE = "radar.candidates.per.article";
    public static final String SCORING_LATENCY = "radar.scoring.latency";

    /** The meters, registered in {@code registry}. */
    public static ScoringMeters of(MeterRegistry registry) {
        DistributionSummary candidates = DistributionSummary.builder(CANDIDATES_PER_ARTICLE)
                .description("Candidates chosen per article version")
                .serviceLevelObjectives(1, 2, 4, 8, 16, 24)
                .register(registry);
        Timer scoring = Timer.builder(SCORING_LATENCY)
                .description("Time the engine takes to score one candidate pair")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        return new ScoringMeters(candidates, scoring);
    }

    void candidatesChosen(int n) {
        candidates.record(n);
    }

    void scored(long nanos) {
        scoring.record(nanos, TimeUnit.NANOSECONDS);
    }
}

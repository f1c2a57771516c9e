package org.rewriteradar.api;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-client rate limit of {@code POST /articles}: a Bucket4j token bucket per client of {@link
 * ApiConfig.Ingest#rateLimitCapacity()} requests, refilled greedily over {@link
 * ApiConfig.Ingest#rateLimitPeriod()}. Per instance: behind a load balancer over n instances a client may make
 * up to n times as many.
 */
@ApplicationScoped
public class IngestRateLimiter {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final long capacity;
    private final Duration period;

    public IngestRateLimiter(ApiConfig config) {
        this.capacity = config.ingest().rateLimitCapacity();
        this.period = config.ingest().rateLimitPeriod();
    }

    /** Takes one request from {@code client}'s allowance: empty when allowed, else how long to wait. */
    java.util.Optional<Duration> tryAcquire(String client) {
        Bucket bucket = buckets.computeIfAbsent(client, c -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed()
                ? java.util.Optional.empty()
                : java.util.Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}

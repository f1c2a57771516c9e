package org.rewriteradar.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the HTTP API, under {@code radar.api.} (environment: {@code RADAR_API_...}). */
@ConfigMapping(prefix = "radar.api")
public interface ApiConfig {

    Ingest ingest();

    Alerts alerts();

    /** {@code POST /articles}. */
    interface Ingest {

        /**
         * Largest request body, in bytes; larger ones are refused with 413. 8 MiB: eight articles at the body
         * limit, or some thousands of ordinary ones. Keep {@code quarkus.http.limits.max-body-size} above it
         * (16M in application.properties), which refuses larger bodies before they are read.
         */
        @WithDefault("8388608")
        int maxRequestBytes();

        /** Most articles in one request; more are refused with 413. */
        @WithDefault("500")
        int maxArticles();

        /**
         * How long a request waits for the broker to acknowledge its articles before answering 503. Above the
         * producer's own {@code delivery.timeout.ms} (10 s in application.properties), which fails a send first.
         */
        @WithDefault("PT15S")
        Duration publishTimeout();

        /** Requests a client (API key name or JWT subject) may make at once before the limit applies. */
        @WithDefault("60")
        long rateLimitCapacity();

        /** How long a client's allowance of {@link #rateLimitCapacity()} requests takes to refill. */
        @WithDefault("PT1M")
        Duration rateLimitPeriod();
    }

    /** {@code GET /alerts} and {@code GET /alerts/stream}. */
    interface Alerts {

        /** Largest page of {@code GET /alerts}; its default page is 50. */
        @WithDefault("200")
        int maxPageSize();

        /** Largest {@code offset} of {@code GET /alerts}: every instance scans for offset + page alerts. */
        @WithDefault("10000")
        int maxOffset();

        /**
         * Alerts each instance keeps in memory for the live feed, so that a client reconnecting with {@code
         * Last-Event-ID} receives what it missed.
         */
        @WithDefault("1000")
        int feedBuffer();
    }
}

package org.rewriteradar.api;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Small HTTP limits for the contract tests, so that each limit is reached by a test. */
public class ContractLimitsResource implements QuarkusTestResourceLifecycleManager {

    static final int MAX_ARTICLES = 20;
    static final int MAX_REQUEST_BYTES = 2_000_000;
    static final int RATE_LIMIT = 5;

    @Override
    public Map<String, String> start() {
        return Map.of(
                "radar.api.ingest.max-articles", Integer.toString(MAX_ARTICLES),
                "radar.api.ingest.max-request-bytes", Integer.toString(MAX_REQUEST_BYTES),
                "radar.api.ingest.rate-limit-capacity", Integer.toString(RATE_LIMIT),
                "radar.api.ingest.rate-limit-period", "PT1H");
    }

    @Override
    public void stop() {}
}

package org.rewriteradar.api;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Configures a {@code @QuarkusTest} to accept {@link TestCredentials} (security on). */
public class TestCredentialsResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return TestCredentials.serviceProperties();
    }

    @Override
    public void stop() {}
}

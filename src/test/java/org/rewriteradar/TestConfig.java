package org.rewriteradar;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.rewriteradar.config.RadarConfig;

/** The service configuration outside CDI: documented defaults plus overrides. */
public final class TestConfig {

    private TestConfig() {}

    public static RadarConfig radar(Map<String, String> overrides) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(RadarConfig.class)
                .withDefaultValues(overrides)
                .build();
        return config.getConfigMapping(RadarConfig.class);
    }

    public static RadarConfig radar() {
        return radar(Map.of());
    }
}

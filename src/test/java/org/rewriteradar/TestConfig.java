package org.rewriteradar;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
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

    /**
     * What a {@code TopologyTestDriver} (or a tool replaying through one) needs besides the service's own
     * settings: an application id, a bootstrap address that is never dialled, and the state directory, which
     * callers take fresh from {@link StateDirs#fresh(String)} so that no two drivers share RocksDB files.
     */
    public static Properties driverProperties(String applicationId, Path stateDir) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return props;
    }
}

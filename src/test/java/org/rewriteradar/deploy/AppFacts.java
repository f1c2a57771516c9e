package org.rewriteradar.deploy;

import io.smallrye.config.SmallRyeConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.rewriteradar.TestConfig;
import org.rewriteradar.config.RadarConfig;
import org.rewriteradar.kafka.AppStreamsConfig;

/**
 * What the application itself says about how it is run: its application id, HTTP port, health and metrics
 * paths, topics, and every environment variable it reads; the deploy manifests are checked against these.
 */
final class AppFacts {

    private AppFacts() {}

    static SmallRyeConfig config() {
        return AppStreamsConfig.appConfig();
    }

    static RadarConfig radar() {
        return TestConfig.radar();
    }

    /** The Kafka Streams application id when RADAR_APPLICATION_ID is not set. */
    static String applicationId() {
        return config().getValue("quarkus.kafka-streams.application-id", String.class);
    }

    /** Quarkus' HTTP port (its default 8080 unless application.properties sets quarkus.http.port). */
    static int httpPort() {
        return config().getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
    }

    /** Quarkus' management port (health and metrics): its default 9000 unless application.properties sets one. */
    static int managementPort() {
        return config().getOptionalValue("quarkus.management.port", Integer.class)
                .orElse(9000);
    }

    private static String nonApplicationRoot() {
        return "/"
                + config().getOptionalValue("quarkus.http.non-application-root-path", String.class)
                        .orElse("q");
    }

    private static String healthRoot() {
        return nonApplicationRoot() + "/"
                + config().getOptionalValue("quarkus.smallrye-health.root-path", String.class)
                        .orElse("health");
    }

    /** SmallRye Health's readiness path (Quarkus defaults unless application.properties changes them). */
    static String readinessPath() {
        return healthRoot() + "/"
                + config().getOptionalValue("quarkus.smallrye-health.readiness-path", String.class)
                        .orElse("ready");
    }

    static String livenessPath() {
        return healthRoot() + "/"
                + config().getOptionalValue("quarkus.smallrye-health.liveness-path", String.class)
                        .orElse("live");
    }

    /** Micrometer's Prometheus endpoint. */
    static String metricsPath() {
        return nonApplicationRoot() + "/"
                + config().getOptionalValue("quarkus.micrometer.export.prometheus.path", String.class)
                        .orElse("metrics");
    }

    /**
     * Every environment variable the application reads: those named in application.properties expressions
     * (${NAME:default}), RADAR_* for every radar.* setting of RadarConfig, KAFKA_* for every Kafka client
     * setting (Quarkus' default Kafka configuration), and the image's JAVA_OPTS_APPEND.
     */
    static Set<String> knownEnvironment() {
        Set<String> out = new TreeSet<>();
        try {
            Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]")
                    .matcher(Files.readString(AppStreamsConfig.APPLICATION_PROPERTIES));
            while (m.find()) {
                out.add(m.group(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        radarProperties(RadarConfig.class, "radar", out);
        radarProperties(org.rewriteradar.security.SecurityConfig.class, "radar.security", out);
        radarProperties(org.rewriteradar.api.ApiConfig.class, "radar.api", out);
        // SmallRye JWT's own settings (README, "Security")
        out.add("MP_JWT_VERIFY_PUBLICKEY");
        out.add("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        for (Set<String> names :
                Set.of(ProducerConfig.configNames(), ConsumerConfig.configNames(), AdminClientConfig.configNames())) {
            names.forEach(n -> out.add(env("kafka." + n)));
        }
        out.add("JAVA_OPTS_APPEND");
        return out;
    }

    /** Whether {@code name} is the variable of a radar.detection.* override (a free-form map). */
    static boolean isDetectionOverride(String name) {
        return name.startsWith("RADAR_DETECTION_");
    }

    private static void radarProperties(Class<?> mapping, String prefix, Set<String> out) {
        for (Method m : mapping.getDeclaredMethods()) {
            if (m.getParameterCount() != 0 || m.isDefault() || java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            String name = prefix + "." + kebab(m.getName());
            Class<?> type = m.getReturnType();
            Class<?> declaring = type.getDeclaringClass();
            if (type.isInterface()
                    && declaring != null
                    && (declaring == mapping || declaring == mapping.getEnclosingClass())) {
                radarProperties(type, name, out);
            } else if (!Map.class.isAssignableFrom(type)) {
                out.add(env(name));
            }
        }
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** A property name as its environment variable (MicroProfile Config's rule). */
    static String env(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }
}

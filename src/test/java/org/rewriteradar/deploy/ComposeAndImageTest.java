package org.rewriteradar.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml passes dclint and agrees with the application and with the Kubernetes manifests
 * (topics, their settings, environment, ports, health path, read-only root file system); Dockerfile.jvm runs
 * as the user the StatefulSet expects and writes where the manifests mount volumes.
 */
class ComposeAndImageTest {

    static final Path COMPOSE = Path.of("docker-compose.yml");
    static final Path DOCKERFILE = Path.of("src/main/docker/Dockerfile.jvm");
    /** Where .ci/run installs dclint from npm (npm install --prefix .tools/dclint dclint@3.1.0). */
    static final Path DCLINT = Path.of(".tools/dclint/node_modules/.bin/dclint");

    static JsonNode compose;
    static Manifests prod;

    @BeforeAll
    static void load() throws IOException {
        // SnakeYAML resolves anchors and merge keys (<<: *radar), as Compose does
        compose = Manifests.MODEL.valueToTree(new org.yaml.snakeyaml.Yaml().load(Files.readString(COMPOSE)));
        prod = Manifests.render("prod");
    }

    static String dclint() {
        if (Files.isExecutable(DCLINT)) {
            return DCLINT.toString();
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "dclint"))) {
                return Path.of(dir, "dclint").toString();
            }
        }
        throw new AssertionError("dclint is not installed: `npm install --no-audit --no-fund --prefix .tools/dclint"
                + " dclint@3.1.0` (.ci/run does this), or put dclint on the PATH");
    }

    @Test
    void composeFilePassesDclint() throws Exception {
        Process p = new ProcessBuilder(dclint(), COMPOSE.toString())
                .redirectErrorStream(true)
                .start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("dclint %s:%n%s", COMPOSE, out).isZero();
        assertThat(out).doesNotContain("warning").doesNotContain("error");
    }

    static List<String> radarServices() {
        return List.of("radar-1", "radar-2");
    }

    static Map<String, String> env(JsonNode service) {
        Map<String, String> out = new HashMap<>();
        service.path("environment")
                .fields()
                .forEachRemaining(f -> out.put(f.getKey(), f.getValue().asText()));
        return out;
    }

    static Container statefulSetContainer() {
        return prod.one(StatefulSet.class)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);
    }

    static String manifestValue(String name) {
        return statefulSetContainer().getEnv().stream()
                .filter(e -> e.getName().equals(name))
                .map(EnvVar::getValue)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void serviceInstancesMatchTheApplicationAndTheManifests() {
        JsonNode services = compose.path("services");
        Set<String> known = AppFacts.knownEnvironment();
        Set<String> memberIds = new HashSet<>();
        Set<String> hostPorts = new HashSet<>();
        String internal = advertised("INTERNAL");
        for (String name : radarServices()) {
            JsonNode s = services.path(name);
            Map<String, String> env = env(s);
            assertThat(known).as("environment of %s", name).containsAll(env.keySet());
            assertThat(env).containsEntry("KAFKA_BOOTSTRAP_SERVERS", internal);
            assertThat(env).containsEntry("RADAR_APPLICATION_ID", AppFacts.applicationId());
            assertThat(env)
                    .containsEntry("RADAR_ADVERTISED_HOST", s.path("hostname").asText());
            assertThat(env).containsEntry("RADAR_STANDBY_REPLICAS", "1");
            assertThat(env.get("RADAR_STATE_DIR")).isEqualTo(manifestValue("RADAR_STATE_DIR"));
            assertThat(env.get("RADAR_SHUTDOWN_CLOSE_TIMEOUT"))
                    .isEqualTo(manifestValue("RADAR_SHUTDOWN_CLOSE_TIMEOUT"));
            memberIds.add(env.get("RADAR_GROUP_INSTANCE_ID"));
            // the application's port, published on the host's loopback
            String port = s.path("ports").get(0).asText();
            assertThat(port).startsWith("127.0.0.1:").endsWith(":" + AppFacts.httpPort());
            hostPorts.add(port.split(":")[1]);
            // readiness as health check
            assertThat(s.path("healthcheck").path("test").toString())
                    .contains("http://localhost:" + AppFacts.managementPort() + AppFacts.readinessPath());
            // read-only root file system: state on a volume, /tmp on tmpfs
            assertThat(s.path("read_only").asBoolean()).isTrue();
            assertThat(s.path("tmpfs").toString()).contains("\"/tmp\"");
            String stateVolume = s.path("volumes").get(0).asText();
            assertThat(env.get("RADAR_STATE_DIR"))
                    .startsWith(stateVolume.substring(stateVolume.indexOf(':') + 1) + "/");
            assertThat(Duration.ofSeconds(
                            Long.parseLong(s.path("stop_grace_period").asText().replace("s", ""))))
                    .isGreaterThan(Duration.parse(env.get("RADAR_SHUTDOWN_CLOSE_TIMEOUT")));
            assertThat(s.path("build").path("dockerfile").asText()).isEqualTo(DOCKERFILE.toString());
        }
        assertThat(memberIds).hasSize(2);
        assertThat(hostPorts).hasSize(2);
    }

    /** The broker's advertised address of a listener, e.g. INTERNAL → kafka:19092. */
    static String advertised(String listener) {
        String listeners = compose.path("services")
                .path("kafka")
                .path("environment")
                .path("KAFKA_ADVERTISED_LISTENERS")
                .asText();
        Matcher m = Pattern.compile(listener + "://([^,]+)").matcher(listeners);
        assertThat(m.find()).as("%s in %s", listener, listeners).isTrue();
        return m.group(1);
    }

    @Test
    void topicsAreCreatedAsTheKafkaTopicsSayWithOneReplica() {
        String script =
                compose.path("services").path("topics").path("command").get(0).asText();
        for (KafkaTopic t : prod.all(KafkaTopic.class)) {
            String name = t.getSpec().getTopicName();
            Matcher line = Pattern.compile("(?m)^.*--topic " + Pattern.quote(name) + " .*$")
                    .matcher(script);
            assertThat(line.find()).as("topic %s created in %s", name, COMPOSE).isTrue();
            String args = line.group() + " ";
            assertThat(args).contains("--bootstrap-server " + advertised("INTERNAL") + " ");
            assertThat(args).contains("--partitions " + t.getSpec().getPartitions() + " ");
            assertThat(args).contains("--replication-factor 1 ");
            t.getSpec().getConfig().forEach((k, v) -> {
                if (!k.equals("min.insync.replicas")) {
                    assertThat(args).as("%s of %s", k, name).contains("--config " + k + "=" + v);
                }
            });
        }
        assertThat(script).doesNotContain("auto.create");
        assertThat(env(compose.path("services").path("kafka")))
                .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        // the service's records fit the broker
        assertThat(env(compose.path("services").path("kafka")))
                .containsEntry(
                        "KAFKA_MESSAGE_MAX_BYTES",
                        Integer.toString(AppFacts.radar().topics().maxMessageBytes()));
    }

    @Test
    void imageRunsAsTheManifestsUserAndWritesOnlyWhereVolumesAre() throws IOException {
        String dockerfile = Files.readString(DOCKERFILE);
        var podSecurity =
                prod.one(StatefulSet.class).getSpec().getTemplate().getSpec().getSecurityContext();
        Matcher user = Pattern.compile("(?m)^USER (\\S+)\\s*$").matcher(dockerfile);
        String last = null;
        while (user.find()) {
            last = user.group(1);
        }
        assertThat(last).as("the image's final USER").isEqualTo(Long.toString(podSecurity.getRunAsUser()));
        assertThat(dockerfile).containsPattern("(?m)^EXPOSE " + AppFacts.httpPort() + "$");
        assertThat(dockerfile).containsPattern("(?m)^EXPOSE " + AppFacts.managementPort() + "$");
        assertThat(dockerfile).contains("ENV RADAR_STATE_DIR=" + manifestValue("RADAR_STATE_DIR"));
        assertThat(dockerfile).contains("-Djava.io.tmpdir=/tmp");
        String stateRoot = manifestValue("RADAR_STATE_DIR")
                .substring(0, manifestValue("RADAR_STATE_DIR").lastIndexOf('/'));
        assertThat(dockerfile).contains("VOLUME [\"" + stateRoot + "\", \"/tmp\"]");
        assertThat(dockerfile).contains("target/quarkus-app/");
    }
}

package org.rewriteradar.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CycloneDX SBOM the build writes at package (cyclonedx-maven-plugin) lists every jar the image ships
 * (target/quarkus-app/lib/boot and lib/main, named group.artifact-version[-classifier].jar) and nothing of
 * the tests.
 */
class SbomIT {

    static final Path SBOM = Path.of("target/rewrite-radar-sbom.json");

    @Test
    void listsEveryShippedJarAndNoTestDependency() throws IOException {
        assertThat(SBOM).as("written by cyclonedx-maven-plugin at package").exists();
        JsonNode bom = Manifests.MODEL.readTree(SBOM.toFile());
        assertThat(bom.path("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(bom.path("specVersion").asText()).isEqualTo("1.6");
        assertThat(bom.path("metadata").path("component").path("name").asText()).isEqualTo("rewrite-radar");
        Set<String> components = new HashSet<>();
        Set<String> artifacts = new HashSet<>();
        for (JsonNode c : bom.path("components")) {
            components.add(c.path("group").asText() + "." + c.path("name").asText() + "-"
                    + c.path("version").asText());
            artifacts.add(c.path("group").asText() + ":" + c.path("name").asText());
            assertThat(c.path("purl").asText()).startsWith("pkg:maven/");
            assertThat(c.path("hashes")).as("hashes of %s", c.path("name")).isNotEmpty();
        }
        List<String> shipped;
        try (Stream<Path> boot = Files.list(Path.of("target/quarkus-app/lib/boot"));
                Stream<Path> main = Files.list(Path.of("target/quarkus-app/lib/main"))) {
            shipped = Stream.concat(boot, main)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".jar"))
                    .map(n -> n.substring(0, n.length() - 4))
                    .toList();
        }
        assertThat(shipped).hasSizeGreaterThan(100);
        assertThat(shipped).allSatisfy(jar -> assertThat(
                        components.stream().anyMatch(c -> jar.equals(c) || jar.startsWith(c + "-")))
                .as("%s.jar in the SBOM", jar)
                .isTrue());
        assertThat(artifacts)
                .contains("org.apache.kafka:kafka-streams", "io.quarkus:quarkus-kafka-streams")
                .doesNotContain(
                        "org.apache.kafka:kafka-test-common-runtime",
                        "org.assertj:assertj-core",
                        "io.strimzi:api",
                        "io.fabric8:kubernetes-model-core");
    }
}

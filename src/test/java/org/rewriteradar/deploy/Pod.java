package org.rewriteradar.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One pod of the rendered StatefulSet as a local process: the packaged service ({@code
 * target/quarkus-app/quarkus-run.jar}) started with exactly the container's environment, resolved the way
 * the kubelet resolves it (field references to the pod's name and namespace, the Secret's value, {@code
 * $(VAR)} expansion), except for what only a cluster provides, each substitution listed in {@link
 * #substitutions()}: the broker address, the volume paths (state and /tmp), and the pod's network (its own
 * loopback address, and a hosts file that resolves the pods' DNS names as the headless Service would).
 */
final class Pod {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    final String name;
    final String address;
    final Map<String, String> env;
    final List<String> javaOptions;
    final List<String> substitutions;
    final Path log;
    Process process;

    private Pod(
            String name,
            String address,
            Map<String, String> env,
            List<String> javaOptions,
            List<String> substitutions,
            Path log) {
        this.name = name;
        this.address = address;
        this.env = env;
        this.javaOptions = javaOptions;
        this.substitutions = substitutions;
        this.log = log;
    }

    /**
     * The environment of pod {@code ordinal} of {@code sts}: {@code secrets} maps "secret/key" to the value
     * the Secret holds; {@code placement} overrides values that name cluster resources (variable → value).
     */
    static Pod of(
            StatefulSet sts,
            int ordinal,
            String address,
            Map<String, String> secrets,
            Map<String, String> placement,
            Path workDir) {
        String name = sts.getMetadata().getName() + "-" + ordinal;
        String namespace = sts.getMetadata().getNamespace();
        Container c = sts.getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, String> env = new LinkedHashMap<>();
        List<String> substitutions = new ArrayList<>();
        for (EnvVar e : c.getEnv()) {
            String value;
            if (e.getValueFrom() != null && e.getValueFrom().getFieldRef() != null) {
                value = switch (e.getValueFrom().getFieldRef().getFieldPath()) {
                    case "metadata.name" -> name;
                    case "metadata.namespace" -> namespace;
                    default -> throw new AssertionError("unsupported field reference in " + e);
                };
            } else if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
                var ref = e.getValueFrom().getSecretKeyRef();
                value = secrets.get(ref.getName() + "/" + ref.getKey());
                if (value == null) {
                    throw new AssertionError("no value for Secret " + ref.getName() + " key " + ref.getKey());
                }
            } else if (e.getValueFrom() != null) {
                throw new AssertionError("unsupported valueFrom in " + e);
            } else {
                value = expand(e.getValue(), env);
            }
            env.put(e.getName(), value);
        }
        placement.forEach((k, v) -> {
            String was = env.put(k, v);
            substitutions.add(k + ": " + was + " -> " + v);
        });
        // the pod's volumes: state (PVC) and /tmp (emptyDir)
        Path tmp = workDir.resolve(name + "-tmp");
        Path state = workDir.resolve(name + "-state");
        try {
            Files.createDirectories(tmp);
            Files.createDirectories(state);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        String stateDir = env.get("RADAR_STATE_DIR");
        env.put("RADAR_STATE_DIR", state.resolve("state").toString());
        substitutions.add("RADAR_STATE_DIR: " + stateDir + " -> " + env.get("RADAR_STATE_DIR") + " (the pod's volume)");
        List<String> javaOptions = new ArrayList<>();
        for (String option : env.getOrDefault("JAVA_OPTS_APPEND", "").split("\\s+")) {
            if (option.equals("-Djava.io.tmpdir=/tmp")) {
                option = "-Djava.io.tmpdir=" + tmp;
                substitutions.add("JAVA_OPTS_APPEND: -Djava.io.tmpdir=/tmp -> " + option + " (the pod's /tmp volume)");
            }
            if (!option.isEmpty()) {
                javaOptions.add(option);
            }
        }
        // the pod's network: its own address (a container listens on 0.0.0.0 of its own network namespace)
        env.put("QUARKUS_HTTP_HOST", address);
        substitutions.add("QUARKUS_HTTP_HOST: (0.0.0.0 in its pod) -> " + address);
        env.put("QUARKUS_MANAGEMENT_HOST", address);
        substitutions.add("QUARKUS_MANAGEMENT_HOST: (0.0.0.0 in its pod) -> " + address);
        Path logs = Path.of("target", "deployed-instances");
        try {
            Files.createDirectories(logs);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return new Pod(name, address, env, javaOptions, substitutions, logs.resolve(name + ".log"));
    }

    /** Kubernetes' $(VAR) expansion: variables defined earlier in the list; others stay as written. */
    static String expand(String value, Map<String, String> earlier) {
        if (value == null) {
            return "";
        }
        Matcher m = Pattern.compile("\\$\\(([A-Za-z0-9_]+)\\)").matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = earlier.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? m.group() : v));
        }
        m.appendTail(out);
        return out.toString();
    }

    List<String> substitutions() {
        return substitutions;
    }

    /** The pod's DNS name under the headless Service (what it advertises). */
    String advertisedHost() {
        return env.get("RADAR_ADVERTISED_HOST");
    }

    void start(Path hostsFile, int httpPort, int managementPort) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        // name resolution of the pods' DNS names, as the cluster DNS would answer
        command.add("-Djdk.net.hosts.file=" + hostsFile);
        command.add("-jar");
        command.add(JAR.toAbsolutePath().toString());
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        pb.environment().putAll(env);
        if (Boolean.getBoolean("deploy.debug")) {
            pb.environment().put("QUARKUS_LOG_CATEGORY__ORG_APACHE_KAFKA_COMMON_SECURITY__LEVEL", "DEBUG");
        }
        if (httpPort != 8080) {
            pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(httpPort));
        }
        if (managementPort != AppFacts.managementPort()) {
            pb.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        }
        process = pb.start();
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

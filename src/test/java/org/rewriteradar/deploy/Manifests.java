package org.rewriteradar.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The Kubernetes manifests of {@code k8s/}, as {@code kubectl kustomize} renders an overlay, parsed strictly
 * into the typed models of Kubernetes (fabric8) and Strimzi ({@code io.strimzi:api}): a document of an
 * unexpected apiVersion/kind fails, and so does any field the model does not know (a typo, a field of
 * another API version), which the models keep in their {@code additionalProperties}.
 */
public final class Manifests {

    /** The overlays under k8s/overlays. */
    public static final List<String> OVERLAYS = List.of("dev", "prod");

    static final Path K8S = Path.of("k8s");

    /** apiVersion/kind → model class. Anything else in a rendered overlay is an error. */
    static final Map<String, Class<? extends HasMetadata>> MODELS = Map.of(
            "apps/v1/StatefulSet", StatefulSet.class,
            "v1/Service", Service.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class,
            "kafka.strimzi.io/v1/KafkaUser", KafkaUser.class,
            "kafka.strimzi.io/v1/Kafka", Kafka.class,
            "kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class);

    static final ObjectMapper YAML = new YAMLMapper();
    static final ObjectMapper MODEL = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // unknown fields: see strict()
            .build();

    /** One rendered document: its source text, as a tree, and as a typed model. */
    public record Document(String key, String name, JsonNode tree, HasMetadata model) {}

    private final List<Document> documents;

    private Manifests(List<Document> documents) {
        this.documents = documents;
    }

    /** Renders {@code k8s/overlays/<overlay>} with {@code kubectl kustomize} and parses every document. */
    public static Manifests render(String overlay) {
        return parse(kustomize(K8S.resolve("overlays").resolve(overlay)));
    }

    /** {@code kubectl kustomize dir}: fails with a clear message when kubectl is not installed. */
    static String kustomize(Path dir) {
        String kubectl = kubectl();
        try {
            Process p = new ProcessBuilder(kubectl, "kustomize", dir.toString())
                    .redirectErrorStream(true)
                    .start();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readAllBytes();
            }
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError(
                        "kubectl kustomize " + dir + " failed:\n" + new String(out, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The kubectl binary on the PATH, or a failure that says what to install. */
    static String kubectl() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError(
                "kubectl is not on the PATH: the deploy tests render k8s/overlays/* with"
                        + " `kubectl kustomize` (kubectl >= 1.27, kustomize built in). Install kubectl; .ci/run checks for it.");
    }

    static Manifests parse(String rendered) {
        List<Document> out = new ArrayList<>();
        try {
            for (JsonNode tree : YAML.readValues(new YAMLFactory().createParser(rendered), JsonNode.class)
                    .readAll()) {
                if (tree == null || tree.isNull() || tree.isEmpty()) {
                    continue;
                }
                String key = tree.path("apiVersion").asText() + "/"
                        + tree.path("kind").asText();
                Class<? extends HasMetadata> type = MODELS.get(key);
                String name = tree.path("metadata").path("name").asText();
                if (type == null) {
                    throw new AssertionError(
                            "unexpected document " + key + " " + name + ": known are " + MODELS.keySet());
                }
                HasMetadata model = MODEL.treeToValue(tree, type);
                List<String> unknown = strict(model);
                if (!unknown.isEmpty()) {
                    throw new AssertionError(key + " " + name + " has fields its model does not know: " + unknown);
                }
                out.add(new Document(key, name, tree, model));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Manifests(out);
    }

    /**
     * Every non-empty {@code additionalProperties} in the object graph of a parsed model, as
     * "path: {unknown fields}": fields the model did not map.
     */
    static List<String> strict(Object model) {
        List<String> out = new ArrayList<>();
        walk(model, "", out, new IdentityHashMap<>());
        return out;
    }

    private static void walk(Object node, String path, List<String> out, Map<Object, Boolean> seen) {
        if (node == null || seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof Collection<?> c) {
            int i = 0;
            for (Object o : c) {
                walk(o, path + "[" + i++ + "]", out, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> walk(v, path + "." + k, out, seen));
            return;
        }
        String pkg = node.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8.kubernetes.api.model") && !pkg.startsWith("io.strimzi.api")) {
            return;
        }
        for (Method m : node.getClass().getMethods()) {
            if (m.getParameterCount() != 0
                    || Modifier.isStatic(m.getModifiers())
                    || !m.getName().startsWith("get")
                    || m.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = m.invoke(node);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (m.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    out.add((path.isEmpty() ? "." : path) + ": " + extra.keySet());
                }
                continue;
            }
            String field =
                    Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
            // free-form maps (labels, annotations, Kafka configs) are not models: walk only model objects
            if (value instanceof Map<?, ?>) {
                continue;
            }
            walk(value, path + "." + field, out, seen);
        }
    }

    public List<Document> documents() {
        return documents;
    }

    public <T extends HasMetadata> List<T> all(Class<T> type) {
        return documents.stream()
                .map(Document::model)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    public <T extends HasMetadata> T one(Class<T> type) {
        List<T> all = all(type);
        if (all.size() != 1) {
            throw new AssertionError("expected one " + type.getSimpleName() + ", found " + all.size());
        }
        return all.get(0);
    }

    public Set<String> keys() {
        return documents.stream()
                .map(d -> d.key() + " " + d.name())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    static String toString(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}

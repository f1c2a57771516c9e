package org.rewriteradar.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rewriteradar.config.RadarConfig;
import org.rewriteradar.streams.TopicCreator;

/**
 * Each overlay of k8s/ renders ({@code kubectl kustomize}), every document parses strictly into the
 * Kubernetes and Strimzi models, and what the manifests say matches the application's own configuration:
 * environment variable names, ports, probe and metrics paths, topic names and settings, application id, the
 * KafkaUser's ACLs, the autoscaler's bound.
 */
class ManifestsTest {

    static List<String> overlays() {
        return Manifests.OVERLAYS;
    }

    static StatefulSet statefulSet(Manifests m) {
        return m.one(StatefulSet.class);
    }

    static Container container(Manifests m) {
        List<Container> containers =
                statefulSet(m).getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    static Map<String, EnvVar> env(Container c) {
        return c.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e, (a, b) -> {
            throw new AssertionError("environment variable " + a.getName() + " set twice");
        }));
    }

    static String value(Container c, String name) {
        EnvVar e = env(c).get(name);
        assertThat(e).as("environment variable %s", name).isNotNull();
        assertThat(e.getValue()).as("value of %s", name).isNotNull();
        return e.getValue();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void rendersAndParsesStrictly(String overlay) {
        Manifests m = Manifests.render(overlay);
        Set<String> expected = new TreeSet<>(Set.of(
                "apps/v1/StatefulSet rewrite-radar",
                "v1/Service rewrite-radar",
                "v1/Service rewrite-radar-headless",
                "policy/v1/PodDisruptionBudget rewrite-radar",
                "autoscaling/v2/HorizontalPodAutoscaler rewrite-radar",
                "networking.k8s.io/v1/NetworkPolicy rewrite-radar",
                "kafka.strimzi.io/v1/KafkaTopic articles",
                "kafka.strimzi.io/v1/KafkaTopic rewrite-alerts",
                "kafka.strimzi.io/v1/KafkaTopic articles-dlq",
                "kafka.strimzi.io/v1/KafkaUser rewrite-radar"));
        if (overlay.equals("dev")) {
            expected.add("kafka.strimzi.io/v1/Kafka radar-kafka");
            expected.add("kafka.strimzi.io/v1/KafkaNodePool combined");
        }
        assertThat(m.keys()).containsExactlyElementsOf(expected);
        // every document in the overlay's namespace
        String namespace = overlay.equals("dev") ? "radar-dev" : "rewrite-radar";
        assertThat(m.documents())
                .allSatisfy(d -> assertThat(d.model().getMetadata().getNamespace())
                        .as(d.key() + " " + d.name())
                        .isEqualTo(namespace));
    }

    @Test
    void strictParsingCatchesUnknownFields() {
        String typo =
                """
                apiVersion: v1
                kind: Service
                metadata:
                  name: x
                spec:
                  clusterIP: None
                  publishNotReadyAdresses: true
                """;
        assertThatThrownBy(() -> Manifests.parse(typo))
                .hasMessageContaining("publishNotReadyAdresses")
                .hasMessageContaining("v1/Service x");
        String strimziTypo =
                """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata:
                  name: t
                spec:
                  partitions: 6
                  replicaz: 3
                """;
        assertThatThrownBy(() -> Manifests.parse(strimziTypo)).hasMessageContaining("replicaz");
        String unknownKind =
                """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata:
                  name: t
                """;
        assertThatThrownBy(() -> Manifests.parse(unknownKind)).hasMessageContaining("unexpected document");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void statefulSetRunsTheServiceAsDesigned(String overlay) {
        Manifests m = Manifests.render(overlay);
        StatefulSet sts = statefulSet(m);
        Container c = container(m);
        PodSpec pod = sts.getSpec().getTemplate().getSpec();
        Map<String, String> podLabels =
                sts.getSpec().getTemplate().getMetadata().getLabels();

        assertThat(sts.getSpec().getPodManagementPolicy()).isEqualTo("Parallel");
        assertThat(sts.getSpec().getSelector().getMatchLabels()).isEqualTo(podLabels);

        // headless Service publishing not-ready addresses, named as the StatefulSet's serviceName
        Service headless = m.all(Service.class).stream()
                .filter(s -> s.getMetadata().getName().equals(sts.getSpec().getServiceName()))
                .findFirst()
                .orElseThrow();
        assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
        assertThat(headless.getSpec().getPublishNotReadyAddresses()).isTrue();
        assertThat(headless.getSpec().getSelector()).isEqualTo(podLabels);

        // advertised host = the pod's DNS name under that Service; static membership from the pod name
        assertThat(env(c).get("POD_NAME").getValueFrom().getFieldRef().getFieldPath())
                .isEqualTo("metadata.name");
        assertThat(env(c).get("POD_NAMESPACE").getValueFrom().getFieldRef().getFieldPath())
                .isEqualTo("metadata.namespace");
        assertThat(value(c, "RADAR_ADVERTISED_HOST"))
                .isEqualTo("$(POD_NAME)." + headless.getMetadata().getName() + ".$(POD_NAMESPACE).svc");
        assertThat(value(c, "RADAR_GROUP_INSTANCE_ID")).isEqualTo("$(POD_NAME)");
        assertThat(value(c, "RADAR_STANDBY_REPLICAS")).isEqualTo("1");
        // $(VAR) references only to variables defined before them (Kubernetes expands only those)
        List<String> names = c.getEnv().stream().map(EnvVar::getName).toList();
        for (int i = 0; i < c.getEnv().size(); i++) {
            String v = c.getEnv().get(i).getValue();
            Matcher ref = Pattern.compile("\\$\\(([A-Z0-9_]+)\\)").matcher(v == null ? "" : v);
            while (ref.find()) {
                assertThat(names.subList(0, i))
                        .as("$(%s) in %s", ref.group(1), names.get(i))
                        .contains(ref.group(1));
            }
        }

        // ports and probe paths: the application's own
        // the API on http, health and metrics on Quarkus' management interface
        assertThat(c.getPorts()).hasSize(2);
        assertThat(c.getPorts()).anySatisfy(p -> {
            assertThat(p.getName()).isEqualTo("http");
            assertThat(p.getContainerPort()).isEqualTo(AppFacts.httpPort());
        });
        assertThat(c.getPorts()).anySatisfy(p -> {
            assertThat(p.getName()).isEqualTo("management");
            assertThat(p.getContainerPort()).isEqualTo(AppFacts.managementPort());
        });
        assertThat(AppFacts.config().getValue("quarkus.management.enabled", Boolean.class))
                .isTrue();
        assertProbe(c.getReadinessProbe(), AppFacts.readinessPath());
        assertProbe(c.getLivenessProbe(), AppFacts.livenessPath());
        assertProbe(c.getStartupProbe(), AppFacts.livenessPath());
        Map<String, String> annotations =
                sts.getSpec().getTemplate().getMetadata().getAnnotations();
        assertThat(annotations)
                .containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/port", Integer.toString(AppFacts.managementPort()))
                .containsEntry("prometheus.io/path", AppFacts.metricsPath());

        // graceful stop: the grace period outlasts the close timeout
        Duration close = Duration.parse(value(c, "RADAR_SHUTDOWN_CLOSE_TIMEOUT"));
        assertThat(Duration.ofSeconds(pod.getTerminationGracePeriodSeconds())).isGreaterThan(close.plusSeconds(10));

        // state on the per-pod volume, scratch on an emptyDir, nothing else writable
        String stateDir = value(c, "RADAR_STATE_DIR");
        String claim =
                sts.getSpec().getVolumeClaimTemplates().get(0).getMetadata().getName();
        VolumeMount stateMount = c.getVolumeMounts().stream()
                .filter(v -> v.getName().equals(claim))
                .findFirst()
                .orElseThrow();
        assertThat(stateDir).startsWith(stateMount.getMountPath() + "/");
        VolumeMount tmp = c.getVolumeMounts().stream()
                .filter(v -> v.getMountPath().equals("/tmp"))
                .findFirst()
                .orElseThrow();
        assertThat(pod.getVolumes()).anySatisfy(v -> {
            assertThat(v.getName()).isEqualTo(tmp.getName());
            assertThat(v.getEmptyDir()).isNotNull();
        });
        assertThat(value(c, "JAVA_OPTS_APPEND")).contains("-Djava.io.tmpdir=/tmp");

        // pod security
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(c.getSecurityContext().getCapabilities().getAdd()).isNullOrEmpty();
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getEnableServiceLinks()).isFalse();

        // resources
        assertThat(c.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(c.getResources().getLimits()).containsKey("memory");

        // Kafka credentials from the KafkaUser's Secret
        KafkaUser user = m.one(KafkaUser.class);
        var jaas = env(c).get("KAFKA_SASL_JAAS_CONFIG").getValueFrom().getSecretKeyRef();
        assertThat(jaas.getName()).isEqualTo(user.getMetadata().getName());
        assertThat(jaas.getKey()).isEqualTo("sasl.jaas.config");
        assertThat(value(c, "KAFKA_SASL_MECHANISM")).isEqualTo("SCRAM-SHA-512");
        assertThat(value(c, "KAFKA_SECURITY_PROTOCOL")).isIn("SASL_PLAINTEXT", "SASL_SSL");
    }

    private static void assertProbe(Probe probe, String path) {
        assertThat(probe).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("management");
    }

    /**
     * Memory outside the heap and RocksDB's shared block cache that an instance was measured to hold (SoakIT,
     * 10 minutes at 40 records/s: RSS minus committed heap minus block cache levelled at 92–102 MiB), with
     * room to spare.
     */
    static final long NATIVE_ALLOWANCE = 192L << 20;

    /** The RocksDB bound of {@code application.properties} when the manifests do not set one. */
    static final long ROCKSDB_DEFAULT = 256L << 20;

    @ParameterizedTest
    @MethodSource("overlays")
    void memoryLimitHoldsTheHeapTheRocksDbBoundAndTheRest(String overlay) {
        Container c = container(Manifests.render(overlay));
        long limit = Quantity.getAmountInBytes(c.getResources().getLimits().get("memory"))
                .longValueExact();
        Matcher percent = Pattern.compile("-XX:MaxRAMPercentage=([0-9.]+)").matcher(value(c, "JAVA_OPTS_APPEND"));
        assertThat(percent.find())
                .as("JAVA_OPTS_APPEND sets -XX:MaxRAMPercentage")
                .isTrue();
        long heap = (long) (limit * Double.parseDouble(percent.group(1)) / 100);
        EnvVar rocks = env(c).get("RADAR_ROCKSDB_MEMORY_BYTES");
        long rocksDb = rocks == null ? ROCKSDB_DEFAULT : Long.parseLong(rocks.getValue());
        assertThat(rocksDb).as("RocksDB memory bounded").isPositive();
        assertThat(heap + rocksDb + NATIVE_ALLOWANCE)
                .as(
                        "heap %d MiB + RocksDB %d MiB + the rest %d MiB within the limit of %d MiB",
                        heap >> 20, rocksDb >> 20, NATIVE_ALLOWANCE >> 20, limit >> 20)
                .isLessThanOrEqualTo(limit);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyEnvironmentVariableIsOneTheApplicationReads(String overlay) {
        Container c = container(Manifests.render(overlay));
        Set<String> known = AppFacts.knownEnvironment();
        Set<String> referenced = c.getEnv().stream()
                .map(EnvVar::getValue)
                .filter(v -> v != null)
                .flatMap(v -> Pattern.compile("\\$\\(([A-Z0-9_]+)\\)")
                        .matcher(v)
                        .results()
                        .map(r -> r.group(1)))
                .collect(Collectors.toSet());
        for (EnvVar e : c.getEnv()) {
            assertThat(known.contains(e.getName())
                            || AppFacts.isDetectionOverride(e.getName())
                            || referenced.contains(e.getName()))
                    .as("%s (%s overlay) is read by the application or used by another variable", e.getName(), overlay)
                    .isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void topicsAreTheApplicationsTopicsWithItsLimits(String overlay) {
        Manifests m = Manifests.render(overlay);
        RadarConfig radar = AppFacts.radar();
        Map<String, KafkaTopic> topics = m.all(KafkaTopic.class).stream()
                .collect(Collectors.toMap(t -> t.getSpec().getTopicName(), t -> t));
        Map<String, Map<String, String>> limits = TopicCreator.topicConfigs(radar);
        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(limits.keySet());
        assertThat(topics.keySet())
                .containsExactlyInAnyOrder(
                        radar.topics().articles(),
                        radar.topics().alerts(),
                        radar.topics().deadLetter());
        String cluster = clusterName(m);
        for (KafkaTopic t : topics.values()) {
            String name = t.getSpec().getTopicName();
            assertThat(t.getMetadata().getName()).isEqualTo(name);
            assertThat(t.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", cluster);
            Map<String, Object> config = t.getSpec().getConfig();
            assertThat(String.valueOf(config.get("max.message.bytes")))
                    .as("max.message.bytes of %s", name)
                    .isEqualTo(limits.get(name).get("max.message.bytes"));
            // no compaction: a key repeats for new versions and further findings
            assertThat(config).containsEntry("cleanup.policy", "delete");
            assertThat(t.getSpec().getReplicas()).isEqualTo(overlay.equals("dev") ? 1 : 3);
            assertThat(((Number) config.get("min.insync.replicas")).intValue())
                    .isEqualTo(overlay.equals("dev") ? 1 : 2);
        }
        // the input and the internal topics have radar.topics.partitions partitions
        assertThat(topics.get(radar.topics().articles()).getSpec().getPartitions())
                .isEqualTo(radar.topics().partitions());
    }

    /** The Strimzi cluster the resources belong to: the dev overlay's Kafka, or the one prod expects. */
    static String clusterName(Manifests m) {
        List<Kafka> kafkas = m.all(Kafka.class);
        return kafkas.isEmpty() ? "radar-kafka" : kafkas.get(0).getMetadata().getName();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void kafkaUserHasExactlyTheMinimalAclsOfTheApplication(String overlay) {
        Manifests m = Manifests.render(overlay);
        KafkaUser user = m.one(KafkaUser.class);
        Container c = container(m);
        String appId = value(c, "RADAR_APPLICATION_ID");
        assertThat(appId).isEqualTo(AppFacts.applicationId());
        assertThat(user.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", clusterName(m));
        assertThat(user.getSpec().getAuthentication()).isInstanceOf(KafkaUserScramSha512ClientAuthentication.class);
        KafkaUserAuthorizationSimple authz =
                (KafkaUserAuthorizationSimple) user.getSpec().getAuthorization();
        RadarConfig radar = AppFacts.radar();
        assertThat(KafkaAcls.describe(authz.getAcls()))
                .containsExactlyInAnyOrderElementsOf(KafkaAcls.minimal(
                        appId,
                        radar.topics().articles(),
                        radar.topics().alerts(),
                        radar.topics().deadLetter()));
        // v1 API: "operations" lists only (v1beta2's single "operation" is gone)
        assertThat(authz.getAcls()).allSatisfy(a -> assertThat(a.getOperation()).isNull());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void brokerConnectionMatchesTheCluster(String overlay) {
        Manifests m = Manifests.render(overlay);
        Container c = container(m);
        String bootstrap = value(c, "KAFKA_BOOTSTRAP_SERVERS");
        String cluster = clusterName(m);
        assertThat(bootstrap).startsWith(cluster + "-kafka-bootstrap:");
        int port = Integer.parseInt(bootstrap.substring(bootstrap.indexOf(':') + 1));
        boolean tls = value(c, "KAFKA_SECURITY_PROTOCOL").equals("SASL_SSL");
        assertThat(port).isEqualTo(tls ? 9093 : 9092);
        if (tls) {
            String location = value(c, "KAFKA_SSL_TRUSTSTORE_LOCATION");
            assertThat(value(c, "KAFKA_SSL_TRUSTSTORE_TYPE")).isEqualTo("PEM");
            VolumeMount mount = c.getVolumeMounts().stream()
                    .filter(v -> location.startsWith(v.getMountPath() + "/"))
                    .findFirst()
                    .orElseThrow();
            var volume = statefulSet(m).getSpec().getTemplate().getSpec().getVolumes().stream()
                    .filter(v -> v.getName().equals(mount.getName()))
                    .findFirst()
                    .orElseThrow();
            assertThat(volume.getSecret().getSecretName()).isEqualTo(cluster + "-cluster-ca-cert");
            assertThat(volume.getSecret().getItems())
                    .anySatisfy(i ->
                            assertThat(mount.getMountPath() + "/" + i.getPath()).isEqualTo(location));
        }
        // the dev overlay's own cluster: a SCRAM listener on that port, TLS as the client expects, ACLs on
        List<Kafka> kafkas = m.all(Kafka.class);
        if (!kafkas.isEmpty()) {
            Kafka kafka = kafkas.get(0);
            GenericKafkaListener listener = kafka.getSpec().getKafka().getListeners().stream()
                    .filter(l -> l.getPort() == port)
                    .findFirst()
                    .orElseThrow();
            assertThat(listener.isTls()).isEqualTo(tls);
            assertThat(listener.getAuth().getType()).isEqualTo("scram-sha-512");
            assertThat(kafka.getSpec().getKafka().getAuthorization().getType()).isEqualTo("simple");
            // v1: no replicas or storage on the Kafka resource, a node pool instead
            assertThat(kafka.getSpec().getKafka().getReplicas()).isNull();
            assertThat(kafka.getSpec().getKafka().getStorage()).isNull();
            assertThat(kafka.getSpec().getZookeeper()).isNull();
            assertThat(m.all(KafkaNodePool.class)).allSatisfy(p -> assertThat(
                            p.getMetadata().getLabels())
                    .containsEntry("strimzi.io/cluster", kafka.getMetadata().getName()));
            assertThat(kafka.getSpec().getEntityOperator().getTopicOperator()).isNotNull();
            assertThat(kafka.getSpec().getEntityOperator().getUserOperator()).isNotNull();
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void autoscalerDisruptionBudgetAndNetworkPolicyFitTheService(String overlay) {
        Manifests m = Manifests.render(overlay);
        StatefulSet sts = statefulSet(m);
        Map<String, String> podLabels =
                sts.getSpec().getTemplate().getMetadata().getLabels();
        RadarConfig radar = AppFacts.radar();

        HorizontalPodAutoscaler hpa = m.one(HorizontalPodAutoscaler.class);
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("StatefulSet");
        assertThat(hpa.getSpec().getScaleTargetRef().getName())
                .isEqualTo(sts.getMetadata().getName());
        int inputPartitions = m.all(KafkaTopic.class).stream()
                .filter(t -> t.getSpec().getTopicName().equals(radar.topics().articles()))
                .findFirst()
                .orElseThrow()
                .getSpec()
                .getPartitions();
        // an instance past the partition count would get no task: the autoscaler stops at it
        assertThat(hpa.getSpec().getMaxReplicas())
                .isLessThanOrEqualTo(Math.min(inputPartitions, radar.topics().partitions()));
        assertThat(hpa.getSpec().getMinReplicas()).isBetween(1, hpa.getSpec().getMaxReplicas());
        assertThat(sts.getSpec().getReplicas())
                .isBetween(hpa.getSpec().getMinReplicas(), hpa.getSpec().getMaxReplicas());

        PodDisruptionBudget pdb = m.one(PodDisruptionBudget.class);
        assertThat(pdb.getSpec().getSelector().getMatchLabels()).isEqualTo(podLabels);
        assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);

        NetworkPolicy policy = m.one(NetworkPolicy.class);
        assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isEqualTo(podLabels);
        assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        // ingress: the peers and the ingress controller's namespace to the API port, the scraper's namespace to
        // the management port (metrics)
        List<NetworkPolicyIngressRule> ingress = policy.getSpec().getIngress();
        assertThat(ingress).hasSize(3);
        assertThat(ingress)
                .map(r -> r.getPorts().get(0).getPort().getStrVal())
                .containsExactly("http", "management", "http");
        assertThat(ingress).allSatisfy(r -> assertThat(r.getPorts()).hasSize(1));
        assertThat(ingress.get(0).getFrom().get(0).getPodSelector().getMatchLabels())
                .isEqualTo(podLabels);
        assertThat(ingress.stream()
                        .skip(1)
                        .map(r -> r.getFrom()
                                .get(0)
                                .getNamespaceSelector()
                                .getMatchLabels()
                                .get("kubernetes.io/metadata.name"))
                        .toList())
                .containsExactly("monitoring", "ingress-nginx");
        // egress reaches the broker's port of KAFKA_BOOTSTRAP_SERVERS
        String bootstrap = value(container(m), "KAFKA_BOOTSTRAP_SERVERS");
        int brokerPort = Integer.parseInt(bootstrap.substring(bootstrap.indexOf(':') + 1));
        assertThat(policy.getSpec().getEgress()).anySatisfy(e -> {
            assertThat(e.getTo().get(0).getPodSelector().getMatchLabels()).containsEntry("strimzi.io/kind", "Kafka");
            assertThat(e.getPorts())
                    .anySatisfy(p -> assertThat(p.getPort().getIntVal()).isEqualTo(brokerPort));
        });
    }
}

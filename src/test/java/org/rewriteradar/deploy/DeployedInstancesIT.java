package org.rewriteradar.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleTransactionalIdResource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.rewriteradar.SharedData;
import org.rewriteradar.StateDirs;
import org.rewriteradar.TestConfig;
import org.rewriteradar.api.TestCredentials;
import org.rewriteradar.kafka.AppStreamsConfig;
import org.rewriteradar.similarity.DetectionSettings;
import org.rewriteradar.similarity.RewriteEngine;
import org.rewriteradar.streams.RadarTopology;

/**
 * The dev overlay, run for real as far as one machine allows: a Kafka broker (in this JVM) with a SCRAM
 * listener and ACLs enforced; the KafkaUser of the manifest created on it with exactly its ACLs and the
 * KafkaTopics with their partitions and configs; two pods of the rendered StatefulSet as two processes of
 * the packaged service, each with exactly the container's environment ({@link Pod}: the substitutions are
 * only what a cluster provides, and are printed). Then: both become ready, the seed pair's alert is
 * published once, each instance answers {@code GET /articles/{id}} for an article the other holds; a client
 * without credentials or with a wrong password is refused, the service's user may not read its dead letters, and
 * without the transactional-id ACL Streams fails with Kafka's clear message; a SIGTERM stops an instance
 * promptly and it leaves the group, and with the broker gone a SIGTERM still ends within the configured
 * close timeout.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeployedInstancesIT {

    static final Duration START = Duration.ofSeconds(Long.getLong("deploy.start-seconds", 240));

    static ScramKafka kafka;
    static Manifests dev;
    static StatefulSet sts;
    static String password = UUID.randomUUID().toString();
    static String user;
    static String applicationId;
    static Path work;
    static final List<Pod> pods = new ArrayList<>();
    static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static int port;
    static int managementPort;
    static final List<String> readinessSeen = new ArrayList<>();

    @BeforeAll
    static void deploy() throws Exception {
        SharedData.seedOriginalJson(); // skips (or fails on CI) without the shared data, before starting anything
        assertThat(Pod.JAR).as("the packaged service (run after `package`)").exists();
        dev = Manifests.render("dev");
        sts = dev.one(StatefulSet.class);
        KafkaUser kafkaUser = dev.one(KafkaUser.class);
        user = kafkaUser.getMetadata().getName();
        work = StateDirs.fresh("radar-deployed-");

        kafka = ScramKafka.start();
        // the User Operator's work: the SCRAM credential and exactly the KafkaUser's ACLs
        List<AclRule> acls = ((KafkaUserAuthorizationSimple) kafkaUser.getSpec().getAuthorization()).getAcls();
        kafka.createUser(user, password, KafkaAcls.bindings("User:" + user, acls));
        // the Topic Operator's work: the KafkaTopics with their partitions, replicas and configs
        List<NewTopic> topics = new ArrayList<>();
        for (KafkaTopic t : dev.all(KafkaTopic.class)) {
            Map<String, String> configs = new HashMap<>();
            t.getSpec().getConfig().forEach((k, v) -> configs.put(k, String.valueOf(v)));
            topics.add(new NewTopic(
                            t.getSpec().getTopicName(),
                            t.getSpec().getPartitions(),
                            t.getSpec().getReplicas().shortValue())
                    .configs(configs));
        }
        kafka.createTopics(topics);
        // the service's credentials work before the pods start (a new SCRAM credential reaches the broker
        // shortly after the controller accepted it; as in a cluster, where the Secret follows the user)
        Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            try (Admin admin = Admin.create(kafka.scramClient(user, password))) {
                admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
            }
        });

        // two pods, each its own loopback address; the port of the manifest when both addresses have it free
        List<String> addresses = List.of("127.0.0.2", "127.0.0.3");
        port = AppFacts.httpPort();
        if (!addresses.stream().allMatch(a -> free(a, port))) {
            port = freePortOn(addresses);
        }
        managementPort = AppFacts.managementPort();
        if (!addresses.stream().allMatch(a -> free(a, managementPort))) {
            managementPort = freePortOn(addresses);
        }
        StringBuilder hosts = new StringBuilder("127.0.0.1 localhost\n");
        for (int i = 0; i < 2; i++) {
            Pod pod = Pod.of(
                    sts,
                    i,
                    addresses.get(i),
                    Map.of(
                            user + "/sasl.jaas.config",
                            ScramKafka.scramJaas(user, password),
                            "rewrite-radar-api/jwt-issuer",
                            TestCredentials.ISSUER,
                            "rewrite-radar-api/jwt-public-key",
                            TestCredentials.publicKeyPem(),
                            "rewrite-radar-api/api-keys",
                            TestCredentials.apiKeysSpec()),
                    Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers()),
                    work);
            if (port != AppFacts.httpPort()) {
                pod.substitutions.add("QUARKUS_HTTP_PORT: " + AppFacts.httpPort() + " -> " + port + " (taken here)");
            }
            pods.add(pod);
            hosts.append(pod.address).append(' ').append(pod.advertisedHost()).append('\n');
        }
        Path hostsFile = work.resolve("hosts");
        Files.writeString(hostsFile, hosts);
        applicationId = pods.get(0).env.get("RADAR_APPLICATION_ID");
        for (Pod pod : pods) {
            System.out.println("[DeployedInstancesIT] " + pod.name + " substitutions: " + pod.substitutions());
            pod.start(hostsFile, port, managementPort);
        }
    }

    static boolean free(String address, int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName(address), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePortOn(List<String> addresses) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int candidate;
            try (ServerSocket s = new ServerSocket(0)) {
                candidate = s.getLocalPort();
            }
            int c = candidate;
            if (addresses.stream().allMatch(a -> free(a, c))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no port free on " + addresses);
    }

    @AfterAll
    static void undeploy() {
        for (Pod pod : pods) {
            if (pod.process != null && pod.process.isAlive()) {
                pod.process.destroyForcibly();
            }
        }
        if (kafka != null) {
            kafka.close();
        }
        if (work != null) {
            StateDirs.delete(work);
        }
    }

    /**
     * GET on the pod: health and metrics ({@code /q/...}) on the management port without credentials, the API
     * on its port with a reader's token (signed by the key whose public half the pods have from their Secret).
     */
    static HttpResponse<String> get(Pod pod, String path) throws IOException, InterruptedException {
        boolean management = path.startsWith("/q/");
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://" + pod.address + ":" + (management ? managementPort : port) + path))
                .timeout(Duration.ofSeconds(10));
        if (!management) {
            request.header("Authorization", TestCredentials.bearer(TestCredentials.token("reader")));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String failureContext() {
        StringBuilder out = new StringBuilder();
        for (Pod pod : pods) {
            String log = pod.log();
            out.append("\n--- ")
                    .append(pod.name)
                    .append(" (last 4000 chars) ---\n")
                    .append(log.substring(Math.max(0, log.length() - 4000)));
        }
        return out.toString();
    }

    @Test
    @Order(1)
    void bothPodsBecomeReadyWhenStreamsRuns() {
        for (Pod pod : pods) {
            // the readiness answer that said 200 (asking again could meet the rebalance the other pod's join starts)
            java.util.concurrent.atomic.AtomicReference<String> readyBody =
                    new java.util.concurrent.atomic.AtomicReference<>();
            Awaitility.await()
                    .atMost(START)
                    .pollInterval(Duration.ofMillis(500))
                    .failFast(() -> !pod.process.isAlive())
                    .conditionEvaluationListener(c -> {})
                    .untilAsserted(() -> {
                        HttpResponse<String> ready;
                        try {
                            ready = get(pod, AppFacts.readinessPath());
                        } catch (IOException e) {
                            throw new AssertionError(pod.name + " not listening yet: " + e);
                        }
                        if (ready.statusCode() != 200) {
                            synchronized (readinessSeen) {
                                readinessSeen.add(pod.name + " " + ready.statusCode() + " " + ready.body());
                            }
                        }
                        assertThat(ready.statusCode())
                                .as(pod.name + failureContext())
                                .isEqualTo(200);
                        readyBody.set(ready.body());
                    });
            JsonNode checks;
            try {
                checks = Manifests.MODEL.readTree(readyBody.get()).path("checks");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            assertThat(checks.toString()).contains("\"name\":\"kafka-streams-running\"", "\"state\":\"RUNNING\"");
        }
        // while not RUNNING, readiness said so with the state (if a poll caught that moment)
        System.out.println("[DeployedInstancesIT] readiness before ready: " + readinessSeen);
        assertThat(readinessSeen).allSatisfy(s -> assertThat(s).contains("503", "kafka-streams-running", "DOWN"));
    }

    @Test
    @Order(2)
    void seedPairIsAlertedOnce() throws Exception {
        Map<String, Object> producerProps = kafka.adminClient();
        producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps)) {
            producer.send(new ProducerRecord<>("articles", SharedData.SEED_ORIGINAL_ID, SharedData.seedOriginalJson()))
                    .get(30, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>("articles", SharedData.SEED_REWRITE_ID, SharedData.seedRewriteJson()))
                    .get(30, TimeUnit.SECONDS);
        }
        List<ConsumerRecord<String, String>> alerts = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = alertConsumer(kafka.adminClient())) {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (alerts.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(alerts::add);
            }
            long grace = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < grace) {
                consumer.poll(Duration.ofMillis(500)).forEach(alerts::add);
            }
        }
        assertThat(alerts).as("alerts" + failureContext()).hasSize(1);
        JsonNode alert = Manifests.MODEL.readTree(alerts.get(0).value());
        assertThat(alerts.get(0).key()).isEqualTo(SharedData.SEED_REWRITE_ID);
        assertThat(alert.path("kind").asText()).isEqualTo("SPUN_REWRITE");
        assertThat(alert.path("original").path("id").asText()).isEqualTo(SharedData.SEED_ORIGINAL_ID);
    }

    static KafkaConsumer<String, String> alertConsumer(Map<String, Object> client) {
        return consumer(client, "rewrite-alerts");
    }

    static KafkaConsumer<String, String> consumer(Map<String, Object> client, String topic) {
        Map<String, Object> p = new HashMap<>(client);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(i -> new TopicPartition(i.topic(), i.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    @Test
    @Order(3)
    void eachInstanceAnswersForArticlesTheOtherHolds() throws Exception {
        int remote = 0;
        for (String id : List.of(SharedData.SEED_ORIGINAL_ID, SharedData.SEED_REWRITE_ID)) {
            List<String> servedBy = new ArrayList<>();
            for (Pod pod : pods) {
                HttpResponse<String> r = get(pod, "/articles/" + id);
                assertThat(r.statusCode())
                        .as("GET /articles/%s at %s: %s", id, pod.name, r.body())
                        .isEqualTo(200);
                JsonNode view = Manifests.MODEL.readTree(r.body());
                assertThat(view.path("article").path("id").asText()).isEqualTo(id);
                String by = view.path("servedBy").asText();
                servedBy.add(by);
                if (!by.startsWith(pod.advertisedHost() + ":")) {
                    remote++;
                    System.out.println("[DeployedInstancesIT] " + pod.name + " answered " + id + " from " + by);
                }
            }
            // both answer alike, from the one instance that holds it, named by its pod DNS name
            assertThat(servedBy.get(0)).isEqualTo(servedBy.get(1));
            assertThat(pods.stream().map(p -> p.advertisedHost() + ":" + port)).contains(servedBy.get(0));
        }
        // each id is held by one of the two: the other asked it over the headless Service's name
        assertThat(remote).isEqualTo(2);
        // recent alerts are gathered from both instances (the hop to the other carries the caller's token)
        for (Pod pod : pods) {
            HttpResponse<String> r = get(pod, "/alerts?kind=SPUN_REWRITE");
            assertThat(r.statusCode())
                    .as("GET /alerts at %s: %s", pod.name, r.body())
                    .isEqualTo(200);
            assertThat(Manifests.MODEL.readTree(r.body()).path("alerts").findValuesAsText("alertId"))
                    .hasSize(1);
        }
        // an API key from the Secret publishes through the KafkaUser's Write ACL on the input topic
        HttpResponse<String> published = http.send(
                HttpRequest.newBuilder(URI.create("http://" + pods.get(0).address + ":" + port + "/articles"))
                        .timeout(Duration.ofSeconds(30))
                        .header("X-API-Key", TestCredentials.INGEST_KEY)
                        .header("Content-Type", "application/json")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"id\":\"http-1\",\"body\":\"Published over HTTP.\",\"publishedAt\":\"2026-01-02T03:04:05Z\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(published.statusCode())
                .as(published.body() + failureContext())
                .isEqualTo(202);
        // security is on as deployed: no credentials, no article; a peer hop carries the caller's credentials
        for (Pod pod : pods) {
            HttpResponse<String> anonymous = http.send(
                    HttpRequest.newBuilder(URI.create(
                                    "http://" + pod.address + ":" + port + "/articles/" + SharedData.SEED_REWRITE_ID))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.body()).doesNotContain("There is no positive reaction");
        }
    }

    @Test
    @Order(4)
    void clientsWithoutValidCredentialsAreRefused() {
        Map<String, Object> plaintext = Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000,
                CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, 4000);
        try (Admin admin = Admin.create(plaintext)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS))
                    .as("a client without credentials")
                    .hasRootCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        }
        Map<String, Object> wrong = new HashMap<>(kafka.scramClient(user, "not-the-password"));
        wrong.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        wrong.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        try (Admin admin = Admin.create(wrong)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(15, TimeUnit.SECONDS))
                    .hasRootCauseInstanceOf(SaslAuthenticationException.class)
                    .rootCause()
                    .hasMessageContaining("invalid credentials");
        }
        // authenticated, not authorized: the service's user writes dead letters, it may not read them
        try (KafkaConsumer<String, String> consumer = consumer(kafka.scramClient(user, password), "articles-dlq")) {
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10)))
                    .isInstanceOf(TopicAuthorizationException.class)
                    .hasMessageContaining("articles-dlq");
        }
    }

    @Test
    @Order(5)
    void withoutTheTransactionalIdAclStreamsFailsWithAClearMessage() throws Exception {
        // the KafkaUser's ACLs for another application id, without the transactional-id rule
        String otherApp = "radar-missing-acl";
        String otherUser = "radar-missing-acl";
        List<AclRule> acls = ((KafkaUserAuthorizationSimple)
                        dev.one(KafkaUser.class).getSpec().getAuthorization())
                .getAcls();
        List<AclRule> reduced = new ArrayList<>();
        for (AclRule rule : acls) {
            if (rule.getResource() instanceof AclRuleTransactionalIdResource) {
                continue;
            }
            AclRule copy = Manifests.MODEL.treeToValue(
                    Manifests.MODEL.readTree(Manifests.MODEL
                            .writeValueAsString(rule)
                            .replace("\"" + applicationId + "\"", "\"" + otherApp + "\"")),
                    AclRule.class);
            reduced.add(copy);
        }
        assertThat(reduced).hasSize(acls.size() - 1);
        kafka.createUser(otherUser, password, KafkaAcls.bindings("User:" + otherUser, reduced));

        Path state = StateDirs.fresh("radar-missing-acl-");
        Properties props = AppStreamsConfig.forTest(kafka.bootstrapServers(), otherApp, state);
        props.putAll(kafka.scramClient(otherUser, password));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (KafkaStreams streams = new KafkaStreams(
                RadarTopology.build(TestConfig.radar(), new RewriteEngine(DetectionSettings.defaults())), props)) {
            streams.setUncaughtExceptionHandler(e -> {
                failure.compareAndSet(null, e);
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            });
            streams.start();
            Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> failure.get() != null);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> streams.state() == KafkaStreams.State.ERROR
                            || streams.state() == KafkaStreams.State.PENDING_ERROR);
        } finally {
            StateDirs.delete(state);
        }
        System.out.println("[DeployedInstancesIT] without the transactional-id ACL: " + failure.get());
        assertThat(failure.get())
                .hasRootCauseInstanceOf(TransactionalIdAuthorizationException.class)
                .rootCause()
                .hasMessageContaining("Transactional Id authorization failed");
    }

    @Test
    @Order(6)
    void sigtermClosesPromptlyAndLeavesTheGroup() throws Exception {
        Pod pod = pods.get(1);
        try (Admin admin = Admin.create(kafka.adminClient())) {
            assertThat(members(admin)).isEqualTo(2);
            long start = System.nanoTime();
            pod.process.destroy(); // SIGTERM
            assertThat(pod.process.waitFor(60, TimeUnit.SECONDS))
                    .as(pod.name + " exits")
                    .isTrue();
            long exitMs = (System.nanoTime() - start) / 1_000_000;
            // left the group at once: no wait for the session timeout (45 s), static member included
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> members(admin) == 1);
            System.out.println("[DeployedInstancesIT] " + pod.name + " SIGTERM with the broker up: exit "
                    + pod.process.exitValue() + " after " + exitMs + " ms; group members now " + members(admin));
            assertThat(pod.log())
                    .contains("Closing Kafka Streams (timeout PT30S, leave group true)", "Kafka Streams closed after");
            assertThat(exitMs)
                    .isLessThan(Duration.parse(pod.env.get("RADAR_SHUTDOWN_CLOSE_TIMEOUT"))
                            .toMillis());
        }
    }

    static int members(Admin admin) throws Exception {
        return admin.describeConsumerGroups(List.of(applicationId))
                .all()
                .get(30, TimeUnit.SECONDS)
                .get(applicationId)
                .members()
                .size();
    }

    @Test
    @Order(7)
    void sigtermWithTheBrokerGoneEndsWithinTheCloseTimeout() throws Exception {
        Pod pod = pods.get(0);
        Duration timeout = Duration.parse(pod.env.get("RADAR_SHUTDOWN_CLOSE_TIMEOUT"));
        kafka.close();
        kafka = null;
        long start = System.nanoTime();
        pod.process.destroy(); // SIGTERM
        boolean exited = pod.process.waitFor(timeout.toSeconds() + 20, TimeUnit.SECONDS);
        long exitMs = (System.nanoTime() - start) / 1_000_000;
        System.out.println("[DeployedInstancesIT] " + pod.name + " SIGTERM with the broker gone: "
                + (exited ? "exit " + pod.process.exitValue() : "still running") + " after " + exitMs + " ms");
        assertThat(exited)
                .as(pod.name + " exits within the close timeout" + failureContext())
                .isTrue();
        assertThat(Duration.ofMillis(exitMs)).isLessThan(timeout.plusSeconds(10));
    }
}

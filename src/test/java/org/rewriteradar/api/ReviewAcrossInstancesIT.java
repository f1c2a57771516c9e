package org.rewriteradar.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rewriteradar.SharedData;
import org.rewriteradar.StateDirs;
import org.rewriteradar.fault.ServiceInstance;
import org.rewriteradar.kafka.InJvmKafka;

/**
 * Two processes of the packaged service on one in-JVM broker, each owning half of the partitions, with the
 * query hop between them over real HTTP and the test credentials. The instance that holds the seed rewrite's
 * partition is the owner, the other the front: an editor's browser on the front's review page sees the seed
 * alert arrive and opens it, the rewrite's text and its article view coming from the owner through the front.
 * Then the owner is frozen (SIGSTOP: its sockets still accept, nothing answers) and the front answers 503
 * problem bodies within {@code radar.query.remote-timeout}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewAcrossInstancesIT {

    private static final int PARTITIONS = 6;
    private static final Duration HOP_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration START = Duration.ofSeconds(240);

    private static InJvmKafka kafka;
    private static Path work;
    private static String applicationId;
    private static final List<ServiceInstance> instances = new ArrayList<>();
    private static ServiceInstance owner;
    private static ServiceInstance front;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        SharedData.seedRewriteJson(); // skips (or fails on CI) without ../shared, before anything starts
        kafka = InJvmKafka.start();
        kafka.createTopics(PARTITIONS, "articles", "rewrite-alerts", "articles-dlq");
        work = Files.createDirectories(Path.of("target", "review-across-instances", UUID.randomUUID() + ""));
        applicationId = "radar-review-" + UUID.randomUUID();
        Map<String, String> env = Map.of(
                "MP_JWT_VERIFY_PUBLICKEY", TestCredentials.publicKeyPem(),
                "MP_JWT_VERIFY_ISSUER", TestCredentials.ISSUER,
                "RADAR_SECURITY_API_KEYS", TestCredentials.apiKeysSpec(),
                "RADAR_TOPICS_PARTITIONS", Integer.toString(PARTITIONS),
                "RADAR_QUERY_REMOTE_TIMEOUT", HOP_TIMEOUT.toString());
        for (String name : List.of("one", "two")) {
            // a session timeout well above the frozen owner's two hop timeouts: the group must not rebalance
            // meanwhile, or the front answers "rebalancing" instead of the hop's timeout
            instances.add(new ServiceInstance(name, work, kafka.bootstrapServers(), applicationId, env)
                    .sessionTimeout(Duration.ofSeconds(30))
                    .start());
        }
        for (ServiceInstance i : instances) {
            Awaitility.await(i.name + " ready")
                    .atMost(START)
                    .pollInterval(Duration.ofMillis(500))
                    .failFast(i.name + " exited:\n" + i.logTail(3000), () -> !i.alive())
                    .until(i::ready);
        }
        String rewriteOwner = Awaitility.await("an owner for " + SharedData.SEED_REWRITE_ID)
                .atMost(Duration.ofSeconds(60))
                .until(() -> ownerOf(SharedData.SEED_REWRITE_ID), o -> o != null);
        owner = instances.stream()
                .filter(i -> i.name.equals(rewriteOwner))
                .findFirst()
                .orElseThrow();
        front = instances.get(0) == owner ? instances.get(1) : instances.get(0);
        System.out.println("[ReviewAcrossInstancesIT] " + SharedData.SEED_REWRITE_ID + " is held by " + owner.name
                + " (" + address(owner) + "), the browser uses " + front.name + " (" + address(front) + ")");
    }

    /**
     * The name of the instance whose stream thread is assigned the {@code articles-by-id} partition of {@code
     * id} (where its {@code article-store} entry lives), once every partition is assigned to one of the two.
     */
    private static String ownerOf(String id) throws Exception {
        String topic = applicationId + "-articles-by-id-repartition";
        int partition = Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(applicationId))
                    .all()
                    .get()
                    .get(applicationId);
            int assigned = 0;
            String holder = null;
            for (MemberDescription m : group.members()) {
                // a stream thread's static member id is the instance's RADAR_GROUP_INSTANCE_ID and a suffix
                String member = m.groupInstanceId().orElse("");
                for (TopicPartition tp : m.assignment().topicPartitions()) {
                    if (tp.topic().equals(topic)) {
                        assigned++;
                        if (tp.partition() == partition) {
                            holder = instances.stream()
                                    .map(i -> i.name)
                                    .filter(member::startsWith)
                                    .findFirst()
                                    .orElse(null);
                        }
                    }
                }
            }
            return group.members().size() == 2 && assigned == PARTITIONS ? holder : null;
        }
    }

    @AfterAll
    static void stop() {
        for (ServiceInstance i : instances) {
            i.close();
            StateDirs.delete(work.resolve(i.name + "-state"));
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private static String address(ServiceInstance i) {
        return "localhost:" + i.httpPort;
    }

    private static String base(ServiceInstance i) {
        return "http://" + address(i);
    }

    @Test
    @Order(1)
    void reviewPageOnOneInstanceShowsTheAlertAndArticleTheOtherInstanceHolds() throws Exception {
        ChromeDriver driver = Browser.start();
        try {
            ReviewPageBrowserIT.signIn(driver, base(front));

            given().baseUri(base(front))
                    .header("Authorization", TestCredentials.bearer(TestCredentials.token("ingest")))
                    .contentType("application/json")
                    .body(("[" + SharedData.seedOriginalJson() + "," + SharedData.seedRewriteJson() + "]")
                            .getBytes(StandardCharsets.UTF_8))
                    .post("/articles")
                    .then()
                    .statusCode(202);

            WebElement item = Browser.feedItem(driver, "SPUN_REWRITE");
            item.findElement(By.tagName("a")).click();

            // the rewrite's normalised text, with its quote marked, comes from the owner through the front
            WebElement quote = Browser.candidateQuote(driver, "There is no positive reaction");
            assertThat(quote.isDisplayed()).isTrue();
            assertThat(driver.findElements(By.cssSelector("[data-side=original] mark.quote")))
                    .anySatisfy(m -> assertThat(m.getText()).contains("There is no positive reaction"));
            assertThat(Files.size(Browser.screenshot(driver, "across-instances-alert")))
                    .isPositive();

            driver.findElement(By.cssSelector("[data-side=candidate] a[href^='#/article/']"))
                    .click();
            new WebDriverWait(driver, Duration.ofSeconds(20))
                    .until(d -> !d.findElements(By.cssSelector("#versions tr")).isEmpty());
            String detail = driver.findElement(By.id("detail")).getText();
            assertThat(detail).contains("id " + SharedData.SEED_REWRITE_ID).contains("served by " + address(owner));
            assertThat(driver.getCurrentUrl()).startsWith(base(front));
            assertThat(Files.size(Browser.screenshot(driver, "across-instances-article")))
                    .isPositive();
        } finally {
            driver.quit();
        }
    }

    @Test
    @Order(2)
    void answers503WhenOwnerDoesNotAnswerWithinHopTimeout() {
        String reader = TestCredentials.bearer(TestCredentials.token("reader"));
        // through the front while the owner answers: the hop works
        given().baseUri(base(front))
                .header("Authorization", reader)
                .get("/articles/" + SharedData.SEED_REWRITE_ID)
                .then()
                .statusCode(200);

        owner.pause();
        try {
            for (String path : List.of("/articles/" + SharedData.SEED_REWRITE_ID, "/alerts")) {
                long start = System.nanoTime();
                Response response = given().baseUri(base(front))
                        .header("Authorization", reader)
                        .get(path);
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                System.out.println("[ReviewAcrossInstancesIT] " + path + " with the owner frozen: "
                        + response.statusCode() + " after " + took.toMillis() + " ms");
                assertThat(response.statusCode()).as(path).isEqualTo(503);
                assertThat(response.contentType()).as(path).startsWith("application/problem+json");
                assertThat(response.jsonPath().getInt("status")).isEqualTo(503);
                assertThat(response.jsonPath().getString("detail"))
                        .as(path)
                        .contains("did not answer")
                        .contains(Integer.toString(owner.httpPort));
                assertThat(took)
                        .as("%s answered after %s", path, took)
                        .isGreaterThanOrEqualTo(HOP_TIMEOUT.minusMillis(100))
                        .isLessThan(HOP_TIMEOUT.plusSeconds(2));
            }
        } finally {
            owner.resume();
        }
    }
}

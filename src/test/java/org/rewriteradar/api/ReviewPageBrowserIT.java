package org.rewriteradar.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rewriteradar.SharedData;
import org.rewriteradar.kafka.InJvmKafkaResource;

/**
 * The review page in headless Chromium against the running service and the in-JVM broker: an editor signs in
 * with a token, the seed pair is published over HTTP, its alert appears in the live feed without a reload,
 * and the side-by-side view shows the shared quote highlighted and marked as a quote. A screenshot is kept
 * under {@code target/browser/}.
 */
@QuarkusTest
@WithTestResource(InJvmKafkaResource.class)
@WithTestResource(TestCredentialsResource.class)
class ReviewPageBrowserIT {

    @Inject
    KafkaStreams streams;

    @Inject
    AlertFeed feed;

    ChromeDriver driver;
    String base;

    @BeforeEach
    void start() {
        base = "http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .until(() -> streams.state() == KafkaStreams.State.RUNNING && feed.assigned());
        driver = Browser.start();
    }

    @AfterEach
    void stop(TestInfo test) {
        if (driver != null) {
            Browser.screenshot(
                    driver, "last-" + test.getTestMethod().map(m -> m.getName()).orElse("test"));
            driver.quit();
        }
    }

    static void signIn(ChromeDriver driver, String base) {
        driver.get(base + "/review/index.html");
        new Select(driver.findElement(By.id("cred-kind"))).selectByValue("bearer");
        driver.findElement(By.id("cred-value")).sendKeys(TestCredentials.token("reader"));
        driver.findElement(By.id("signin")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> "live".equals(d.findElement(By.id("status")).getText()));
    }

    static void publish(String... articles) {
        given().header("Authorization", TestCredentials.bearer(TestCredentials.token("ingest")))
                .contentType("application/json")
                .body(("[" + String.join(",", articles) + "]").getBytes(StandardCharsets.UTF_8))
                .post("/articles")
                .then()
                .statusCode(202);
    }

    @Test
    void editorSeesTheSeedAlertArriveLiveAndItsQuoteHighlighted() throws Exception {
        signIn(driver, base);
        assertThat(driver.findElements(By.cssSelector("#feed li"))).isEmpty();

        publish(SharedData.seedOriginalJson(), SharedData.seedRewriteJson());

        WebElement item = Browser.feedItem(driver, "SPUN_REWRITE");
        assertThat(item.getText()).contains("According to Foreign Minister Lavrov");
        item.findElement(By.tagName("a")).click();

        WebElement quote = Browser.candidateQuote(driver, "There is no positive reaction");
        assertThat(quote.isDisplayed()).isTrue();
        assertThat(driver.findElements(By.cssSelector("[data-side=original] mark.quote")))
                .anySatisfy(m -> assertThat(m.getText()).contains("There is no positive reaction"));
        assertThat(driver.findElement(By.id("signals")).getText()).contains("alignOriginal");
        Path shot = Browser.screenshot(driver, "review-seed-alert");
        assertThat(Files.size(shot)).isPositive();

        // the article's versions, from the side-by-side view
        driver.findElement(By.cssSelector("[data-side=candidate] a[href^='#/article/']"))
                .click();
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> !d.findElements(By.cssSelector("#versions tr")).isEmpty());
        List<WebElement> rows = driver.findElements(By.cssSelector("#versions tr"));
        assertThat(rows).hasSize(2); // header and version 1
    }

    @Test
    void thePageIsServedWithAStrictContentSecurityPolicy() {
        String csp = given().get("/review/index.html")
                .then()
                .statusCode(200)
                .extract()
                .header("Content-Security-Policy");
        assertThat(csp)
                .contains("script-src 'self'")
                .contains("default-src 'none'")
                .doesNotContain("unsafe-inline");
        String html = given().get("/review/index.html").asString();
        assertThat(html)
                .doesNotContainPattern("<script[^>]*>[^<]")
                .doesNotContainPattern("\\son[a-z]+\\s*=")
                .contains("<script src=\"app.js\"");
    }
}

package org.rewriteradar.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rewriteradar.SharedData;
import org.rewriteradar.kafka.InJvmKafkaResource;
import org.rewriteradar.streams.JsonSerdes;

/**
 * Hostile article text in the review page: titles, sources, urls and bodies carrying script tags,
 * event-handler attributes, {@code javascript:} and {@code data:} URLs and broken markup are published as a
 * verbatim-copy pair; the feed, the side-by-side view and the versions view show them as text, and nothing
 * the payloads would run has run (the global flag they set stays unset, no element of theirs exists).
 */
@QuarkusTest
@WithTestResource(InJvmKafkaResource.class)
@WithTestResource(TestCredentialsResource.class)
class HostileTextBrowserIT {

    static final String TITLE_1 = "<script>window.__xss='title-script'</script>Orig </div><b>";
    static final String SOURCE_1 = "<img src=x onerror=\"window.__xss='source-img'\">";
    static final String URL_1 = "javascript:window.__xss='url-js'";
    static final String TITLE_2 =
            "\"><svg onload=\"window.__xss='title-svg'\"></svg>Copy <a href=\"javascript:window.__xss=1\">x</a>";
    static final String URL_2 = "data:text/html,<script>window.__xss='url-data'</script>";
    static final String BODY_TAIL = "\n\n<iframe src=\"javascript:window.__xss='body-iframe'\"></iframe>"
            + "<p onmouseover=\"window.__xss='body-p'\">plain &lt;b&gt; text</p><scr<script>ipt>window.__xss='nested'</script>";

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
    void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    private static String hostile(String id, String title, String source, String url, String publishedAt)
            throws Exception {
        ObjectNode seed = (ObjectNode) JsonSerdes.MAPPER.readTree(SharedData.seedOriginalJson());
        seed.put("id", id);
        seed.put("title", title);
        seed.put("source", source);
        seed.put("url", url);
        seed.put("publishedAt", publishedAt);
        seed.put("body", seed.get("body").asText() + BODY_TAIL);
        return JsonSerdes.MAPPER.writeValueAsString(seed);
    }

    @Test
    void hostileTextShowsAsTextAndNothingRuns() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String original = "xss-orig-" + tag;
        String copy = "xss-copy-" + tag;
        ReviewPageBrowserIT.signIn(driver, base);
        ReviewPageBrowserIT.publish(
                hostile(original, TITLE_1, SOURCE_1, URL_1, "2024-03-01T10:00:00Z"),
                hostile(copy, TITLE_2, "Copy <i>Desk</i>", URL_2, "2024-03-02T10:00:00Z"));

        WebElement item = new WebDriverWait(driver, Duration.ofSeconds(120))
                .until(d -> d.findElements(By.cssSelector("#feed li")).stream()
                        .filter(li -> li.getText().contains("Copy <a href="))
                        .findFirst()
                        .orElse(null));
        assertThat(item.getText()).contains(TITLE_2).contains(TITLE_1.trim()).contains(SOURCE_1);
        assertNothingRan();

        item.findElement(By.tagName("a")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> !d.findElements(By.cssSelector("[data-side=candidate] mark"))
                        .isEmpty());
        String detail = driver.findElement(By.id("detail")).getText();
        assertThat(detail).contains(TITLE_2).contains(TITLE_1.trim()).contains(SOURCE_1);
        assertNothingRan();
        Browser.screenshot(driver, "review-hostile-alert");

        driver.findElement(By.cssSelector("[data-side=original] a[href^='#/article/']"))
                .click();
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> !d.findElements(By.cssSelector("#versions tr")).isEmpty());
        assertThat(driver.findElement(By.id("detail")).getText()).contains(TITLE_1.trim());
        assertNothingRan();
    }

    private void assertNothingRan() {
        Object flag = driver.executeScript("return typeof window.__xss === 'undefined' ? null : String(window.__xss);");
        assertThat(flag).as("a payload ran").isNull();
        Long injected = (Long) driver.executeScript(
                "return document.querySelectorAll('img, svg, iframe, b, i, p[onmouseover], [onerror], [onload],"
                        + " [onmouseover], script:not([src=\"app.js\"])').length;");
        assertThat(injected).as("elements made from article text").isZero();
        Long badLinks = (Long) driver.executeScript("return Array.from(document.querySelectorAll('a[href]'))"
                + ".filter(a => !/^(https?:|#\\/)/.test(a.getAttribute('href'))).length;");
        assertThat(badLinks)
                .as("links that are neither http(s) nor this page's routes")
                .isZero();
    }
}

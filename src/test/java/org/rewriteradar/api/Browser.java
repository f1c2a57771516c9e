package org.rewriteradar.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rewriteradar.SharedData;

/**
 * Headless Chromium for the page tests: Debian's {@code chromium} and {@code chromedriver}, both set
 * explicitly so that Selenium downloads nothing. Without them the tests skip, except on CI (they fail).
 */
final class Browser {

    static final Path CHROMIUM = Path.of(System.getProperty("radar.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("radar.chromedriver", "/usr/bin/chromedriver"));

    private Browser() {}

    static ChromeDriver start() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            String message =
                    CHROMIUM + " or " + CHROMEDRIVER + " is missing (apt-get install chromium chromium-driver)";
            if (SharedData.required()) {
                throw new AssertionError(message);
            }
            Assumptions.abort(message);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return driver;
    }

    /** Waits for the feed to show an alert of {@code kind} (up to 2 minutes) and returns its list item. */
    static WebElement feedItem(ChromeDriver driver, String kind) {
        return new WebDriverWait(driver, Duration.ofSeconds(120))
                .until(d -> d.findElements(By.cssSelector("#feed li")).stream()
                        .filter(li -> li.getText().contains(kind))
                        .findFirst()
                        .orElse(null));
    }

    /**
     * Waits for the side-by-side view to mark {@code text} as a quote on the candidate's side (up to 30 s) and
     * returns that mark.
     */
    static WebElement candidateQuote(ChromeDriver driver, String text) {
        return new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> d.findElements(By.cssSelector("[data-side=candidate] mark.quote")).stream()
                        .filter(m -> m.getText().contains(text))
                        .findFirst()
                        .orElse(null));
    }

    /** Keeps a screenshot under target/. */
    static Path screenshot(ChromeDriver driver, String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "browser"));
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

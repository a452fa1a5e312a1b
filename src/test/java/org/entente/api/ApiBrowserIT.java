package org.entente.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.entente.TestLib;
import org.entente.load.StoreLib;
import org.entente.server.EntenteServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Swagger UI at {@code /api/} in a real headless Chromium (Debian's chromium and chromium-driver), under
 * the page's Content-Security-Policy: open a query, try it out with a date, execute, and read the
 * answer. Screenshots go to {@code target/screenshots/}.
 */
class ApiBrowserIT {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";

    @TempDir
    static Path tmp;

    static DatasetGraph dsg;
    static FusekiServer server;
    static WebDriver browser;
    static final Path SHOTS = TestLib.home().resolve("target/screenshots");

    @BeforeAll
    static void start() throws Exception {
        if (!(new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute())) {
            String why = "Chromium is not installed (apt-get install -y chromium chromium-driver; .ci/run does this)";
            // On CI a missing browser is a broken build, not a reason to skip what only a browser can prove.
            if ("true".equals(System.getenv("CI")))
                throw new AssertionError(why);
            Assumptions.abort(why + ": browser tests skipped");
        }
        dsg = TestLib.seededStore(tmp.resolve("store"));
        server = EntenteServer.create().dataset(dsg).port(0).queries(TestLib.home().resolve("queries")).build().start();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                             "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                             "--window-size=1200,1800", "--lang=en-US", "--user-data-dir=" + tmp.resolve("chrome-profile"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null)
            browser.quit();
        if (server != null)
            server.stop();
        if (dsg != null)
            StoreLib.close(dsg);
    }

    static void shot(String name) throws Exception {
        Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void swaggerUiRunsOfficeHoldersOnADateAndShowsXiJinping() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get("http://localhost:" + server.getHttpPort() + "/api/");
        WebElement op = wait.until(d -> d.findElements(By.id("operations-queries-office-holders-on-date")).stream().findFirst().orElse(null));
        shot("api-1-swagger-ui");
        op.findElement(By.cssSelector(".opblock-summary-control")).click();
        WebElement tryIt = wait.until(d -> op.findElements(By.cssSelector("button.try-out__btn")).stream().findFirst().orElse(null));
        tryIt.click();
        WebElement date = wait.until(d -> op.findElements(By.cssSelector("tr[data-param-name='date'] input")).stream().findFirst().orElse(null));
        date.clear();
        date.sendKeys("2025-09-03");
        op.findElement(By.cssSelector("button.execute")).click();
        WebElement body = wait.until(d -> op.findElements(By.cssSelector(".responses-wrapper .live-responses-table .response-col_description pre"))
                                           .stream().filter(e -> !e.getText().isBlank()).findFirst().orElse(null));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", body);
        shot("api-2-executed");
        assertTrue(body.getText().contains("Xi Jinping"), body.getText());
        assertTrue(body.getText().contains("China"), body.getText());
        WebElement url = op.findElement(By.cssSelector(".request-url pre"));
        assertTrue(url.getText().contains("/api/office-holders-on-date?date=2025-09-03"), url.getText());
        String status = op.findElement(By.cssSelector(".live-responses-table .response .response-col_status")).getText().strip();
        assertEquals("200", status);
        List<LogEntry> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                                           .filter(e -> e.getMessage().contains("Content Security Policy")).toList();
        assertEquals(List.of(), violations.stream().map(LogEntry::getMessage).toList(), "Swagger UI runs under the page's CSP");
    }
}

package org.entente.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.entente.BrowserSession;
import org.entente.TestBrowser;
import org.entente.TestLib;
import org.entente.server.EntenteServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Swagger UI at {@code /api/} in a real headless Chromium (Debian's chromium and chromium-driver), under
 * the page's Content-Security-Policy: open a query, try it out with a date, execute, and read the
 * answer. Screenshots go to {@code target/screenshots/}.
 */
class ApiBrowserIT {

    @TempDir
    static Path tmp;

    static WebDriver browser;
    static BrowserSession session;

    @BeforeAll
    static void start() throws Exception {
        DatasetGraph dsg = TestLib.seededStore(tmp.resolve("store"));
        session = BrowserSession.start(tmp, dsg, EntenteServer.create().dataset(dsg).port(0).queries(TestLib.home().resolve("queries")), 1800);
        browser = session.browser();
    }

    @AfterAll
    static void stop() {
        if (session != null)
            session.close();
    }

    static void shot(String name) throws Exception {
        TestBrowser.shot(browser, name);
    }

    @Test
    void swaggerUiRunsOfficeHoldersOnADateAndShowsXiJinping() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(session.url("/api/"));
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

package org.entente.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person's walk through the pages, in a real headless Chromium (Debian's chromium and
 * chromium-driver): start page, search, a person, the parade, participants by status with their
 * sources, and the same page in Korean. Screenshots go to {@code target/screenshots/}.
 */
class BrowserIT {

    @TempDir
    static Path tmp;

    static WebDriver browser;
    static BrowserSession session;

    @BeforeAll
    static void start() throws Exception {
        DatasetGraph dsg = TestLib.seededStore(tmp.resolve("store"));
        session = BrowserSession.start(tmp, dsg, EntenteServer.create().dataset(dsg).port(0), 1600);
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

    /** Waits until the editor has pinged its server and filled in the endpoint, then returns the endpoint. */
    static String editorReady() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> !d.findElement(By.id("sparql-endpoint")).getDomProperty("value").isEmpty());
        wait.until(d -> statusTitle().startsWith("Last ping returned OK"));
        wait.until(d -> !d.findElements(By.cssSelector(".CodeMirror")).isEmpty() && !d.findElements(By.cssSelector(".yasqe_queryButton")).isEmpty());
        return browser.findElement(By.id("sparql-endpoint")).getDomProperty("value");
    }

    static String statusTitle() {
        List<WebElement> status = browser.findElements(By.xpath("//*[@id='status-icon']/ancestor::a[1]"));
        if (status.isEmpty())
            return "";
        String title = status.get(0).getAttribute("title");
        String original = status.get(0).getAttribute("data-bs-original-title");
        return title != null && !title.isEmpty() ? title : original == null ? "" : original;
    }

    /** Runs the editor's query and waits for the answer to show. */
    static WebElement runQuery() {
        browser.findElement(By.cssSelector(".yasqe_queryButton")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        return wait.until(d -> {
            WebElement results = d.findElement(By.cssSelector(".yasr_results"));
            return results.getText().isBlank() ? null : results;
        });
    }

    @Test
    void theSparqlEditorFromTheStartPageRunsAQueryAndShowsRows() throws Exception {
        browser.get(session.url("/"));
        browser.findElement(By.cssSelector("a.button[href*='dataset/kg/query']")).click();
        String endpoint = editorReady();
        assertTrue(endpoint.endsWith("/kg/sparql") || endpoint.endsWith("/kg/query") || endpoint.endsWith("/kg"), endpoint);
        assertTrue(browser.getCurrentUrl().contains("/ui/"), browser.getCurrentUrl());
        runQuery();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        List<WebElement> rows = wait.until(d -> {
            List<WebElement> r = d.findElements(By.cssSelector(".yasr_results table tbody tr"));
            return r.isEmpty() ? null : r;
        });
        assertTrue(rows.size() > 1, "result rows: " + rows.size());
        assertTrue(rows.get(0).findElements(By.tagName("td")).size() >= 3, rows.get(0).getText());
        shot("6-editor-query");
    }

    @Test
    void queryThisInSparqlOpensTheEditorWithTheDescribeAndItsTriples() throws Exception {
        browser.get(session.url("/page/person/kim-jong-un"));
        WebElement link = browser.findElement(By.xpath("//a[contains(@href, 'dataset/kg/query?query=')]"));
        link.click();
        editorReady();
        String query = (String) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
            "return document.querySelector('.CodeMirror').CodeMirror.getValue();");
        assertTrue(query.contains("DESCRIBE") && query.contains("kim-jong-un"), query);
        WebElement results = runQuery();
        String text = results.getText();
        assertTrue(text.contains("Kim Jong Un") || text.contains("kim-jong-un"), text);
        assertTrue(text.contains("Q56226") || text.contains("김정은"), "the DESCRIBE's triples, not an error: " + text);
        shot("7-editor-describe");
    }

    @Test
    void fromTheStartPageToThePartiesOfTheParadeAndInKorean() throws Exception {
        browser.get(session.url("/"));
        assertEquals("Entente · Entente", browser.getTitle());
        assertFalse(browser.findElements(By.cssSelector("#classes tr")).isEmpty(), "the start page lists classes");
        shot("1-start");

        WebElement box = browser.findElement(By.id("q"));
        box.sendKeys("Kim");
        box.submit();
        shot("2-search");
        browser.findElement(By.cssSelector("ol.results a[href='/page/person/kim-jong-un']")).click();
        assertEquals("Kim Jong Un", browser.findElement(By.id("title")).getText());
        shot("3-kim-jong-un");

        browser.findElement(By.cssSelector("#statements a[href='/page/event/2025-09-03-victory-day-parade']")).click();
        assertEquals("Victory Day parade 2025", browser.findElement(By.id("title")).getText());
        List<WebElement> groups = browser.findElements(By.cssSelector("#participants .status-group"));
        List<String> statuses = groups.stream().map(g -> g.getAttribute("data-status")).toList();
        assertTrue(statuses.containsAll(List.of("announced", "confirmed", "invited", "not expected")), statuses.toString());
        WebElement confirmed = browser.findElement(By.cssSelector("#participants .status-group[data-status='confirmed']"));
        assertTrue(confirmed.getText().contains("Kim Jong Un"), confirmed.getText());
        assertTrue(confirmed.getText().contains("per Ministry of Foreign Affairs of China"), confirmed.getText());
        for (WebElement li : browser.findElements(By.cssSelector("#participants li")))
            assertFalse(li.findElements(By.cssSelector("a.source")).isEmpty(), "every participant shows its source: " + li.getText());
        shot("4-parade");

        browser.findElement(By.cssSelector(".langs a[hreflang='ko']")).click();
        assertEquals("2025년 중국 전승절 열병식", browser.findElement(By.id("title")).getText());
        WebElement confirmedKo = browser.findElement(By.cssSelector("#participants .status-group[data-status='confirmed']"));
        assertTrue(confirmedKo.getText().contains("김정은"), confirmedKo.getText());
        shot("5-parade-korean");
    }
}

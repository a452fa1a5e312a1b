package org.entente.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.entente.BrowserSession;
import org.entente.TestBrowser;
import org.entente.TestLib;
import org.entente.gdelt.CameoScheme;
import org.entente.gdelt.GdeltImporter;
import org.entente.server.EntenteServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A reader's walk through imported GDELT events in a real headless Chromium: the page of a pair of
 * states, its chart, from it a coded event's page with its CAMEO type in words, sides, place, scores
 * and article, and the state it links to. Screenshots go to {@code target/screenshots/}.
 */
class GdeltBrowserIT {

    @TempDir
    static Path tmp;

    static WebDriver browser;
    static BrowserSession session;

    @BeforeAll
    static void start() throws Exception {
        DatasetGraph dsg = TestLib.worldStore(tmp.resolve("store"));
        GdeltImporter.create().dataset(dsg).build()
                     .importFiles(List.of(TestLib.home().resolve("src/test/resources/gdelt/20250301.export.CSV")));
        session = BrowserSession.start(tmp, dsg, EntenteServer.create().dataset(dsg).port(0), 1600);
        browser = session.browser();
    }

    @AfterAll
    static void stop() {
        if (session != null)
            session.close();
    }

    @Test
    void fromThePairPageToACodedEventAndOnToItsState() throws Exception {
        browser.get(session.url("/page/dyad/chn/usa?lang=en"));
        assertFalse(browser.findElements(By.cssSelector("svg rect.count")).isEmpty(), "the chart, drawn without script");
        TestBrowser.shot(browser, "gdelt-1-pair");

        browser.findElement(By.cssSelector("a[href='/page/event/gdelt-1001']")).click();
        WebElement coded = browser.findElement(By.id("coded-event"));
        String text = coded.getText();
        assertTrue(coded.isDisplayed());
        assertTrue(text.contains(CameoScheme.label("042") + " (042)"), text);
        assertTrue(text.contains(CameoScheme.label("04") + " (04)"), text);
        assertTrue(text.contains("Beijing, Beijing, China") && text.contains("39.9289, 116.388"), text);
        assertTrue(text.contains("Coded by a machine") && text.contains("reported (machine-coded, not confirmed)"), text);
        WebElement source = coded.findElement(By.cssSelector("a.source"));
        assertEquals("https://news.example.org/world/visit-beijing", source.getAttribute("href"));
        assertEquals("external noopener", source.getAttribute("rel"));
        TestBrowser.shot(browser, "gdelt-2-event");

        coded.findElement(By.cssSelector("dd.actor a[href='/page/state/chn']")).click();
        assertEquals("China", browser.findElement(By.id("title")).getText());
    }
}

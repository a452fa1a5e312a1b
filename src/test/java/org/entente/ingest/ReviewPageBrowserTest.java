package org.entente.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.entente.TestBrowser;
import org.entente.TestLib;
import org.entente.ingest.draft.DraftWriter;
import org.entente.ingest.link.Gazetteer;
import org.entente.load.StoreLib;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The review page in a real headless Chromium: a row per statement with the sentence, the quote and
 * mentions highlighted, the linked thing or "new", the alternatives, confidence and certainty; markup
 * in the article shown as text, never run. And NIF offsets in code points on text with characters
 * outside the Basic Multilingual Plane.
 */
class ReviewPageBrowserTest {
    /** Hostile markup, an emoji (two Java chars, one code point) before the mentions, a new person. */
    static final String TEXT = """
        <script>window.hacked = 1</script> \uD83D\uDE00 China’s foreign ministry confirmed that Kim Jong Un will attend the parade in Beijing next week.
        President Lee Jae Myung has been invited <img src=x onerror="window.hacked = 2">, officials said.
        Former president Moon Jae-in met Kim Jong Un in 2018.
        """;

    @TempDir
    static Path dir;
    static Draft draft;
    static WebDriver browser;

    @BeforeAll
    static void ingest() throws Exception {
        DatasetGraph store = TestLib.seededStore(dir.resolve("store"));
        Gazetteer g;
        try {
            g = Gazetteer.of(store);
        } finally {
            StoreLib.close(store);
        }
        draft = Ingester.create().gazetteer(g).published(LocalDate.of(2025, 8, 28)).build().ingest("hostile", TEXT, null);
    }

    @AfterAll
    static void stop() {
        if (browser != null)
            browser.quit();
    }

    @Test
    void offsetsAreCodePointsAndQuotesAreTheTextThere() {
        Node anchor = NodeFactory.createURI(DraftWriter.NIF + "anchorOf");
        List<Quad> anchors = draft.quads().stream(Node.ANY, Node.ANY, anchor, Node.ANY).toList();
        assertFalse(anchors.isEmpty());
        int[] cps = TEXT.codePoints().toArray();
        for (Quad q : anchors) {
            String iri = q.getSubject().getURI();
            String[] be = iri.substring(iri.indexOf("#char=") + 6).split(",");
            int b = Integer.parseInt(be[0]), e = Integer.parseInt(be[1]);
            assertEquals(new String(cps, b, e - b), q.getObject().getLiteralLexicalForm(), "the words at code points " + b + "-" + e);
        }
        // "Kim Jong Un" starts after the emoji: its code point offset is one less than its Java offset.
        int javaOffset = TEXT.indexOf("Kim Jong Un");
        assertTrue(anchors.stream().anyMatch(q -> q.getSubject().getURI().endsWith("#char=" + (javaOffset - 1) + "," + (javaOffset - 1 + 11))));
    }

    @Test
    void reviewPageShowsEachStatementAndRunsNothingFromTheArticle() throws Exception {
        Path page = dir.resolve("hostile.review.html");
        Files.writeString(page, draft.reviewHtml(), StandardCharsets.UTF_8);
        browser = TestBrowser.start(dir.resolve("chrome"), 1400);
        browser.get(page.toUri().toString());
        TestBrowser.shot(browser, "ingest-review-page");

        List<WebElement> rows = browser.findElements(By.cssSelector("tr.statement"));
        assertTrue(rows.size() >= 3, "a row per statement: " + rows.size());
        WebElement kim = rows.stream().filter(r -> r.getText().contains("Kim Jong Un") && r.getText().contains("confirmed")).findFirst().orElseThrow();
        assertTrue(kim.findElements(By.cssSelector("mark.quote")).size() >= 1, "the quote is highlighted");
        assertTrue(kim.findElements(By.cssSelector("mark.mention")).stream().anyMatch(m -> m.getText().equals("Kim Jong Un")), "the mention is highlighted");
        assertTrue(kim.findElements(By.cssSelector("a[href='https://w3id.org/entente/id/person/kim-jong-un']")).size() >= 1, "the linked thing");
        assertTrue(kim.findElement(By.cssSelector("td.confidence")).getText().matches("0\\.[0-9]{2}|1\\.00"), "a confidence");
        assertEquals("officially-confirmed", kim.findElement(By.cssSelector("td.certainty")).getText());
        WebElement moon = rows.stream().filter(r -> r.getText().contains("Moon Jae-in")).findFirst().orElseThrow();
        assertTrue(moon.findElements(By.cssSelector(".new")).size() >= 1, "a proposed new thing says new");
        assertTrue(browser.findElements(By.tagName("td")).stream().anyMatch(td -> td.getText().contains("(") || td.getText().contains("\u2014")),
                   "the alternatives column is there");

        Object hacked = ((JavascriptExecutor) browser).executeScript("return window.hacked === undefined ? null : window.hacked;");
        assertEquals(null, hacked, "no script of the article ran");
        assertEquals(0, browser.findElements(By.tagName("img")).size(), "markup in the article is text");
        assertEquals(0, browser.findElements(By.tagName("script")).size());
        assertTrue(browser.findElement(By.tagName("body")).getText().contains("onerror"), "hostile markup is shown as text");
    }
}

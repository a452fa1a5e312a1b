package org.entente.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.entente.TestLib;
import org.entente.gdelt.GdeltImporter;
import org.entente.load.StoreLib;
import org.entente.server.EntenteServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page of a pair of territories over imported GDELT events: chart, figures, kinds, most reported, with sources. */
class DyadPageTest {

    @TempDir
    static Path tmp;

    static DatasetGraph dsg;
    static FusekiServer server;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        dsg = TestLib.worldStore(tmp.resolve("store"));
        GdeltImporter.create().dataset(dsg).build()
                     .importFiles(List.of(TestLib.home().resolve("src/test/resources/gdelt/20250301.export.CSV")));
        server = EntenteServer.create().dataset(dsg).port(0).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
        StoreLib.close(dsg);
    }

    static HttpResponse<String> get(String path) throws Exception {
        return BrowseHelper.getHtml(server, path);
    }

    @Test
    void thePairPageDrawsItsMonthsAndListsWhatHappenedWithSources() throws Exception {
        HttpResponse<String> r = get("/page/dyad/chn/usa?lang=en");
        assertEquals(200, r.statusCode());
        String html = r.body();
        assertTrue(html.contains("<a href=\"/page/state/chn\">China</a> – <a href=\"/page/state/usa\">United States</a>"), html);
        assertTrue(html.contains("<svg") && html.contains("<title id=\"chart-title\">"), "a chart drawn by the server");
        assertEquals(2, html.split("class=\"count\"", -1).length - 1, "one column a month: March and April 2025");
        assertTrue(html.contains("<td>2025-03</td><td>2</td>") && html.contains("<td>2025-04</td><td>1</td>"), "the figures as a table");
        assertTrue(html.contains("href=\"/page/event/gdelt-1001\""), "the events link to their pages");
        assertTrue(html.contains("class=\"source\""), "and to the articles they were coded from");
        assertTrue(html.contains("machine"), "the page says the events are machine-coded");
        assertFalse(html.contains("<script"), "no script");
        String reversed = get("/page/dyad/usa/chn?lang=en").body();
        assertTrue(reversed.contains("<td>2025-03</td><td>2</td>"), "either way round, the same pair");
    }

    @Test
    void aPairWithNoEventsSaysSoAndUnknownPairsAre404() throws Exception {
        String none = get("/page/dyad/fra/vnm?lang=ko").body();
        assertTrue(none.contains("코딩된 뉴스 사건이 없습니다"), "in the reader's language");
        assertFalse(none.contains("<svg"));
        assertEquals(404, get("/page/dyad/chn/zzz").statusCode());
        assertEquals(404, get("/page/dyad/chn/chn").statusCode());
        assertEquals(404, get("/page/dyad/chn/../usa").statusCode());
    }

    @Test
    void stateAndTiePagesLinkToThePairPages() throws Exception {
        String prk = get("/page/state/prk?lang=en").body();
        assertTrue(prk.contains("id=\"pairs\"") && prk.contains("href=\"/page/dyad/chn/prk\""), "North Korea's ties lead to its pairs");
        String chn = get("/page/state/chn?lang=en").body();
        assertTrue(chn.contains("href=\"/page/dyad/chn/prk\">China – North Korea</a>"), chn.substring(0, Math.min(chn.length(), 400)));
        assertEquals(200, get("/page/dyad/chn/prk").statusCode(), "and the link works");
    }

    @Test
    void aRepeatedRequestIsNotModified() throws Exception {
        HttpResponse<String> first = get("/page/dyad/chn/usa");
        String tag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create(server.serverURL() + "page/dyad/chn/usa"))
                                                          .header("Accept", "text/html").header("If-None-Match", tag).build(),
                                               HttpResponse.BodyHandlers.ofString());
        assertEquals(304, again.statusCode());
    }

    @Test
    void aCodedEventPageShowsItsCodesSidesPlaceScoresAndSourceAndSaysItIsMachineCoded() throws Exception {
        HttpResponse<String> r = get("/page/event/gdelt-1002?lang=en");
        assertEquals(200, r.statusCode());
        String html = r.body();
        assertTrue(html.contains("id=\"coded-event\""), "the coded event's own section");
        assertTrue(html.contains(org.entente.gdelt.CameoScheme.label("111") + " (111)"), "the CAMEO type in words, with its code");
        assertTrue(html.contains(org.entente.gdelt.CameoScheme.label("11") + " (11)"), "and its root code");
        assertTrue(html.contains("<code>USAGOV</code>") && html.contains("<span class=\"types\">GOV</span>"), "the actor as coded");
        assertTrue(html.contains("href=\"/page/state/usa\"") && html.contains("href=\"/page/state/rus\""), "linked to the states");
        assertTrue(html.contains("Moscow, Moskva, Russia") && html.contains("55.7522, 37.6156"), "the place with its coordinates");
        assertTrue(html.contains("<dd class=\"goldstein\">-2.0</dd>") && html.contains("<dd class=\"tone\">-4.5</dd>"), "the scores");
        assertTrue(html.contains("<dd class=\"coverage\">4 / 2 / 4</dd>"), "mentions, sources, articles");
        assertTrue(html.contains("href=\"https://news.example.org/world/criticism\""), "the source link");
        assertTrue(html.contains("reported (machine-coded, not confirmed)") && !html.contains(">confirmed<"), "reported, never confirmed");
        String ko = get("/page/event/gdelt-1002?lang=ko").body();
        assertTrue(ko.contains("기계 코딩 뉴스 사건"), "in the reader's language");
        assertFalse(get("/page/state/usa?lang=en").body().contains("id=\"coded-event\""), "only on coded events");
    }

    /** The pair's figures are kept per store generation: a new import shows on the next request. */
    @Test
    void thePairPageChangesAfterAnotherImport() throws Exception {
        String before = get("/page/dyad/rus/usa?lang=en").body();
        assertTrue(before.contains("<td>2025-03</td><td>1</td>"), "one event in March");
        assertFalse(before.contains("<td>2025-06</td>"));
        assertTrue(get("/page/dyad/rus/usa?lang=en").body().contains("<td>2025-03</td><td>1</td>"), "the same from the cache");
        java.nio.file.Path file = tmp.resolve("20250615.export.CSV");
        String row = java.nio.file.Files.readAllLines(TestLib.home().resolve("src/test/resources/gdelt/20250301.export.CSV")).get(1)
                                        .replace("1002\t20250301\t202503", "9002\t20250615\t202506");
        java.nio.file.Files.writeString(file, row + "\n");
        GdeltImporter.create().dataset(dsg).build().importFiles(List.of(file));
        String after = get("/page/dyad/rus/usa?lang=en").body();
        assertTrue(after.contains("<td>2025-06</td><td>1</td>"), "the new month after the import");
        assertTrue(after.contains("<td>2025-03</td><td>1</td>"));
    }
}

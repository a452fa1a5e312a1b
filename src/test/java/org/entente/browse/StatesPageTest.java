package org.entente.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.entente.TestLib;
import org.entente.load.StoreLib;
import org.entente.server.EntenteServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The world in the pages: the states index by region in the reader's language, state pages, search by name and code. */
class StatesPageTest {

    @TempDir
    static Path tmp;

    static DatasetGraph dsg;
    static FusekiServer server;

    @BeforeAll
    static void start() {
        dsg = TestLib.worldStore(tmp.resolve("store"));
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

    static int count(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        int n = 0;
        while (m.find())
            n++;
        return n;
    }

    @Test
    void theIndexListsEveryTerritoryByRegionWithTheUnMembersMarked() throws Exception {
        HttpResponse<String> r = get("/states?lang=en");
        assertEquals(200, r.statusCode());
        String html = r.body();
        assertTrue(count(html, "<li data-code=") >= 249, "every territory");
        assertEquals(193, count(html, "class=\"un\""), "the UN members, marked");
        assertTrue(html.contains(">Asia</a></h2>") && html.contains(">Eastern Asia</a></h3>"), "grouped by region and sub-region");
        int asia = html.indexOf(">Eastern Asia</a></h3>");
        int prk = html.indexOf("href=\"/page/state/prk\"");
        int vnm = html.indexOf("href=\"/page/state/vnm\"");
        assertTrue(asia > 0 && prk > asia, "North Korea under Eastern Asia");
        assertTrue(vnm > 0, "Viet Nam listed");
        assertTrue(html.contains("<a href=\"/states\">States</a>"), "every page links to the index");
    }

    @Test
    void inKoreanTheIndexAndVietnamsPageSpeakKorean() throws Exception {
        String index = get("/states?lang=ko").body();
        assertTrue(index.contains("<html lang=\"ko\">"));
        assertTrue(index.contains(">아시아</a></h2>"), "regions in Korean");
        assertTrue(index.contains(">베트남</a>"), "Viet Nam in Korean");
        String page = get("/page/state/vnm?lang=ko").body();
        assertTrue(page.contains("베트남"), "the Korean page of Vietnam says 베트남");
        assertTrue(page.contains("VNM") && page.contains("VN") && page.contains("704"), "its codes");
    }

    @Test
    void aStatePageShowsItsCodesLeadersAndMembershipsEachWithItsSource() throws Exception {
        String cn = get("/page/state/chn?lang=en").body();
        assertTrue(cn.contains("CHN") && cn.contains("156"), "codes");
        int xi = cn.indexOf("Xi Jinping");
        assertTrue(xi > 0 && cn.indexOf("(in office)", xi) > 0, "the current leader with the tenure's start");
        assertTrue(cn.contains("member</a> of <a href=\"/page/organization/un\">United Nations</a>"), "membership, read as a sentence");
        assertTrue(cn.contains("href=\"/page/source/cldr\""), "each with its source");
        String ps = get("/page/state/pse?lang=en").body();
        assertTrue(ps.contains("observer</a> of") && ps.contains("2012-11-29"), "an observer state, with its date");
        assertTrue(ps.contains("disputed"), "a disputed status is said, not decided by a class");
    }

    @Test
    void searchFindsAStateByAnyNameInAnyLanguageAndByItsCodes() throws Exception {
        BrowseHelper.awaitSearch(server);
        for (String q : new String[] { "PRK", "KP", "북한", "Corée du Nord", "Nordkorea", "كوريا الشمالية" }) {
            String html = get("/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).body();
            assertTrue(html.contains("href=\"/page/state/prk\""), q + " finds North Korea");
        }
        assertTrue(get("/search?q=VNM").body().contains("href=\"/page/state/vnm\""));
    }
}

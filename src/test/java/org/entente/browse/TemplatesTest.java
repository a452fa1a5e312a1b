package org.entente.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import com.github.mustachejava.DefaultMustacheFactory;

import org.entente.browse.view.Link;
import org.entente.browse.view.Neighbourhood;
import org.entente.browse.view.PageView;
import org.entente.browse.view.PageWords;
import org.entente.browse.view.Pager;
import org.entente.browse.view.Part;
import org.entente.browse.view.PropertyRow;
import org.entente.browse.view.PropertyValue;
import org.entente.browse.view.SearchResult;
import org.entente.browse.view.SearchView;
import org.entente.browse.view.Statement;
import org.entente.browse.view.TimelineEntry;
import org.junit.jupiter.api.Test;

/**
 * The templates over view records: mustache.java reads a record's components through their accessor
 * methods (it tries {@code name()}, then {@code getName()}, {@code isName()}, then a field), and a view
 * that has a member never lets a template look past it into the views around it.
 */
class TemplatesTest {

    static final Templates templates = new Templates();

    static PageView page(Messages m, List<Statement> statements, List<TimelineEntry> timeline, List<PropertyRow> properties) {
        return new PageView(m.frame("Outer", "/data/x.ttl", ""), m.words(PageWords.class), "Outer", "https://w3id.org/entente/id/x",
                            List.of(), List.of(), List.of(), "/sparql", List.of(), List.of(), new Pager(false, "", "", ""), statements,
                            timeline, properties, List.of(), new Neighbourhood(640, 420, 320, 210, "Outer", "Links of Outer", List.of(), List.of()), List.of(), null);
    }

    @Test
    void recordsAreReadThroughTheirAccessors() {
        Messages en = Messages.of("en");
        String html = templates.render("search", new SearchView(en.frame("Search", "", "kim"), "Search: kim", "Nothing found.",
                                                                List.of(new SearchResult(new Link("Kim Jong Un", "/page/person/kim-jong-un", false), "김정은")), ""));
        assertTrue(html.contains("<h1>Search: kim</h1>"), html);
        assertTrue(html.contains("<a href=\"/page/person/kim-jong-un\">Kim Jong Un</a> <span class=\"match\">김정은</span>"), html);
        assertTrue(html.contains("value=\"kim\""), "the frame's query in the search box");
        assertFalse(html.contains("index-behind"), "no note while the index is current");
        String behind = templates.render("search", new SearchView(en.frame("Search", "", "kim"), "Search: kim", "Nothing found.", List.of(),
                                                                  "The index is catching up."));
        assertTrue(behind.contains("<p class=\"note\" id=\"index-behind\">The index is catching up.</p>"), behind);
        assertTrue(html.contains("placeholder=\"Search people, states, events…\""), "the frame's words");
        assertFalse(html.contains("Nothing found."), "hasResults() is a method, read like a component");
    }

    @Test
    void aNestedViewWithoutAValueNeverBorrowsTheOuterViewsValue() {
        // The statement links to its own page and names a source; its parts, a word and a thing with no
        // page, have no link of their own. Mustache looks a missing name up in the enclosing views, so a
        // part without an href member would be drawn as a link to the statement's page.
        Statement st = new Statement("Participation", List.of(Part.text("words"), Part.link(Link.plain("Unlinked thing"))),
                                     "/page/statement/outer", new Link("Outer source", "/page/source/outer", false), "", List.of(), List.of());
        TimelineEntry entry = new TimelineEntry("2025-01-02", "took office", Link.plain("Unlinked office"));
        PropertyRow row = new PropertyRow("label", "http://www.w3.org/2000/01/rdf-schema#label",
                                          List.of(new PropertyValue("A literal", "", null, Link.plain("Unlinked source"))));
        String html = templates.render("page", page(Messages.of("en"), List.of(st), List.of(entry), List.of(row)));
        String sentence = html.substring(html.indexOf("<span class=\"sentence\">"), html.indexOf("</span>", html.indexOf("<span class=\"sentence\">")));
        assertEquals("<span class=\"sentence\">wordsUnlinked thing", sentence);
        assertFalse(html.contains("/page/statement/outer"), "no part borrows the statement's link");
        assertTrue(html.contains("source: <a class=\"source\" href=\"/page/source/outer\">Outer source</a>"), "the statement's own link stays");
        assertTrue(html.contains("<time>2025-01-02</time> took office: Unlinked office</li>"), html);
        assertTrue(html.contains("<span class=\"literal\">A literal</span> <span class=\"src\">Unlinked source</span>"), html);
        assertFalse(html.contains("class=\"certainty\""), "an empty certainty shows nothing");
        assertFalse(html.contains(" · per"), "no attribution shows nothing");
    }

    @Test
    void aMapWithoutTheKeyWouldBorrowIt() {
        // Why the views are records with every member: the same lookup over maps reaches the outer map.
        var template = new DefaultMustacheFactory().compile(new StringReader(
            "{{#statements}}{{#parts}}{{#href}}<a href=\"{{href}}\">{{/href}}{{label}}{{/parts}}{{/statements}}"), "leak");
        StringWriter out = new StringWriter();
        template.execute(out, Map.of("statements", List.of(Map.of("href", "/page/statement/outer", "parts", List.of(Map.of("label", "x"))))));
        assertEquals("<a href=\"/page/statement/outer\">x", out.toString());
    }

    @Test
    void aKoreanPageHasKoreanWordsAroundItsData() {
        Statement st = new Statement("참가", List.of(Part.text("words")), "", null, "", List.of(), List.of());
        String html = templates.render("page", page(Messages.of("ko"), List.of(st), List.of(), List.of()));
        assertTrue(html.contains("<html lang=\"ko\">"));
        for (String heading : List.of("<h2>진술</h2>", "<h2>속성</h2>", "<button type=\"submit\">검색</button>", "SPARQL로 조회하기"))
            assertTrue(html.contains(heading), heading);
        for (String english : List.of("Statements", "Properties", "Query this in SPARQL", "source:", "Search"))
            assertFalse(html.contains(english), english);
    }
}

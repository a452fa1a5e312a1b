package org.entente.browse;

import java.util.Map;
import org.entente.sys.EntenteSys;
import org.entente.store.StoreGeneration;
import org.entente.store.GenerationCache;
import org.apache.jena.graph.NodeFactory;
import java.util.concurrent.ConcurrentHashMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.web.HttpSC;
import org.entente.browse.view.ErrorView;
import org.entente.browse.view.ErrorWords;
import org.entente.sys.EntenteLog;

/**
 * Linked-data browsing, as the W3C note "Cool URIs for the Semantic Web" describes (303 style):
 * <ul>
 * <li>{@code GET /id/{path}}: {@code 303 See Other} to the page or the data, by {@code Accept}
 *     (q-values) or {@code ?format=}, with {@code Vary: Accept}; {@code 406} when nothing offered fits;</li>
 * <li>{@code GET /page/{path}}: the resource's page, in the reader's language ({@code ?lang=} or
 *     {@code Accept-Language}, falling back to English);</li>
 * <li>{@code GET /data/{path}.{ttl|nt|jsonld|rdf|trig|nq}}: the resource's description; TriG and
 *     N-Quads keep the graph (source) of each statement;</li>
 * <li>{@code GET /}: the start page; {@code GET /search?q=}: label search.</li>
 * </ul>
 * Unknown resources are {@code 404}; paths that are not plain segments are {@code 400}.
 */
final class BrowseServlet extends HttpServlet {

    /** How many linked statements a page shows at a time, and the highest page number asked for. */
    static final int PAGE_SIZE = 25;
    private static final int MAX_PAGE = 1_000_000;
    private static final List<RdfFormat> ALL = List.of(RdfFormat.HTML, RdfFormat.TURTLE, RdfFormat.JSONLD, RdfFormat.NTRIPLES,
                                                       RdfFormat.RDFXML, RdfFormat.TRIG, RdfFormat.NQUADS);
    static final List<RdfFormat> DATA = ALL.subList(1, ALL.size());

    private final DatasetGraph dsg;
    private final IriScheme iris;
    private final SearchIndex search;
    private final LabelCache labelCache;
    private final Templates templates = new Templates();
    private final StoreGeneration generation;
    /** Each pair's figures, read once per store generation; dropped wholesale past a few thousand pairs. */
    private final Map<String, GenerationCache<DyadData>> dyads = new ConcurrentHashMap<>();
    private static final int MAX_DYADS = 5_000;
    private static final java.util.regex.Pattern DYAD = java.util.regex.Pattern.compile("([a-z]{2,3})/([a-z]{2,3})");

    BrowseServlet(DatasetGraph dsg, IriScheme iris, SearchIndex search, LabelCache labelCache) {
        this.generation = StoreGeneration.of(dsg);
        this.dsg = dsg;
        this.iris = iris;
        this.search = search;
        this.labelCache = labelCache;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        try {
            if (path.isEmpty() || path.equals("/"))
                start(req, resp);
            else if (path.equals("/search"))
                search(req, resp);
            else if (path.equals("/states"))
                states(req, resp);
            else if (path.startsWith("/id/"))
                id(req, resp, path.substring(4));
            else if (path.startsWith("/page/dyad/"))
                dyad(req, resp, path.substring("/page/dyad/".length()));
            else if (path.startsWith("/page/"))
                page(req, resp, path.substring(6));
            else if (path.startsWith("/data/"))
                data(req, resp, path.substring(6));
            else
                error(req, resp, HttpSC.NOT_FOUND_404, Phrase.NO_SUCH_PAGE);
        } catch (RuntimeException ex) {
            EntenteLog.serverLog.warn("Browse request {} failed", path, ex);
            if (!resp.isCommitted())
                error(req, resp, HttpSC.INTERNAL_SERVER_ERROR_500, Phrase.PAGE_FAILED);
        }
    }

    // ---- /id/

    private void id(HttpServletRequest req, HttpServletResponse resp, String local) throws IOException {
        Optional<Node> r = known(req, resp, local);
        if (r.isEmpty())
            return;
        resp.setHeader("Vary", "Accept");
        Optional<RdfFormat> chosen;
        String fmt = req.getParameter("format");
        if (fmt != null) {
            chosen = RdfFormat.byExtension(fmt);
            if (chosen.isEmpty()) {
                error(req, resp, HttpSC.BAD_REQUEST_400, Phrase.UNKNOWN_FORMAT);
                return;
            }
        } else {
            chosen = Negotiation.choose(req.getHeader("Accept"), ALL);
        }
        if (chosen.isEmpty()) {
            notAcceptable(resp, ALL);
            return;
        }
        String location = chosen.get() == RdfFormat.HTML ? "/page/" + local : "/data/" + local + "." + chosen.get().extension();
        resp.setStatus(HttpSC.SEE_OTHER_303);
        resp.setHeader("Location", location);
    }

    // ---- /page/

    private void page(HttpServletRequest req, HttpServletResponse resp, String local) throws IOException {
        Optional<Node> r = known(req, resp, local);
        if (r.isEmpty())
            return;
        List<String> langs = languages(req);
        OptionalInt page = pageNumber(req.getParameter("page"));
        if (page.isEmpty()) {
            error(req, resp, HttpSC.BAD_REQUEST_400, Phrase.BAD_PAGE_NUMBER, String.valueOf(MAX_PAGE));
            return;
        }
        int offset = (page.getAsInt() - 1) * PAGE_SIZE;
        LabelCache.Snapshot cached = labelCache.begin();
        Optional<String> html = Txn.calculateRead(dsg, () -> {
            Describer.Window window = Describer.window(dsg, r.get(), offset, PAGE_SIZE);
            if (offset > 0 && window.window().isEmpty())
                return Optional.<String>empty();
            return Optional.of(templates.render("page", new PageBuilder(dsg, iris, cached).build(r.get(), local, window, langs)));
        });
        if (html.isEmpty()) {
            error(req, resp, HttpSC.NOT_FOUND_404, Phrase.PAGE_PAST_END, String.valueOf(page.getAsInt()));
            return;
        }
        resp.setHeader("Vary", "Accept-Language");
        html(resp, HttpSC.OK_200, html.get());
    }

    /** The page number of {@code ?page=} (1 when absent); empty when it is not a number in range. */
    static OptionalInt pageNumber(String param) {
        if (param == null)
            return OptionalInt.of(1);
        if (!param.matches("[1-9][0-9]{0,6}"))
            return OptionalInt.empty();
        int n = Integer.parseInt(param);
        return n <= MAX_PAGE ? OptionalInt.of(n) : OptionalInt.empty();
    }

    // ---- /data/

    private void data(HttpServletRequest req, HttpServletResponse resp, String localWithExt) throws IOException {
        String local = localWithExt;
        Optional<RdfFormat> chosen = Optional.empty();
        int dot = localWithExt.lastIndexOf('.');
        int slash = localWithExt.lastIndexOf('/');
        if (dot > slash + 1) {
            chosen = RdfFormat.byExtension(localWithExt.substring(dot + 1)).filter(f -> f != RdfFormat.HTML);
            if (chosen.isPresent())
                local = localWithExt.substring(0, dot);
        }
        Optional<Node> r = known(req, resp, local);
        if (r.isEmpty())
            return;
        if (chosen.isEmpty()) {
            resp.setHeader("Vary", "Accept");
            chosen = Negotiation.choose(req.getHeader("Accept"), DATA);
            if (chosen.isEmpty()) {
                notAcceptable(resp, DATA);
                return;
            }
        }
        RdfFormat f = chosen.get();
        DatasetGraph description = Txn.calculateRead(dsg, () -> Describer.describe(dsg, r.get()));
        resp.setStatus(HttpSC.OK_200);
        resp.setContentType(f.mediaType() + (f == RdfFormat.RDFXML ? "" : ";charset=utf-8"));
        resp.setHeader("Content-Location", "/data/" + local + "." + f.extension());
        try (OutputStream out = resp.getOutputStream()) {
            if (f.isQuads()) {
                description.prefixes().putAll(BrowsePrefixes.MAPPING);
                RDFDataMgr.write(out, description, f.format());
            } else {
                var g = GraphFactory.createDefaultGraph();
                g.getPrefixMapping().setNsPrefixes(BrowsePrefixes.MAPPING);
                description.find().forEachRemaining(q -> g.add(q.asTriple()));
                RDFDataMgr.write(out, g, f.format());
            }
        }
    }

    // ---- start and search

    private void start(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        List<String> langs = languages(req);
        LabelCache.Snapshot cached = labelCache.begin();
        String html = Txn.calculateRead(dsg, () -> templates.render("start", StartPageBuilder.build(dsg, iris, cached, langs)));
        resp.setHeader("Vary", "Accept-Language");
        html(resp, HttpSC.OK_200, html);
    }

    /** {@code /page/dyad/{a}/{b}}: two territories by the slugs of their IRIs ({@code chn/prk}). */
    private void dyad(HttpServletRequest req, HttpServletResponse resp, String pair) throws IOException {
        java.util.regex.Matcher m = DYAD.matcher(pair);
        if (!m.matches() || m.group(1).equals(m.group(2))) {
            error(req, resp, HttpSC.NOT_FOUND_404, Phrase.NO_SUCH_PAGE);
            return;
        }
        Node a = NodeFactory.createURI(EntenteSys.ID_BASE + "state/" + m.group(1));
        Node b = NodeFactory.createURI(EntenteSys.ID_BASE + "state/" + m.group(2));
        boolean known = Txn.calculateRead(dsg, () -> dsg.contains(Node.ANY, a, Node.ANY, Node.ANY) && dsg.contains(Node.ANY, b, Node.ANY, Node.ANY));
        if (!known) {
            error(req, resp, HttpSC.NOT_FOUND_404, Phrase.NO_SUCH_PAGE);
            return;
        }
        if (dyads.size() > MAX_DYADS)
            dyads.clear();
        GenerationCache<DyadData> figures = dyads.computeIfAbsent(pair, k -> new GenerationCache<>("dyads", generation,
            () -> Txn.calculateRead(dsg, () -> DyadData.read(dsg, a, b))));
        List<String> langs = languages(req);
        LabelCache.Snapshot cached = labelCache.begin();
        DyadData data = figures.get();
        String html = Txn.calculateRead(dsg, () -> templates.render("dyad", DyadPageBuilder.build(dsg, iris, cached, langs, a, b, data)));
        resp.setHeader("Vary", "Accept-Language");
        html(resp, HttpSC.OK_200, html);
    }

    private void states(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        List<String> langs = languages(req);
        LabelCache.Snapshot cached = labelCache.begin();
        String html = Txn.calculateRead(dsg, () -> templates.render("states", StatesPageBuilder.build(dsg, iris, cached, langs)));
        resp.setHeader("Vary", "Accept-Language");
        html(resp, HttpSC.OK_200, html);
    }

    private void search(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String q = Optional.ofNullable(req.getParameter("q")).orElse("").strip();
        if (q.length() > 200)
            q = q.substring(0, 200);
        List<String> langs = languages(req);
        List<SearchIndex.Hit> hits = q.isEmpty() ? List.of() : search.search(q, 25);
        boolean current = q.isEmpty() || search.isCurrent();
        String query = q;
        LabelCache.Snapshot cached = labelCache.begin();
        String html = Txn.calculateRead(dsg, () -> templates.render("search", SearchPageBuilder.build(dsg, iris, cached, langs, query, hits, current)));
        resp.setHeader("Vary", "Accept-Language");
        html(resp, HttpSC.OK_200, html);
    }

    // ---- helpers

    /** The resource of a local path if it is safe and known; otherwise answers 400 or 404 and returns empty. */
    private Optional<Node> known(HttpServletRequest req, HttpServletResponse resp, String local) throws IOException {
        String raw = req.getRequestURI();
        if (raw.contains("%") || raw.contains("//") || raw.contains("/./") || raw.contains("/../")) {
            error(req, resp, HttpSC.BAD_REQUEST_400, Phrase.PLAIN_SEGMENTS);
            return Optional.empty();
        }
        Optional<Node> r = iris.resource(local);
        if (r.isEmpty()) {
            error(req, resp, HttpSC.BAD_REQUEST_400, Phrase.PLAIN_SEGMENTS);
            return Optional.empty();
        }
        boolean exists = Txn.calculateRead(dsg, () -> dsg.find(Node.ANY, r.get(), Node.ANY, Node.ANY).hasNext()
                                                      || dsg.find(Node.ANY, Node.ANY, Node.ANY, r.get()).hasNext());
        if (!exists) {
            error(req, resp, HttpSC.NOT_FOUND_404, Phrase.UNKNOWN_RESOURCE, r.get().getURI());
            return Optional.empty();
        }
        return r;
    }

    static List<String> languages(HttpServletRequest req) {
        String lang = req.getParameter("lang");
        if (lang != null && Messages.LANGUAGES.contains(lang)) {
            List<String> out = new ArrayList<>(List.of(lang));
            if (!lang.equals("en"))
                out.add("en");
            return out;
        }
        return Negotiation.languages(req.getHeader("Accept-Language"));
    }

    /** An error page in the reader's language: a title by status, and what went wrong. */
    private void error(HttpServletRequest req, HttpServletResponse resp, int status, Phrase message, String... values) throws IOException {
        Messages m = Messages.forReader(languages(req));
        Phrase title = status == HttpSC.NOT_FOUND_404 ? Phrase.ERROR_NOT_FOUND
            : status == HttpSC.BAD_REQUEST_400 ? Phrase.ERROR_BAD_REQUEST : Phrase.ERROR_SERVER;
        String t = m.format(title);
        resp.addHeader("Vary", "Accept-Language");
        html(resp, status, templates.render("error", new ErrorView(m.frame(t, "", ""), m.words(ErrorWords.class), status, t,
                                                                   m.format(message, values))));
    }

    /** 406, listing what is offered. */
    private static void notAcceptable(HttpServletResponse resp, List<RdfFormat> offers) throws IOException {
        resp.setContentType("text/plain;charset=utf-8");
        resp.setStatus(HttpSC.NOT_ACCEPTABLE_406);
        resp.getWriter().write("Not acceptable. Offered: " + String.join(", ", offers.stream().map(RdfFormat::mediaType).toList()) + "\n");
    }

    private static void html(HttpServletResponse resp, int status, String html) throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/html;charset=utf-8");
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        resp.setContentLength(bytes.length);
        try (OutputStream out = resp.getOutputStream()) {
            out.write(bytes);
        }
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = BrowseServlet.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

}

package org.entente.browse;

import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Linked-data browsing: dereferenceable IRIs ({@code /id/}), pages ({@code /page/}), data documents
 * ({@code /data/}), the start page ({@code /}), label search ({@code /search}) and the VoID
 * description ({@code /.well-known/void}). The Fuseki UI stays at {@code /index.html}.
 */
public final class FMod_Browse implements FusekiModule {

    private final DatasetGraph dsg;
    private final IriScheme iris;
    private final SearchIndex search;
    private final LabelCache labels = new LabelCache(LABEL_CACHE);
    /** How many resources' labels the pages keep at hand. */
    private static final int LABEL_CACHE = 50_000;

    public FMod_Browse(DatasetGraph dsg, String base) {
        this.dsg = dsg;
        this.iris = new IriScheme(base);
        this.search = new SearchIndex(dsg);
    }

    @Override
    public String name() {
        return "Entente browse";
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        BrowseServlet browse = new BrowseServlet(dsg, iris, search, labels);
        Filter headers = new SecurityHeaders();
        for (String path : new String[] { "", "/id/*", "/page/*", "/data/*", "/search" }) {
            builder.addServlet(path, browse);
            builder.addFilter(path, headers);
        }
        builder.addServlet("/.well-known/void", new VoidServlet(dsg, iris));
        builder.addServlet("/browse/static/*", new StaticServlet());
        // A write through the server may change labels: the next search rebuilds the index, and the
        // pages read labels afresh. The query endpoints only read, whatever the method.
        builder.addFilter("/kg/*", (req, resp, chain) -> {
            try {
                chain.doFilter(req, resp);
            } finally {
                HttpServletRequest request = (HttpServletRequest) req;
                String method = request.getMethod(), path = request.getRequestURI();
                boolean read = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)
                               || path.endsWith("/sparql") || path.endsWith("/query");
                if (!read) {
                    search.invalidate();
                    labels.invalidate();
                }
            }
        });
    }

    /** The search index (for tests and benchmarks). */
    public SearchIndex searchIndex() {
        return search;
    }

}

package org.entente.browse;

import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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
        BrowseServlet browse = new BrowseServlet(dsg, iris, search);
        Filter headers = new SecurityHeaders();
        for (String path : new String[] { "", "/id/*", "/page/*", "/data/*", "/search" }) {
            builder.addServlet(path, browse);
            builder.addFilter(path, headers);
        }
        builder.addServlet("/.well-known/void", new VoidServlet(dsg, iris));
        builder.addServlet("/browse/static/*", new StaticServlet());
        // A write through the server may change labels: the next search rebuilds the index.
        builder.addFilter("/kg/*", (req, resp, chain) -> {
            chain.doFilter(req, resp);
            String method = ((HttpServletRequest) req).getMethod();
            int status = ((HttpServletResponse) resp).getStatus();
            if (!"GET".equals(method) && !"HEAD".equals(method) && status < 300)
                search.invalidate();
        });
    }

    /** The search index (for tests and benchmarks). */
    public SearchIndex searchIndex() {
        return search;
    }

}

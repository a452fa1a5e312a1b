package org.entente.browse;

import java.util.Set;

import jakarta.servlet.Filter;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.entente.http.ConditionalGet;
import org.entente.http.ResponseCache;
import org.entente.store.StoreGeneration;

/**
 * Linked-data browsing: dereferenceable IRIs ({@code /id/}), pages ({@code /page/}), data documents
 * ({@code /data/}), the start page ({@code /}), label search ({@code /search}) and the VoID
 * description ({@code /.well-known/void}). The SPARQL editor is the server module's, at {@code /ui/}.
 */
public final class FMod_Browse implements FusekiModule {

    private final DatasetGraph dsg;
    private final IriScheme iris;
    private final StoreGeneration generation;
    private final SearchIndex search;
    private final LabelCache labels;
    private final ResponseCache responses;
    /** How many resources' labels the pages keep at hand. */
    private static final int LABEL_CACHE = 50_000;

    public FMod_Browse(DatasetGraph dsg, String base) {
        this(dsg, base, null);
    }

    /** Browsing whose pages and documents are kept in a response cache (none when null). */
    public FMod_Browse(DatasetGraph dsg, String base, ResponseCache responses) {
        this.dsg = dsg;
        this.responses = responses;
        this.iris = new IriScheme(base);
        this.generation = StoreGeneration.of(dsg);
        this.search = SearchIndex.of(dsg);
        this.labels = new LabelCache(LABEL_CACHE, generation);
    }

    @Override
    public String name() {
        return "Entente browse";
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        BrowseServlet browse = new BrowseServlet(dsg, iris, search, labels);
        Filter headers = new SecurityHeaders();
        for (String path : new String[] { "", "/id/*", "/page/*", "/data/*", "/search", "/states" }) {
            builder.addServlet(path, browse);
            builder.addFilter(path, headers);
        }
        // Pages, documents and the VoID description follow the store's generation; search results
        // follow the search index, which catches up on its own time, so they carry no tag.
        Filter conditional = new ConditionalGet(generation);
        for (String path : new String[] { "", "/page/*", "/data/*", "/states", "/.well-known/void" })
            builder.addFilter(path, conditional);
        // Answers of one generation are kept whole; after the conditional filter, so a 304 costs nothing here.
        if (responses != null && responses.enabled()) {
            Filter cache = responses.filter(new PageVariant());
            for (String path : new String[] { "", "/page/*", "/data/*", "/states" })
                builder.addFilter(path, cache);
        }
        builder.addServlet("/.well-known/void", new VoidServlet(dsg, generation, iris));
        builder.addServlet("/browse/static/*", new StaticServlet());
    }

    /**
     * Opens the search index as the server starts: a current one on disk is ready at once; a stale or
     * missing one starts building, so the first search waits as little as it can. An index on the heap
     * (a store in memory) is built on first use, as before.
     */
    @Override
    public void serverAfterStarting(FusekiServer server) {
        if (search.location().isPresent())
            search.openInBackground();
    }

    /** Stops the search index's builds, so that whoever closes the store next finds no transaction open. */
    @Override
    public void serverStopped(FusekiServer server) {
        search.stop();
    }

    /** The search index (for tests and benchmarks). */
    public SearchIndex searchIndex() {
        return search;
    }

}

package org.entente.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.fuseki.servlets.BaseActionREST;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.WebContent;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.web.HttpSC;
import org.entente.ingest.link.Gazetteer;
import org.entente.ingest.link.Linker;
import org.entente.store.StoreGeneration;
import org.entente.sys.EntenteException;

/**
 * {@code POST /kg/ingest}: the draft of an English news report sent as the request body (text/plain,
 * UTF-8), for users of the server's password file only. Query parameters {@code published},
 * {@code title}, {@code url}, {@code publisher} and {@code slug} as on the command line. Answers the
 * draft as TriG, or N-Quads or JSON-LD by {@code Accept}; writes nothing to the store. The gazetteer is
 * built from the store on first use and again when the store has changed.
 */
public final class FMod_Ingest implements FusekiModule {

    /** The operation of the endpoint {@code ingest} of the dataset. */
    public static final Operation INGEST = Operation.alloc("https://w3id.org/entente/ontology#ingest", "ingest", "Draft of a news report");

    private final DatasetGraph dsg;
    private final long timeoutMillis;

    /**
     * The endpoint over a store, with a time limit for each draft: a text that takes longer gets 503
     * and its work is stopped at the next step of the pipeline.
     */
    public FMod_Ingest(DatasetGraph dsg, long timeoutMillis) {
        if (timeoutMillis <= 0)
            throw new IllegalArgumentException("The ingestion time limit must be positive");
        this.dsg = dsg;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public String name() {
        return "Entente ingest";
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        // The server adds the endpoint {@code ingest} of this operation to the dataset, for any user of its password file.
        builder.registerOperation(INGEST, new IngestAction(dsg, timeoutMillis));
    }

    /** The handler: POST only. */
    static final class IngestAction extends BaseActionREST {
        /** Drafts made at once; more wait in a short queue, and past it are refused with 503. */
        private static final int WORKERS = 2, QUEUE = 8;
        private final DatasetGraph dsg;
        private final StoreGeneration generation;
        private final long timeoutMillis;
        private final ThreadPoolExecutor workers;
        private Gazetteer gazetteer;
        private long builtAt = -1;

        IngestAction(DatasetGraph dsg, long timeoutMillis) {
            this.dsg = dsg;
            this.generation = StoreGeneration.of(dsg);
            this.timeoutMillis = timeoutMillis;
            AtomicInteger n = new AtomicInteger();
            this.workers = new ThreadPoolExecutor(WORKERS, WORKERS, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
                Thread t = new Thread(r, "ingest-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            workers.allowCoreThreadTimeOut(true);
        }

        private synchronized Gazetteer gazetteer() {
            long now = generation.current();
            if (gazetteer == null || now != builtAt) {
                gazetteer = Gazetteer.of(dsg);
                builtAt = now;
            }
            return gazetteer;
        }

        @Override
        protected void doPost(HttpAction action) {
            if (action.getUser() == null) {
                action.getResponse().setHeader("WWW-Authenticate", "Basic realm=\"entente\"");
                ServletOps.error(HttpSC.UNAUTHORIZED_401, "Credentials needed");
            }
            byte[] body;
            try (InputStream in = action.getRequestInputStream()) {
                body = in.readNBytes(ArticleInput.MAX_BYTES + 1);
            } catch (IOException ex) {
                ServletOps.errorBadRequest("Cannot read the request body: " + ex.getMessage());
                return;
            }
            Lang lang = negotiate(action);
            Draft draft;
            try {
                String text = ArticleInput.text("the request body", body);
                Ingester in = Ingester.create().gazetteer(gazetteer()).published(day(action.getRequestParameter("published")))
                                      .title(action.getRequestParameter("title")).url(action.getRequestParameter("url"))
                                      .publisher(action.getRequestParameter("publisher")).build();
                String slug = action.getRequestParameter("slug");
                String name = slug == null || slug.isBlank() ? "article-" + Integer.toHexString(text.hashCode()) : Linker.slug(slug);
                draft = withinLimit(action, () -> in.ingest(name, text, null));
            } catch (EntenteException ex) {
                ServletOps.errorBadRequest(ex.getMessage());
                return;
            }
            action.setResponseStatus(HttpSC.OK_200);
            action.setResponseContentType(lang.getHeaderString());
            action.setResponseCharacterEncoding(WebContent.charsetUTF8);
            try {
                RDFDataMgr.write(action.getResponseOutputStream(), draft.quads(), lang);
            } catch (IOException ex) {
                ServletOps.errorOccurred(ex);
            }
        }

        /**
         * Runs the pipeline on a worker within the time limit. Past it, the work is cancelled (the
         * pipeline stops at its next step) and the client gets 503 with {@code Retry-After}; so does a
         * client that finds every worker busy and the queue full.
         */
        private Draft withinLimit(HttpAction action, Callable<Draft> work) {
            Future<Draft> f;
            try {
                f = workers.submit(work);
            } catch (RejectedExecutionException ex) {
                action.getResponse().setHeader("Retry-After", "5");
                ServletOps.error(HttpSC.SERVICE_UNAVAILABLE_503, "Too many articles are being read at once; try again shortly");
                return null;
            }
            try {
                return f.get(timeoutMillis, TimeUnit.MILLISECONDS);
            } catch (TimeoutException ex) {
                f.cancel(true);
                action.getResponse().setHeader("Retry-After", "5");
                ServletOps.error(HttpSC.SERVICE_UNAVAILABLE_503, "Reading the article took longer than the limit of " + timeoutMillis
                                                               + " ms; nothing was drafted (try a shorter text)");
                return null;
            } catch (InterruptedException ex) {
                f.cancel(true);
                Thread.currentThread().interrupt();
                ServletOps.error(HttpSC.SERVICE_UNAVAILABLE_503, "The server is stopping");
                return null;
            } catch (ExecutionException ex) {
                if (ex.getCause() instanceof EntenteException e)
                    throw e;
                if (ex.getCause() instanceof RuntimeException e)
                    throw e;
                throw new IllegalStateException(ex.getCause());
            }
        }

        private static LocalDate day(String s) {
            if (s == null || s.isBlank())
                return null;
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException ex) {
                throw new EntenteException("published=" + s + ": not a day as YYYY-MM-DD");
            }
        }

        private static Lang negotiate(HttpAction action) {
            String accept = action.getRequestHeader("Accept");
            if (accept == null || accept.isBlank())
                return Lang.TRIG;
            AcceptList offer = AcceptList.create(WebContent.contentTypeTriG, WebContent.contentTypeNQuads, WebContent.contentTypeJSONLD);
            MediaType mt = AcceptList.match(AcceptList.create(accept), offer);
            return mt == null ? Lang.TRIG : RDFLanguages.contentTypeToLang(mt.getContentTypeStr());
        }

        @Override
        public void validate(HttpAction action) {
            if (!action.getRequestMethod().equals("POST"))
                ServletOps.errorMethodNotAllowed(action.getRequestMethod() + " " + action.getActionURI() + ": use POST with the article's text");
        }
    }
}

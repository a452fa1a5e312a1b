package org.entente.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;

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
import org.entente.ingest.link.Gazetteer;
import org.entente.ingest.link.Linker;
import org.entente.store.StoreGeneration;
import org.entente.sys.EntenteException;
import org.apache.jena.web.HttpSC;

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

    public FMod_Ingest(DatasetGraph dsg) {
        this.dsg = dsg;
    }

    @Override
    public String name() {
        return "Entente ingest";
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        // The server adds the endpoint {@code ingest} of this operation to the dataset, for any user of its password file.
        builder.registerOperation(INGEST, new IngestAction(dsg));
    }

    /** The handler: POST only. */
    static final class IngestAction extends BaseActionREST {
        private final DatasetGraph dsg;
        private final StoreGeneration generation;
        private Gazetteer gazetteer;
        private long builtAt = -1;

        IngestAction(DatasetGraph dsg) {
            this.dsg = dsg;
            this.generation = StoreGeneration.of(dsg);
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
                draft = in.ingest(slug == null || slug.isBlank() ? "article-" + Integer.toHexString(text.hashCode()) : Linker.slug(slug), text, null);
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

package org.entente.server;

import java.net.URL;
import java.util.Set;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.mgt.ActionDatasets;
import org.apache.jena.fuseki.mod.admin.ActionServerStatus;
import org.apache.jena.fuseki.validation.DataValidator;
import org.apache.jena.fuseki.validation.IRIValidator;
import org.apache.jena.fuseki.validation.LangTagValidator;
import org.apache.jena.fuseki.validation.QueryValidator;
import org.apache.jena.fuseki.validation.UpdateValidator;
import org.apache.jena.rdf.model.Model;
import org.entente.sys.EntenteLog;

/**
 * Serves the Fuseki UI (the SPARQL editor, from {@code jena-fuseki-ui} on the classpath) at
 * {@link ConsolePaths#UI}, with the read-only status calls it makes ({@code /$/server},
 * {@code /$/datasets}) and its validators. Its calls reach the server through {@link ConsoleRouting}.
 * <p>
 * Unlike Fuseki's own {@code FMod_Admin} + {@code FMod_UI}, this sets up no admin work area on disk
 * and adds no backup or compaction: the admin calls that would change anything are not served here,
 * and {@link AdminGuard} refuses every change under {@code /$/} without credentials.
 */
public final class FMod_Console implements FusekiModule {

    /** Where {@code jena-fuseki-ui} keeps its files. */
    static final String UI_RESOURCE = "webapp";

    @Override
    public String name() {
        return "Entente console";
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        URL ui = FMod_Console.class.getClassLoader().getResource(UI_RESOURCE);
        if (ui == null) {
            EntenteLog.serverLog.warn("Fuseki UI not found on the classpath: the SPARQL editor is not served");
            return;
        }
        ConsoleServlet files = new ConsoleServlet(UI_RESOURCE);
        builder.addServlet("/ui", files)
               .addServlet(ConsolePaths.UI + "*", files)
               .addServlet("/index.html", files)
               .addServlet("/$/server", new ActionServerStatus())
               .addServlet("/$/datasets/*", new ActionDatasets())
               .addServlet("/$/validate/query", new QueryValidator())
               .addServlet("/$/validate/update", new UpdateValidator())
               .addServlet("/$/validate/iri", new IRIValidator())
               .addServlet("/$/validate/langtag", new LangTagValidator())
               .addServlet("/$/validate/data", new DataValidator())
               .enableStats(true);
    }
}

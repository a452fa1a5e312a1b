package org.entente.replication;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;

/**
 * Replication in the server: {@code GET /$/status} (role, topic, last applied patch and offset, the log's
 * end, the lag), and on the writer, {@code 503} for a write the patch log did not take.
 * <pre>
 *   {"role":"replica","topic":"entente","patch":"uuid:...","offset":41,"endOffset":42,"lag":0,...}
 * </pre>
 */
public final class FMod_Replication implements FusekiModule {

    /** The path of the status. */
    public static final String STATUS = "/$/status";

    private final Replication replication;
    private final String dataset;

    public FMod_Replication(Replication replication, String dataset) {
        this.replication = replication;
        this.dataset = dataset;
    }

    @Override
    public String name() {
        return "Entente replication";
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        builder.addServlet(STATUS, new StatusServlet(replication));
        if (!replication.readOnly())
            builder.addFilter(dataset + "/*", new WriteRefusal());
    }

    /** {@code GET /$/status}: JSON, never cached. */
    private static final class StatusServlet extends HttpServlet {
        private final transient Replication replication;

        StatusServlet(Replication replication) {
            this.replication = replication;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("application/json");
            resp.setCharacterEncoding("UTF-8");
            resp.setHeader("Cache-Control", "no-store");
            resp.getOutputStream().write(replication.status().toJson().getBytes(StandardCharsets.UTF_8));
        }
    }
}

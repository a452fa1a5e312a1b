package org.entente.ops;

import java.util.Set;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * {@code /$/health}: liveness and readiness for a load balancer, open to all.
 * <pre>
 *   {"status":"ready","store":"open","seed":"loaded","diskFreeBytes":52613349376,"minFreeDiskBytes":104857600}
 * </pre>
 */
public final class FMod_Health implements FusekiModule {

    /** The path of the check. */
    public static final String PATH = "/$/health";

    private final DatasetGraph dsg;
    private final Readiness readiness;
    private final long minFreeDisk;

    public FMod_Health(DatasetGraph dsg, Readiness readiness, long minFreeDiskBytes) {
        this.dsg = dsg;
        this.readiness = readiness;
        this.minFreeDisk = minFreeDiskBytes;
    }

    @Override
    public String name() {
        return "Entente health";
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        builder.addServlet(PATH, new HealthServlet(dsg, readiness, minFreeDisk));
    }
}

package org.entente.ops;

import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;

import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.metrics.MetricsProvider;
import org.apache.jena.fuseki.server.CounterName;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.fuseki.server.Endpoint;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.entente.sys.EntenteException;

/**
 * Entente's metrics on {@code /$/metrics}, beside Fuseki's: requests and latency by endpoint and status,
 * the store's generation and size, loads. Fuseki's {@code FMod_Prometheus} serves the page and its own
 * per-endpoint counters; this module gives query endpoints a timeout counter (Fuseki counts timeouts
 * only where one exists), which then shows as {@code fuseki_query_timeouts}, and adds its own meters
 * to the same Micrometer registry, so it must come after that module in the list.
 * <pre>
 *   FusekiModules.create(List.of(FMod_Prometheus.create(), new FMod_Metrics(dsg)))
 * </pre>
 */
public final class FMod_Metrics implements FusekiModule {

    private final DatasetGraph dsg;
    private MeterRegistry registry;

    public FMod_Metrics(DatasetGraph dsg) {
        this.dsg = dsg;
    }

    @Override
    public String name() {
        return "Entente metrics";
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        if (!(builder.getServletAttribute(Fuseki.attrMetricsProvider) instanceof MetricsProvider provider))
            throw new EntenteException("FMod_Metrics needs FMod_Prometheus before it in the module list");
        registry = provider.getMeterRegistry();
        new StoreMeters(dsg).bindTo(registry);
    }

    @Override
    public void configured(FusekiServer.Builder builder, DataAccessPointRegistry registry, Model configModel) {
        for (DataAccessPoint dap : registry.accessPoints())
            for (Endpoint e : dap.getDataService().getEndpoints(Operation.Query))
                if (!e.getCounters().contains(CounterName.QueryTimeouts))
                    e.getCounters().add(CounterName.QueryTimeouts);
    }

    @Override
    public void server(FusekiServer server) {
        OpsLib.addRequestLog(server.getJettyServer(), new RequestMetrics(registry));
    }
}

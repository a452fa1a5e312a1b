package org.entente.federation;

import java.util.Set;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.rdf.model.Model;
import org.entente.sys.EntenteLog;

/**
 * Federation with Wikidata: {@code SERVICE <https://query.wikidata.org/sparql>} is sent to the
 * configured endpoint, other endpoints only when allowed, with the policy's User-Agent, timeouts and cache.
 */
public final class FMod_Federation implements FusekiModule {

    private final RemoteSparql remote;

    public FMod_Federation(ServicePolicy policy) {
        this.remote = new RemoteSparql(policy);
    }

    @Override
    public String name() {
        return "Entente federation";
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        builder.registerOperation(Operation.Query, new FederationQueryAction(remote));
        EntenteLog.serverLog.info("SERVICE: Wikidata via {}{}", remote.policy().wikidataEndpoint(),
                                  remote.policy().allowed().isEmpty() ? "; no other endpoint allowed"
                                                                      : "; also allowed: " + remote.policy().allowed());
    }
}

package org.entente.cli;

import java.util.concurrent.Callable;

import org.apache.jena.sparql.core.DatasetGraph;
import org.entente.federation.Enricher;
import org.entente.federation.RemoteSparql;
import org.entente.load.StoreLib;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code entente enrich}: copy Wikidata's labels and facts about linked items into the store. */
@Command(name = "enrich", mixinStandardHelpOptions = true,
         description = "Fetch labels (en, zh, ko, ru, ja), descriptions and key facts of every linked Wikidata item "
                       + "into the graph " + Enricher.GRAPH + ", replacing it.")
final class EnrichCmd implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Mixin
    FederationOptions federation;

    @Override
    public Integer call() {
        DatasetGraph dsg = StoreLib.open(store.store);
        try {
            Enricher.Result r = new Enricher(new RemoteSparql(federation.policy())).enrich(dsg);
            System.out.printf("Enriched %d items: %,d triples in <%s>%n", r.items(), r.triples(), Enricher.GRAPH);
            return 0;
        } finally {
            StoreLib.close(dsg);
        }
    }
}

package org.entente.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.jena.sparql.core.DatasetGraph;
import org.entente.federation.Enricher;
import org.entente.federation.RemoteSparql;
import org.entente.federation.WorldEnricher;
import org.entente.load.StoreLib;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code entente enrich}: copy Wikidata's labels and facts about linked items, or world facts, into the store. */
@Command(name = "enrich", mixinStandardHelpOptions = true,
         description = { "Fetch labels (en, zh, ko, ru, ja), descriptions and key facts of every linked Wikidata item "
                         + "into the graph " + Enricher.GRAPH + ", replacing it.",
                         "With --world: fetch heads of state and of government over time, diplomatic relations, capitals and "
                         + "memberships of every territory with an ISO 3166-1 alpha-2 code, with Wikidata's references, into the graph "
                         + WorldEnricher.GRAPH + ", replacing it in one transaction (a failed or killed run writes nothing)." })
final class EnrichCmd implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Mixin
    FederationOptions federation;

    @Option(names = "--world", description = "Enrich the territories of the store (heads of state and government, ties, capitals, memberships).")
    boolean world;

    @Option(names = "--state", paramLabel = "ISO",
            description = "With --world: only this territory, by ISO 3166-1 alpha-2 or alpha-3 code (repeatable). "
                          + "What the world graph says of the other territories is kept from the previous run.")
    List<String> states = new ArrayList<>();

    @Option(names = "--pause", paramLabel = "MILLIS", defaultValue = "1000",
            description = "With --world: the pause between two requests to Wikidata (default: ${DEFAULT-VALUE} ms).")
    long pauseMillis;

    @Override
    public Integer call() {
        if (!world && !states.isEmpty())
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--state needs --world");
        DatasetGraph dsg = store.openForWriting();
        try {
            RemoteSparql remote = new RemoteSparql(federation.policy());
            if (world) {
                WorldEnricher.Result r = WorldEnricher.create(remote).states(states).pause(Duration.ofMillis(pauseMillis)).build().run(dsg);
                System.out.printf("Enriched %d territories (%d matched on Wikidata) with %d requests (%,d ms waiting for answers): %,d triples in <%s>%n",
                                  r.territories(), r.matched(), r.requests(), r.remoteTime().toMillis(), r.triples(), WorldEnricher.GRAPH);
                System.out.println("Fetched: " + r.counts() + (r.leftOut() > 0 ? "; left out " + r.leftOut() + " statements the graph cannot hold" : ""));
                if (!r.unmatched().isEmpty())
                    System.out.println("No Wikidata item for: " + String.join(", ", r.unmatched()));
                return 0;
            }
            Enricher.Result r = new Enricher(remote).enrich(dsg);
            System.out.printf("Enriched %d items: %,d triples in <%s>%n", r.items(), r.triples(), Enricher.GRAPH);
            return 0;
        } finally {
            StoreLib.close(dsg);
        }
    }
}

package org.entente.cli;

import java.nio.file.Path;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.entente.load.StoreLib;
import org.entente.replication.ReplicationState;
import org.entente.sys.EntenteException;

import picocli.CommandLine.Option;

/** The {@code --store} option that every command working on a store shares. */
final class StoreOption {
    @Option(names = "--store", paramLabel = "DIR", defaultValue = "store",
            description = "TDB2 store folder (default: ${DEFAULT-VALUE}).")
    Path store;

    /**
     * Opens the store for a command that writes it. A store in a replicated deployment (it records a
     * place in a patch log) is refused: a write made to it directly would reach no replica, or make a
     * replica differ from its writer. Write through the writer's server instead.
     */
    DatasetGraph openForWriting() {
        DatasetGraph dsg = StoreLib.open(store);
        ReplicationState at = Txn.calculateRead(dsg, () -> ReplicationState.read(dsg));
        if (at.offset() >= 0) {
            StoreLib.close(dsg);
            throw new EntenteException("Store " + store + " is replicated (it has applied the patch log up to offset " + at.offset()
                                       + "): write through the writer's server (serve --role writer), not into the store");
        }
        return dsg;
    }
}

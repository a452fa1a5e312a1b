package org.entente.browse;

import java.nio.file.Path;

import org.apache.jena.dboe.transaction.txn.Transaction;
import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.dboe.transaction.txn.TransactionListener;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.RDFS;
import org.entente.load.StoreLib;
import org.entente.store.StoreGeneration;

/**
 * A child process for {@link SearchIndexOnDiskTest}: opens a store as the server does, starts to commit
 * a write, says so on its output and waits there to be killed.
 */
public final class HangInCommit {
    private HangInCommit() {}

    public static void main(String[] args) throws Exception {
        DatasetGraph dsg = StoreLib.open(Path.of(args[0]));
        StoreGeneration.of(dsg);
        TransactionCoordinator coordinator = TDBInternal.getTransactionCoordinator(dsg);
        TransactionListener hang = new TransactionListener() {
            @Override
            public void notifyCommitStart(Transaction txn) {
                if (!txn.isWriteTxn())
                    return;
                System.out.println("COMMITTING");
                System.out.flush();
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        // Added after the generation's listener, so it runs once the dirty mark is written.
        coordinator.modifyConfig(() -> coordinator.addListener(hang));
        Txn.executeWrite(dsg, () -> dsg.add(NodeFactory.createURI("http://example.org/g"),
                                            NodeFactory.createURI(SearchIndexOnDiskTest.IRI + "never"), RDFS.label.asNode(),
                                            NodeFactory.createLiteralString("Neverwritten")));
    }
}

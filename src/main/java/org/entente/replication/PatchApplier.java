package org.entente.replication;

import java.io.ByteArrayInputStream;

import org.apache.jena.graph.Node;
import org.apache.jena.rdfpatch.RDFChanges;
import org.apache.jena.rdfpatch.changes.RDFChangesApply;
import org.apache.jena.rdfpatch.changes.RDFChangesExternalTxn;
import org.apache.jena.rdfpatch.changes.RDFChangesWrapper;
import org.apache.jena.rdfpatch.text.RDFPatchReaderText;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.entente.sys.EntenteLog;

/**
 * Applies a patch from the log to a store in one TDB2 write transaction, together with the patch's offset
 * and id ({@link ReplicationState}): after a crash at any moment the store holds both or neither, so it
 * resumes at the first patch it has not applied, never applying one twice nor skipping one.
 */
final class PatchApplier {
    private PatchApplier() {}

    /** Applies the patch; returns false (and changes nothing) when the store already has it. */
    static boolean apply(DatasetGraph base, Patch patch) {
        return Txn.calculateWrite(base, () -> {
            ReplicationState before = ReplicationState.read(base);
            if (patch.offset() <= before.offset())
                return false;
            Prev prev = new Prev(new RDFChangesExternalTxn(new RDFChangesApply(base)));
            new RDFPatchReaderText(new ByteArrayInputStream(patch.text())).apply(prev);
            if (before.patchId() != null && prev.prev != null && !before.patchId().equals(prev.prev.getURI()))
                EntenteLog.serverLog.warn("Patch {} follows {}, but the store's last patch is {}: applied in log order",
                                          patch.id(), prev.prev.getURI(), before.patchId());
            new ReplicationState(patch.offset(), patch.id()).write(base);
            return true;
        });
    }

    /** Notes the patch's {@code prev} header on the way through. */
    private static final class Prev extends RDFChangesWrapper {
        Node prev;

        Prev(RDFChanges other) {
            super(other);
        }

        @Override
        public void header(String field, Node value) {
            if ("prev".equals(field))
                prev = value;
            super.header(field, value);
        }
    }
}

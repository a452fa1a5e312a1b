package org.entente.replication;

import java.io.ByteArrayOutputStream;
import java.util.UUID;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdfpatch.RDFChanges;
import org.apache.jena.rdfpatch.text.RDFChangesWriterText;
import org.apache.jena.sparql.core.DatasetGraph;
import org.entente.sys.EntenteLog;

/**
 * The writer's side of every write transaction: gathers the transaction's changes as an RDF Patch and, when
 * it commits, publishes the patch to the log <em>before</em> the store commits, then records the patch's
 * offset and id in the same transaction. When the log does not take the patch in time this throws, and
 * the transaction is aborted: the write is made everywhere or nowhere.
 * <pre>
 *   H id   &lt;uuid:...&gt; .
 *   H prev &lt;uuid:...&gt; .      (the patch before it: the chain)
 *   TX .
 *   A &lt;s&gt; &lt;p&gt; &lt;o&gt; &lt;g&gt; .
 *   TC .
 * </pre>
 * Each thread has its own patch under way (TDB2 lets one writer commit at a time; several may be waiting
 * to begin). A transaction that changed nothing publishes nothing.
 */
final class PatchPublisher implements RDFChanges {

    private final DatasetGraph base;
    private final PatchLog log;
    private final ThreadLocal<Pending> current = new ThreadLocal<>();
    private final java.util.function.Consumer<Patch> published;

    PatchPublisher(DatasetGraph base, PatchLog log, java.util.function.Consumer<Patch> published) {
        this.base = base;
        this.log = log;
        this.published = published;
    }

    /** One transaction's patch body, as it is written. */
    private static final class Pending {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final RDFChangesWriterText writer = RDFChangesWriterText.create(out);
        boolean changed;
    }

    private Pending pending() {
        Pending p = current.get();
        if (p == null)
            throw new IllegalStateException("A change outside a write transaction");
        return p;
    }

    @Override
    public void txnBegin() {
        Pending p = new Pending();
        p.writer.txnBegin();
        current.set(p);
    }

    @Override
    public void add(Node g, Node s, Node pr, Node o) {
        Pending p = pending();
        p.writer.add(g, s, pr, o);
        p.changed = true;
    }

    @Override
    public void delete(Node g, Node s, Node pr, Node o) {
        Pending p = pending();
        p.writer.delete(g, s, pr, o);
        p.changed = true;
    }

    @Override
    public void addPrefix(Node gn, String prefix, String uriStr) {
        Pending p = pending();
        p.writer.addPrefix(gn, prefix, uriStr);
        p.changed = true;
    }

    @Override
    public void deletePrefix(Node gn, String prefix) {
        Pending p = pending();
        p.writer.deletePrefix(gn, prefix);
        p.changed = true;
    }

    @Override
    public void txnCommit() {
        Pending p = current.get();
        current.remove();
        if (p == null || !p.changed)
            return;
        p.writer.txnCommit();
        ReplicationState before = ReplicationState.read(base);
        String id = "uuid:" + UUID.randomUUID();
        ByteArrayOutputStream text = new ByteArrayOutputStream(p.out.size() + 200);
        RDFChangesWriterText header = RDFChangesWriterText.create(text);
        header.header("id", NodeFactory.createURI(id));
        if (before.patchId() != null)
            header.header("prev", NodeFactory.createURI(before.patchId()));
        header.finish();
        text.writeBytes(p.out.toByteArray());
        byte[] bytes = text.toByteArray();
        long t0 = System.nanoTime();
        long offset = log.publish(id, bytes);
        if (bytes.length >= ReplicaRole.LARGE)
            EntenteLog.serverLog.info("Writer: published patch {} ({} bytes) at offset {} in {} ms", id, bytes.length, offset,
                                      (System.nanoTime() - t0) / 1_000_000);
        new ReplicationState(offset, id).write(base);
        published.accept(new Patch(id, offset, new byte[0]));
    }

    @Override
    public void txnAbort() {
        current.remove();
    }

    @Override
    public void header(String field, Node value) {}

    @Override
    public void start() {}

    @Override
    public void finish() {}

    @Override
    public void segment() {}
}

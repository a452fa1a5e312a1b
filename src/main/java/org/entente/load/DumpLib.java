package org.entente.load;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.entente.sys.EntenteException;

/**
 * Writes the whole store as N-Quads (gzipped when the name ends in {@code .gz}), from one read
 * transaction, so the dump is a consistent snapshot even while the server writes. The file appears
 * only when complete: it is written beside the target and moved into place.
 */
public final class DumpLib {
    private DumpLib() {}

    /** Dumps the dataset; returns the number of quads written. */
    public static long dump(DatasetGraph dsg, Path out) {
        Path target = out.toAbsolutePath();
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        boolean gzip = SourceFileLib.isGzip(target);
        long[] count = {0};
        try {
            try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16);
                 OutputStream os = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw) {
                Txn.executeRead(dsg, () -> {
                    StreamRDF writer = StreamRDFWriter.getWriterStream(os, Lang.NQUADS);
                    writer.start();
                    dsg.find().forEachRemaining(q -> {
                        writer.quad(q);
                        count[0]++;
                    });
                    writer.finish();
                });
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return count[0];
        } catch (IOException ex) {
            throw new EntenteException("Cannot write " + target + ": " + ex.getMessage(), ex);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ex) {
                org.entente.sys.EntenteLog.loadLog.warn("Could not remove {}", partial, ex);
            }
        }
    }

    /**
     * Loads a dump into an empty store as an exact copy, in one write transaction: every quad as it is,
     * blank nodes keeping the labels the dump gives them, no catalog entry, no SHACL gate (the dump is of a
     * store whose writes passed it). A dump of a replica carries the graph {@code .../graph/replication},
     * so a replica started on the copy resumes the patch log after the offset the dump was taken at; its
     * blank nodes must be the writer's, since later patches name them by label. Returns the quads loaded.
     */
    public static long restore(DatasetGraph dsg, Path dump) {
        if (!Txn.calculateRead(dsg, dsg::isEmpty))
            throw new EntenteException("A dump is restored only into an empty store; this one holds data");
        long[] count = {0};
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(dump), 1 << 16);
             InputStream in = SourceFileLib.isGzip(dump) ? new GZIPInputStream(raw, 1 << 16) : raw) {
            StreamRDF into = StreamRDFLib.dataset(dsg);
            Txn.executeWrite(dsg, () -> RDFParser.source(in).lang(Lang.NQUADS).strict(true)
                                                 .labelToNode(LabelToNode.createUseLabelEncoded())
                                                 .parse(new org.apache.jena.riot.system.StreamRDFWrapper(into) {
                                                     @Override
                                                     public void quad(org.apache.jena.sparql.core.Quad q) {
                                                         count[0]++;
                                                         super.quad(q);
                                                     }
                                                 }));
            return count[0];
        } catch (IOException ex) {
            throw new EntenteException("Cannot read " + dump + ": " + ex.getMessage(), ex);
        } catch (RiotException ex) {
            throw new EntenteException(dump + ": " + ex.getMessage(), ex);
        }
    }
}

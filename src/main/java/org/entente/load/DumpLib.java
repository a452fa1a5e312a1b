package org.entente.load;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.riot.Lang;
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

}

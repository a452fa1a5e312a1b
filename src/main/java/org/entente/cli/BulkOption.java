package org.entente.cli;

import org.entente.load.Loader;
import org.entente.sys.EntenteException;

import picocli.CommandLine.Option;

/** {@code --bulk} and {@code --no-bulk}, shared by {@code load} and {@code import}: which path a load takes. */
final class BulkOption {
    @Option(names = "--bulk",
            description = "Load with TDB2's bulk loader into a new database beside the store, switched in by one rename"
                          + " (the store's own quads are copied into it). load does so by default when the store is small beside"
                          + " the load; import gdelt only when asked.")
    boolean always;

    @Option(names = "--no-bulk", description = "Load in one write transaction into the store.")
    boolean never;

    /** The path asked for, or {@code dflt} when neither option was given. */
    Loader.Bulk mode(Loader.Bulk dflt) {
        if (always && never)
            throw new EntenteException("--bulk and --no-bulk cannot both be given");
        return always ? Loader.Bulk.ALWAYS : never ? Loader.Bulk.NEVER : dflt;
    }
}

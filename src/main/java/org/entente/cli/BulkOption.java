package org.entente.cli;

import org.entente.load.Loader;
import org.entente.sys.EntenteException;

import picocli.CommandLine.Option;

/** {@code --bulk} and {@code --no-bulk}, shared by {@code load} and {@code import}: which path a load takes. */
final class BulkOption {
    @Option(names = "--bulk",
            description = "Always load with TDB2's bulk loader into a new database beside the store, switched in by one rename"
                          + " (the store's own quads are copied into it). Default: so when the store is small beside the load.")
    boolean always;

    @Option(names = "--no-bulk", description = "Always load in one write transaction into the store.")
    boolean never;

    Loader.Bulk mode() {
        if (always && never)
            throw new EntenteException("--bulk and --no-bulk cannot both be given");
        return always ? Loader.Bulk.ALWAYS : never ? Loader.Bulk.NEVER : Loader.Bulk.AUTO;
    }
}

package org.entente.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** The {@code --store} option that every command working on a store shares. */
final class StoreOption {
    @Option(names = "--store", paramLabel = "DIR", defaultValue = "store",
            description = "TDB2 store folder (default: ${DEFAULT-VALUE}).")
    Path store;
}

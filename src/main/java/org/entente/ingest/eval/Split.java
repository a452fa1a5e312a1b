package org.entente.ingest.eval;

/**
 * The parts of the gold corpus: the seed article (hand-made before ingestion existed), the
 * development set that the pipeline may be tuned on, and the held-out set that it must not be.
 */
public enum Split {
    SEED("seed"), DEV("dev"), HELDOUT("heldout");

    private final String folder;

    Split(String folder) {
        this.folder = folder;
    }

    /** The folder of the split under {@code bench/ingest/corpus}. */
    public String folder() {
        return folder;
    }
}

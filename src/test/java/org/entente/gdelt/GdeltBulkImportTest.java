package org.entente.gdelt;

import org.entente.load.Loader;
import org.junit.jupiter.api.BeforeEach;

/**
 * Every {@link GdeltImportTest} again on the bulk path (TDB2's bulk loader beside the store, switched
 * in by a rename): field by field, replacement on re-import, no duplicates across files, bad rows.
 */
class GdeltBulkImportTest extends GdeltImportTest {

    @BeforeEach
    void bulkPath() {
        bulk = Loader.Bulk.ALWAYS;
    }
}

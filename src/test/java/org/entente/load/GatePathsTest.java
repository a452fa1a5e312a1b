package org.entente.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.entente.TestLib;
import org.entente.generate.Generator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SHACL gate has three ways to reach its verdict: an in-memory copy of a load into an empty store
 * (checked while the writes go on), the store itself (a store that holds data, or a load larger than
 * the copy's limit), and a copy dropped part-way because the load outgrew it. All three must agree.
 */
class GatePathsTest {

    @TempDir
    static Path shared;

    static Path valid;

    /** Copy limits: the default (whole copy), none (the store is read), and one the load outgrows. */
    private static final long WHOLE = Long.MAX_VALUE, NONE = 0, OUTGROWN = 500;

    @BeforeAll
    static void generate() {
        valid = shared.resolve("gen.nq");
        assertTrue(Generator.create().triples(5_000).seed(3).build().write(valid) > 4_000);
    }

    private static Path broken() {
        return TestLib.home().resolve("src/test/resources/load/participation-without-status.ttl");
    }

    private static long count(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> dsg.stream().count());
    }

    private static LoadReport load(Path store, long copyLimit, List<Path> files) {
        DatasetGraph dsg = StoreLib.open(store);
        try {
            return Loader.create().dataset(dsg).gateCopyLimit(copyLimit).build().load(files);
        } finally {
            StoreLib.close(dsg);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = { WHOLE, NONE, OUTGROWN })
    void validDataPassesEveryPath(long limit, @TempDir Path tmp) {
        LoadReport report = load(tmp.resolve("store"), limit, List.of(valid));
        assertTrue(report.triples() > 4_000);
        DatasetGraph dsg = StoreLib.open(tmp.resolve("store"));
        try {
            assertTrue(count(dsg) >= report.triples(), "everything was written");
        } finally {
            StoreLib.close(dsg);
        }
    }

    @Test
    void invalidDataGetsTheSameVerdictOnEveryPathAndNothingIsWritten(@TempDir Path tmp) {
        String[] messages = new String[3];
        int[] counts = new int[3];
        long[] limits = { WHOLE, NONE, OUTGROWN };
        for (int i = 0; i < limits.length; i++) {
            Path store = tmp.resolve("store-" + i);
            long limit = limits[i];
            ShaclGate.ValidationException ex = assertThrows(ShaclGate.ValidationException.class,
                () -> load(store, limit, List.of(valid, broken())));
            messages[i] = ex.getMessage();
            counts[i] = ex.violations();
            DatasetGraph dsg = StoreLib.open(store);
            try {
                assertEquals(0, count(dsg), "a refused load leaves the store empty");
            } finally {
                StoreLib.close(dsg);
            }
        }
        assertTrue(messages[0].contains("participation/no-status") && messages[0].contains("path: ent:status"), messages[0]);
        assertEquals(counts[0], counts[1], "in memory and from the store: " + messages[0] + "\n---\n" + messages[1]);
        assertEquals(counts[0], counts[2], "in memory and after the copy was dropped");
    }

    @Test
    void anEmptyFolderIntoAnEmptyStoreReturnsAtOnce(@TempDir Path tmp) throws Exception {
        Path empty = java.nio.file.Files.createDirectories(tmp.resolve("empty"));
        LoadReport report = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
            () -> load(tmp.resolve("store"), WHOLE, List.of(empty)));
        assertEquals(0, report.triples());
    }

    @Test
    void aStoreThatHoldsDataIsCheckedFromTheStore(@TempDir Path tmp) {
        Path store = tmp.resolve("store");
        load(store, WHOLE, List.of(valid));
        // The broken participation names a person and an event the store does not have: the store's
        // own data is part of the picture, so no copy of the load alone could decide this.
        ShaclGate.ValidationException ex = assertThrows(ShaclGate.ValidationException.class,
            () -> load(store, WHOLE, List.of(broken())));
        assertTrue(ex.getMessage().contains("participation/no-status"), ex.getMessage());
    }
}

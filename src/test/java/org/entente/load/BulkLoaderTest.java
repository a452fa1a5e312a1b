package org.entente.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.sys.StoreConnection;
import org.entente.TestLib;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every {@link LoaderTest} again on the bulk path (TDB2's bulk loader beside the store, switched in by
 * a rename), and what only the bulk path does: the folders it leaves, a half-built database never opened.
 */
class BulkLoaderTest extends LoaderTest {

    @BeforeEach
    void bulkPath() {
        bulk = Loader.Bulk.ALWAYS;
    }

    private List<String> folders() throws IOException {
        try (Stream<Path> s = Files.list(tmp.resolve("store"))) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aBulkLoadSwitchesToTheNextDatabaseAndTheStoreReopensWithIt() throws IOException {
        Path file = TestLib.home().resolve("src/test/resources/load/good.ttl");
        LoadReport r = Loader.create().dataset(dsg).bulk(bulk).root(TestLib.home()).build().load(List.of(file));
        assertEquals(List.of("Data-0002"), folders(), "the new database replaces the old one, nothing half-built left");
        long triples = r.triples();
        assertTrue(triples > 0);
        close();
        open();
        Node g = Loader.graphFor(file);
        assertEquals(triples, (long) Txn.calculateRead(dsg, () -> dsg.getGraph(g).size()));
        LoadCatalog.Entry e = Txn.calculateRead(dsg, () -> LoadCatalog.find(dsg, "src/test/resources/load/good.ttl")).orElseThrow();
        assertEquals(triples, e.triples());
        assertEquals(SourceFileLib.sha256(file), e.sha256());
        assertEquals(java.util.Set.of(g), e.graphs());
    }

    @Test
    void aRefusedBulkLoadLeavesTheStoreAndItsFoldersAsTheyWere() throws IOException {
        Path good = TestLib.home().resolve("src/test/resources/load/good.ttl");
        Loader.create().dataset(dsg).bulk(bulk).root(TestLib.home()).build().load(List.of(good));
        List<String> before = folders();
        long size = Txn.calculateRead(dsg, () -> dsg.stream().count());
        assertThrows(ShaclGate.ValidationException.class, () -> Loader.create().dataset(dsg).bulk(bulk).root(TestLib.home()).build()
            .load(List.of(TestLib.home().resolve("src/test/resources/load/participation-without-status.ttl"))));
        assertEquals(before, folders());
        assertEquals(size, (long) Txn.calculateRead(dsg, () -> dsg.stream().count()));
    }

    @Test
    void aHalfBuiltDatabaseLeftBesideTheStoreIsNeverOpened() throws IOException {
        Path good = TestLib.home().resolve("src/test/resources/load/good.ttl");
        loaderNoBulk().load(List.of(good));
        long size = Txn.calculateRead(dsg, () -> dsg.stream().count());
        // What a run killed before its switch leaves: a database beside the store, filled, never renamed.
        StoreSwitch next = StoreSwitch.beside(dsg);
        DatasetGraphTDB half = next.database();
        Node stray = NodeFactory.createURI("http://example.org/half-built");
        Txn.executeWrite(half, () -> half.add(new Quad(stray, stray, stray, stray)));
        StoreConnection.internalExpel(half.getLocation(), true);
        assertEquals(List.of("Data-0001", "Data-0002-tmp"), folders());
        close();
        open();
        assertEquals(size, (long) Txn.calculateRead(dsg, () -> dsg.stream().count()));
        assertFalse(Txn.calculateRead(dsg, () -> dsg.containsGraph(stray)));
        assertEquals(List.of("Data-0001"), folders(), "TDB2 deletes a -tmp database when it opens the store");
        // And a bulk load after it builds afresh.
        Loader.create().dataset(dsg).bulk(bulk).validate(false).build().load(List.of(TestLib.home().resolve("src/test/resources/load/good.nt")));
        assertEquals(List.of("Data-0002"), folders());
        assertFalse(Txn.calculateRead(dsg, () -> dsg.containsGraph(stray)));
    }

    @Test
    void autoTakesTheBulkPathOnlyWhenTheStoreIsSmallBesideTheLoad() throws IOException {
        Path big = tmp.resolve("big.nt");
        StringBuilder b = new StringBuilder();
        // About 100 bytes a line: the loader's estimate, from the file's size, is close to the 80,000 lines.
        for (int i = 0; i < 80_000; i++)
            b.append("<http://example.org/s").append(i).append("> <http://example.org/p> \"line ").append(i).append(" of a test file\" .\n");
        Files.writeString(big, b);
        Loader auto = Loader.create().dataset(dsg).bulk(Loader.Bulk.AUTO).validate(false).build();
        auto.load(List.of(TestLib.home().resolve("src/test/resources/load/good.ttl")));
        assertEquals(List.of("Data-0001"), folders(), "a small load: one transaction");
        auto.load(List.of(big));
        assertEquals(List.of("Data-0002"), folders(), "a load far larger than the store: bulk");
        assertEquals(80_000L, (long) Txn.calculateRead(dsg, () -> dsg.getGraph(Loader.graphFor(big)).size()));
        Path again = tmp.resolve("again.nt");
        Files.writeString(again, b.toString().replace("example.org/s", "example.org/t"));
        auto.load(List.of(again));
        assertEquals(List.of("Data-0002"), folders(), "as large as the store: one transaction");
        assertEquals(80_000L, (long) Txn.calculateRead(dsg, () -> dsg.getGraph(Loader.graphFor(big)).size()));
    }

    private Loader loaderNoBulk() {
        return Loader.create().dataset(dsg).root(TestLib.home()).build();
    }
}

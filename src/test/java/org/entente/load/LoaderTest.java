package org.entente.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.entente.TestLib;
import org.entente.sys.EntenteException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoaderTest {

    @TempDir
    Path tmp;

    DatasetGraph dsg;

    /** Which path the loads of these tests take; {@link BulkLoaderTest} runs them all on the bulk path. */
    Loader.Bulk bulk = Loader.Bulk.NEVER;

    @BeforeEach
    void open() {
        dsg = StoreLib.open(tmp.resolve("store"));
    }

    @AfterEach
    void close() {
        StoreLib.close(dsg);
    }

    private Path fixture(String name) {
        return TestLib.home().resolve("src/test/resources/load").resolve(name);
    }

    private long size() {
        return Txn.calculateRead(dsg, () -> {
            long n = 0;
            var it = dsg.find();
            while (it.hasNext()) { it.next(); n++; }
            return n;
        });
    }

    private DatasetGraph copy() {
        DatasetGraph mem = DatasetGraphFactory.createTxnMem();
        Txn.executeRead(dsg, () -> dsg.find().forEachRemaining(mem::add));
        return mem;
    }

    /** Same graph names, and each graph isomorphic (Jena's graph matcher copes with blank nodes). */
    static boolean isomorphic(DatasetGraph a, DatasetGraph b) {
        java.util.Set<Node> names = new java.util.HashSet<>();
        a.listGraphNodes().forEachRemaining(names::add);
        java.util.Set<Node> other = new java.util.HashSet<>();
        b.listGraphNodes().forEachRemaining(other::add);
        if (!names.equals(other) || !a.getDefaultGraph().isIsomorphicWith(b.getDefaultGraph()))
            return false;
        return names.stream().allMatch(g -> a.getGraph(g).isIsomorphicWith(b.getGraph(g)));
    }

    private Loader loader() {
        return Loader.create().dataset(dsg).bulk(bulk).root(TestLib.home()).build();
    }

    @Test
    void seedLoadsIntoOneGraphPerSource() {
        LoadReport report = loader().load(List.of(TestLib.home().resolve("ontology"), TestLib.home().resolve("data")));
        assertEquals(7, report.files().size(), "four ontology files (with the CAMEO scheme), three data files");
        assertTrue(report.triples() > 1500);
        Node article = NodeFactory.createURI("https://w3id.org/entente/id/source/2025-08-victory-day-parade");
        assertTrue(Txn.calculateRead(dsg, () -> dsg.containsGraph(article)));
        assertTrue(Txn.calculateRead(dsg, () -> dsg.getDefaultGraph().isEmpty()), "nothing goes into the stored default graph");
    }

    @Test
    void reloadIsIdempotent() {
        List<Path> seed = List.of(TestLib.home().resolve("ontology"), TestLib.home().resolve("data"));
        loader().load(seed);
        DatasetGraph first = copy();
        loader().load(seed);
        DatasetGraph second = copy();
        // The catalog records the load time: compare everything else.
        first.removeGraph(LoadCatalog.GRAPH);
        second.removeGraph(LoadCatalog.GRAPH);
        assertTrue(isomorphic(first, second), "loading the same files again changed the data");
        assertEquals(first.stream().count(), second.stream().count());
    }

    @Test
    void loadRejectsWholeLoadOnSyntaxErrorWithFileLineAndColumn() {
        loader().load(List.of(fixture("good.ttl")));
        DatasetGraph before = copy();
        EntenteException ex = assertThrows(EntenteException.class,
            () -> loader().load(List.of(fixture("good-quads.trig"), fixture("bad-syntax-line-3.ttl"))));
        assertTrue(ex.getMessage().contains("bad-syntax-line-3.ttl:3:"), ex.getMessage());
        assertTrue(isomorphic(before, copy()), "a failed load must leave the store as it was");
    }

    @Test
    void loadRejectsDataThatViolatesTheShapesAndSaysWhy() {
        loader().load(List.of(TestLib.home().resolve("ontology"), TestLib.home().resolve("data")));
        long before = size();
        ShaclGate.ValidationException ex = assertThrows(ShaclGate.ValidationException.class,
            () -> loader().load(List.of(fixture("participation-without-status.ttl"))));
        assertTrue(ex.getMessage().contains("focus node: <https://w3id.org/entente/id/participation/no-status>"), ex.getMessage());
        assertTrue(ex.getMessage().contains("path: ent:status"), ex.getMessage());
        assertEquals(before, size());
        // Without the gate the same file loads.
        Loader.create().dataset(dsg).bulk(bulk).validate(false).build().load(List.of(fixture("participation-without-status.ttl")));
        assertTrue(size() > before);
    }

    @Test
    void triplesGoToTheGraphGivenAndQuadsKeepTheirs() {
        Loader.create().dataset(dsg).bulk(bulk).validate(false).graph("http://example.org/g").build()
              .load(List.of(fixture("good.ttl"), fixture("good-quads.trig")));
        Txn.executeRead(dsg, () -> {
            assertFalse(dsg.getGraph(NodeFactory.createURI("http://example.org/g")).isEmpty());
            assertFalse(dsg.getGraph(NodeFactory.createURI("http://example.org/quads-graph")).isEmpty());
            assertTrue(dsg.getGraph(Loader.graphFor(fixture("good.ttl"))).isEmpty());
        });
    }

    @Test
    void changedFileReplacesItsGraphAndSyncSkipsUnchangedFiles() throws IOException {
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve("ontology"));
        Files.createDirectories(home.resolve("data"));
        Path file = home.resolve("data/ex.ttl");
        Files.writeString(file, "<http://example.org/a> <http://example.org/p> 1, 2, 3 .\n");
        Loader noGate = Loader.create().dataset(dsg).bulk(bulk).validate(false).root(home).build();
        noGate.load(List.of(file));
        assertEquals(3, Txn.calculateRead(dsg, () -> dsg.getGraph(Loader.graphFor(file)).size()));

        Files.writeString(file, "<http://example.org/a> <http://example.org/p> 4 .\n");
        SeedLib.SyncResult sync = SeedLib.sync(dsg, home);
        assertEquals(List.of("data/ex.ttl"), sync.loaded());
        assertEquals(1, Txn.calculateRead(dsg, () -> dsg.getGraph(Loader.graphFor(file)).size()));

        SeedLib.SyncResult again = SeedLib.sync(dsg, home);
        assertFalse(again.changed(), "an unchanged file is not reloaded");

        Files.delete(file);
        SeedLib.SyncResult gone = SeedLib.sync(dsg, home);
        assertEquals(List.of("data/ex.ttl"), gone.removed());
        assertTrue(Txn.calculateRead(dsg, () -> dsg.getGraph(Loader.graphFor(file)).isEmpty()));
    }

    @Test
    void unknownExtensionAndMissingFileAreRefused() {
        assertThrows(EntenteException.class, () -> loader().load(List.of(fixture("not-rdf.txt"))));
        assertThrows(EntenteException.class, () -> loader().load(List.of(tmp.resolve("missing.ttl"))));
    }

    @Test
    void everyW3cSyntaxLoadsByExtension() {
        long n = Loader.create().dataset(dsg).bulk(bulk).validate(false).build()
                       .load(List.of(fixture("good.ttl"), fixture("good.nt"), fixture("good.rdf"), fixture("good.jsonld"),
                                     fixture("good-quads.trig"), fixture("good.nq"), fixture("good.nt.gz")))
                       .triples();
        assertEquals(9, n);
    }
}

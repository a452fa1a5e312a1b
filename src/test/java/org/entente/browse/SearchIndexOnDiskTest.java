package org.entente.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.RDFS;
import org.entente.load.StoreLib;
import org.entente.server.EntenteServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search index of a store in a folder lives in {@code STORE/search-index/} and is kept across
 * restarts: a new server opens a current one without building it, and any change to the store made
 * while no server watched (another tool, a kill during a commit) makes it build again.
 */
class SearchIndexOnDiskTest {

    static final String IRI = "https://w3id.org/entente/id/person/";
    static final Node G = NodeFactory.createURI("http://example.org/g");
    static final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    static void addLabel(DatasetGraph dsg, String local, String label) {
        Txn.executeWrite(dsg, () -> dsg.add(G, NodeFactory.createURI(IRI + local), RDFS.label.asNode(), NodeFactory.createLiteralLang(label, "en")));
    }

    static String search(FusekiServer server, String q) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.getHttpPort() + "/search?q=" + q))
                                                      .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    /** A store with one label and a current index on disk, built by a server that is then stopped. */
    Path storeWithIndex() throws Exception {
        Path store = tmp.resolve("store");
        DatasetGraph dsg = StoreLib.open(store);
        addLabel(dsg, "quixote", "Quixote Windmill");
        FusekiServer server = EntenteServer.create().dataset(dsg).port(0).build().start();
        try {
            assertTrue(search(server, "Quixote").contains("/page/person/quixote"));
            SearchIndex index = SearchIndex.of(dsg);
            index.awaitCurrent(Duration.ofSeconds(30));
            assertEquals(1, index.builds(), "the first server builds the index once");
        } finally {
            server.stop();
            StoreLib.close(dsg);
        }
        return store;
    }

    static String manifest(Path store) throws Exception {
        return Files.readString(store.resolve("search-index").resolve("manifest.properties"));
    }

    @Test
    void aNewServerAnswersTheFirstSearchFromTheIndexOnDiskWithoutBuildingIt() throws Exception {
        Path store = storeWithIndex();
        String before = manifest(store);
        DatasetGraph dsg = StoreLib.open(store);
        FusekiServer server = EntenteServer.create().dataset(dsg).port(0).build().start();
        try {
            assertTrue(search(server, "Windmill").contains("/page/person/quixote"));
            SearchIndex index = SearchIndex.of(dsg);
            assertTrue(index.isCurrent());
            assertEquals(0, index.builds(), "the index on disk is current: nothing is built");
            assertEquals(before, manifest(store), "the manifest (with its build time) is unchanged");
        } finally {
            server.stop();
            StoreLib.close(dsg);
        }
    }

    @Test
    void aWriteWhileNoServerWatchedMakesTheNextStartRebuildAnsweringFromTheOldIndexMeanwhile() throws Exception {
        Path store = storeWithIndex();
        // Stock TDB2, as tdb2.tdbloader or stock Fuseki would write: no listener of ours counts this write.
        DatasetGraph stock = DatabaseMgr.connectDatasetGraph(Location.create(store));
        addLabel(stock, "sancho", "Sancho Panza");
        TDBInternal.expel(stock);

        DatasetGraph dsg = StoreLib.open(store);
        try {
            SearchIndex index = SearchIndex.of(dsg);
            assertEquals(List.of(IRI + "quixote"), uris(index.search("Quixote", 5)), "the old index answers at once");
            index.awaitCurrent(Duration.ofSeconds(30));
            assertEquals(1, index.builds());
            assertEquals(List.of(IRI + "sancho"), uris(index.search("Sancho", 5)));
        } finally {
            StoreLib.close(dsg);
        }
    }

    @Test
    void aWriteAtRunTimeIsIndexedOnDiskWithoutASearchAndTheNextStartKeepsIt() throws Exception {
        Path store = storeWithIndex();
        DatasetGraph dsg = StoreLib.open(store);
        try {
            SearchIndex index = SearchIndex.of(dsg);
            assertEquals(List.of(IRI + "quixote"), uris(index.search("Quixote", 5)));
            addLabel(dsg, "dulcinea", "Dulcinea Toboso");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            // isCurrent() starts nothing: the write itself started the rebuild.
            while (!index.isCurrent() && System.nanoTime() < deadline)
                Thread.sleep(20);
            assertTrue(index.isCurrent(), "the index caught up with the write with no search asking");
            assertEquals(1, index.builds());
        } finally {
            StoreLib.close(dsg);
        }
        DatasetGraph again = StoreLib.open(store);
        try {
            SearchIndex index = SearchIndex.of(again);
            assertEquals(List.of(IRI + "dulcinea"), uris(index.search("Dulcinea", 5)));
            assertTrue(index.isCurrent());
            assertEquals(0, index.builds(), "the index written after the write is current at the next start");
        } finally {
            StoreLib.close(again);
        }
    }

    @Test
    void aKillDuringACommitForcesARebuild() throws Exception {
        Path store = storeWithIndex();
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                                   System.getProperty("java.class.path"), HangInCommit.class.getName(), store.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null && !line.equals("COMMITTING"))
                seen.append(line).append('\n');
            assertEquals("COMMITTING", line, "the child never reached its commit:\n" + seen);
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
        }
        assertTrue(Files.exists(store.resolve("entente-generation.dirty")), "the kill left the dirty mark");

        DatasetGraph dsg = StoreLib.open(store);
        try {
            SearchIndex index = SearchIndex.of(dsg);
            assertFalse(Files.exists(store.resolve("entente-generation.dirty")), "opening takes the mark into account and clears it");
            index.search("Quixote", 5);
            index.awaitCurrent(Duration.ofSeconds(30));
            assertEquals(1, index.builds(), "an index built before the killed commit is not trusted");
            assertEquals(List.of(IRI + "quixote"), uris(index.search("Quixote", 5)));
            assertTrue(index.search("Neverwritten", 5).isEmpty(), "the killed commit did not happen");
        } finally {
            StoreLib.close(dsg);
        }
    }

    @Test
    void aLeftDirtyMarkForcesARebuild() throws Exception {
        Path store = storeWithIndex();
        Files.createFile(store.resolve("entente-generation.dirty"));
        DatasetGraph dsg = StoreLib.open(store);
        try {
            SearchIndex index = SearchIndex.of(dsg);
            index.awaitCurrent(Duration.ofSeconds(30));
            assertEquals(1, index.builds());
        } finally {
            StoreLib.close(dsg);
        }
    }

    @Test
    void aHalfBuiltIndexFolderIsIgnoredAndDeleted() throws Exception {
        Path store = storeWithIndex();
        Path half = store.resolve("search-index").resolve("index-99-killed");
        Files.createDirectories(half);
        Files.writeString(half.resolve("_0.cfs"), "half written");
        DatasetGraph dsg = StoreLib.open(store);
        try {
            SearchIndex index = SearchIndex.of(dsg);
            assertEquals(List.of(IRI + "quixote"), uris(index.search("Quixote", 5)));
            assertTrue(index.isCurrent());
            assertEquals(0, index.builds());
            assertFalse(Files.exists(half), "a folder no manifest names is deleted");
        } finally {
            StoreLib.close(dsg);
        }
    }

    @Test
    void aDeletedIndexIsBuiltAgainAndStockJenaStillOpensTheStore() throws Exception {
        Path store = storeWithIndex();
        DatasetGraph stock = DatabaseMgr.connectDatasetGraph(store.toString());
        try {
            long labels = Txn.calculateRead(stock, () -> stock.stream(Node.ANY, Node.ANY, RDFS.label.asNode(), Node.ANY).count());
            assertEquals(1, labels, "stock TDB2 reads the store beside the index and the generation files");
        } finally {
            TDBInternal.expel(stock);
        }
        org.entente.sys.FileLib.deleteTree(store.resolve("search-index"));
        DatasetGraph dsg = StoreLib.open(store);
        try {
            SearchIndex index = SearchIndex.of(dsg);
            assertEquals(List.of(IRI + "quixote"), uris(index.search("Quixote", 5)));
            assertEquals(1, index.builds());
            assertTrue(Files.isRegularFile(store.resolve("search-index").resolve("manifest.properties")));
        } finally {
            StoreLib.close(dsg);
        }
    }

    static List<String> uris(List<SearchIndex.Hit> hits) {
        return hits.stream().map(h -> h.resource().getURI()).toList();
    }
}

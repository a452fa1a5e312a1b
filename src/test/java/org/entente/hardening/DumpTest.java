package org.entente.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.entente.TestLib;
import org.entente.load.DumpLib;
import org.entente.load.Loader;
import org.entente.load.StoreLib;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dump loaded into an empty store gives the same dataset, by Jena's and by RDF4J's isomorphism. */
class DumpTest {

    @TempDir
    Path tmp;

    @Test
    void dumpAndReloadIsIsomorphic() throws Exception {
        DatasetGraph original = TestLib.seededStore(tmp.resolve("a"));
        Path dump = tmp.resolve("backup.nq.gz");
        long n = DumpLib.dump(original, dump);
        assertTrue(n > 1500);
        assertTrue(Files.exists(dump) && !Files.exists(tmp.resolve("backup.nq.gz.partial")));

        DatasetGraph copy = StoreLib.open(tmp.resolve("b"));
        try {
            Loader.create().dataset(copy).validate(false).build().load(List.of(dump));
            Txn.executeRead(original, () -> Txn.executeRead(copy, () -> {
                Set<Node> a = new HashSet<>(), b = new HashSet<>();
                original.listGraphNodes().forEachRemaining(a::add);
                copy.listGraphNodes().forEachRemaining(b::add);
                // The reload adds its own catalog entry; every other graph must match.
                a.remove(org.entente.load.LoadCatalog.GRAPH);
                b.remove(org.entente.load.LoadCatalog.GRAPH);
                assertEquals(a, b);
                for (Node g : a)
                    assertTrue(original.getGraph(g).isIsomorphicWith(copy.getGraph(g)), "graph " + g + " differs");
            }));
            // RDF4J, an independent stack, reads the dump and an N-Quads export of the copy, and agrees.
            Model fromDump;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(dump))) {
                fromDump = Rio.parse(in, "", RDFFormat.NQUADS);
            }
            Path copyDump = tmp.resolve("copy.nq");
            DatasetGraph mem = DatasetGraphFactory.createTxnMem();
            Txn.executeRead(copy, () -> copy.find().forEachRemaining(q -> {
                if (!q.getGraph().equals(org.entente.load.LoadCatalog.GRAPH))
                    mem.add(q);
            }));
            Txn.executeRead(original, () -> original.find(org.entente.load.LoadCatalog.GRAPH, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(mem::add));
            try (var os = Files.newOutputStream(copyDump)) {
                RDFDataMgr.write(os, mem, Lang.NQUADS);
            }
            Model fromCopy;
            try (InputStream in = Files.newInputStream(copyDump)) {
                fromCopy = Rio.parse(in, "", RDFFormat.NQUADS);
            }
            assertTrue(Models.isomorphic(fromDump, fromCopy), "RDF4J finds the datasets different");
        } finally {
            StoreLib.close(copy);
            StoreLib.close(original);
        }
    }
}

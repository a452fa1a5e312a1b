package org.entente.load;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.entente.TestLib;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A participation may represent any territory of the world reference data (which types every country as
 * {@code ent:Territory} and says by facts which are states), not only the few the project types {@code ent:State}
 * itself; it may not "represent" a person.
 */
class RepresentingShapeTest {

    @TempDir
    static Path tmp;

    static DatasetGraph dsg;

    @BeforeAll
    static void open() {
        dsg = TestLib.worldStore(tmp.resolve("store"));
    }

    @AfterAll
    static void close() {
        StoreLib.close(dsg);
    }

    private static Path participation(String name, String representing) throws Exception {
        Path file = tmp.resolve(name + ".trig");
        Files.writeString(file, """
            @prefix ent: <https://w3id.org/entente/ontology#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            <https://w3id.org/entente/id/source/%1$s> {
              <https://w3id.org/entente/id/source/%1$s> a ent:Source ; rdfs:label "A test source"@en .
              <https://w3id.org/entente/id/participation/%1$s> a ent:Participation ;
                rdfs:label "A test participation"@en ;
                ent:participant <https://w3id.org/entente/id/person/kim-jong-un> ;
                ent:event <https://w3id.org/entente/id/event/2025-09-03-victory-day-parade> ;
                ent:role <https://w3id.org/entente/id/concept/role/attendee> ;
                ent:status <https://w3id.org/entente/id/concept/participation-status/announced> ;
                ent:certainty <https://w3id.org/entente/id/concept/certainty/stated> ;
                ent:quote "a test statement"@en ;
                ent:representing <%2$s> .
            }
            """.formatted(name, representing));
        return file;
    }

    private static boolean holds(String name) {
        return Txn.calculateRead(dsg, () -> dsg.containsGraph(
            org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/entente/id/source/" + name)));
    }

    @Test
    void aTerritoryOfTheWorldDataMayBeRepresented() throws Exception {
        Loader.create().dataset(dsg).root(TestLib.home()).build()
            .load(List.of(participation("represents-india", "https://w3id.org/entente/id/state/ind")));
        assertTrue(holds("represents-india"));
    }

    @Test
    void aPersonMayNotBeRepresented() throws Exception {
        Path file = participation("represents-a-person", "https://w3id.org/entente/id/person/xi-jinping");
        ShaclGate.ValidationException ex = assertThrows(ShaclGate.ValidationException.class,
            () -> Loader.create().dataset(dsg).root(TestLib.home()).build().load(List.of(file)));
        assertTrue(ex.getMessage().contains("ent:representing"), ex.getMessage());
        assertTrue(!holds("represents-a-person"));
    }
}

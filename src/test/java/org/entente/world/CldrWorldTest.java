package org.entente.world;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.entente.TestLib;
import org.entente.load.SeedLib;
import org.entente.load.StoreLib;
import org.entente.vocab.ENT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every country and territory from CLDR, through ICU4J: counts, codes, names, regions, groupings. */
class CldrWorldTest {

    static DatasetGraph world;
    static byte[] nquads;

    @TempDir
    Path tmp;

    @BeforeAll
    static void generate() {
        nquads = CldrWorld.create().nquads();
        world = DatasetGraphFactory.create();
        RDFParser.source(new ByteArrayInputStream(nquads)).lang(Lang.NQUADS).parse(world);
    }

    static Node state(String slug) {
        return NodeFactory.createURI("https://w3id.org/entente/id/state/" + slug);
    }

    static Node lit(String s) {
        return NodeFactory.createLiteralString(s);
    }

    @Test
    void everyTerritoryOfCldrWithTheUnitedNationsMembersAsCldrGroupsThem() {
        long territories = world.stream(Node.ANY, Node.ANY, RDF.type.asNode(), ENT.node(ENT.Territory)).count();
        assertTrue(territories >= 249, "every ISO 3166-1 entry and CLDR's additions: " + territories);
        Node un = NodeFactory.createURI("https://w3id.org/entente/id/organization/un");
        long members = world.stream(Node.ANY, Node.ANY, ENT.node(ENT.organization), un).count();
        assertEquals(193, members, "the UN's member states");
        assertTrue(world.contains(Node.ANY, NodeFactory.createURI("https://w3id.org/entente/id/membership/prk-un"), ENT.node(ENT.member), state("prk")));
        assertFalse(world.contains(Node.ANY, NodeFactory.createURI("https://w3id.org/entente/id/membership/twn-un"), Node.ANY, Node.ANY),
                    "CLDR does not group Taiwan with the UN members");
    }

    @Test
    void codesAreRecordedOnlyWhereIsoAssignedThem() {
        assertTrue(world.contains(Node.ANY, state("prk"), ENT.node(ENT.isoAlpha2), lit("KP")));
        assertTrue(world.contains(Node.ANY, state("prk"), ENT.node(ENT.isoAlpha3), lit("PRK")));
        assertTrue(world.contains(Node.ANY, state("prk"), ENT.node(ENT.isoNumeric), lit("408")));
        assertTrue(world.contains(Node.ANY, state("ata"), ENT.node(ENT.isoNumeric), lit("010")), "zero-padded");
        assertTrue(world.contains(Node.ANY, state("xk"), ENT.node(ENT.cldrCode), lit("XK")), "Kosovo, by CLDR's own code");
        assertFalse(world.contains(Node.ANY, state("xk"), ENT.node(ENT.isoAlpha3), Node.ANY), "no ISO code ISO never assigned");
        assertFalse(world.contains(Node.ANY, state("xk"), ENT.node(ENT.isoNumeric), Node.ANY));
    }

    @Test
    void namesInNineLanguagesWithShortAndVariantForms() {
        for (String lang : CldrWorld.LANGUAGES)
            assertTrue(world.stream(Node.ANY, state("vnm"), RDFS.label.asNode(), Node.ANY)
                            .anyMatch(q -> q.getObject().getLiteralLanguage().equals(lang)), "Vietnam in " + lang);
        assertTrue(world.contains(Node.ANY, state("vnm"), RDFS.label.asNode(), NodeFactory.createLiteralLang("베트남", "ko")));
        assertTrue(world.contains(Node.ANY, state("gbr"), SKOS.altLabel.asNode(), NodeFactory.createLiteralLang("UK", "en")));
        assertTrue(world.contains(Node.ANY, state("cod"), SKOS.altLabel.asNode(), NodeFactory.createLiteralLang("Congo (DRC)", "en")));
    }

    @Test
    void regionsAndSubregionsFromTerritoryContainment() {
        Node asia = NodeFactory.createURI("https://w3id.org/entente/id/region/142");
        Node easternAsia = NodeFactory.createURI("https://w3id.org/entente/id/region/030");
        assertTrue(world.contains(Node.ANY, state("prk"), ENT.node(ENT.region), asia));
        assertTrue(world.contains(Node.ANY, state("prk"), ENT.node(ENT.subregion), easternAsia));
        assertTrue(world.contains(Node.ANY, easternAsia, RDFS.label.asNode(), NodeFactory.createLiteralLang("Eastern Asia", "en")));
    }

    @Test
    void theSourceGraphNamesCldrAndIcuAndNothingIsOutsideIt() {
        Node source = NodeFactory.createURI(CldrWorld.SOURCE);
        assertTrue(world.stream().allMatch(q -> q.getGraph().equals(source)), "one graph");
        String label = world.stream(source, source, RDFS.label.asNode(), Node.ANY).findFirst().orElseThrow().getObject().getLiteralLexicalForm();
        assertTrue(label.contains("CLDR " + CldrWorld.cldrVersion()) && label.contains("ICU4J " + CldrWorld.icuVersion()), label);
    }

    @Test
    void theSameLibraryGivesTheSameBytesAndFingerprint() {
        assertArrayEquals(nquads, CldrWorld.create().nquads());
        assertEquals(CldrWorld.create().fingerprint(), CldrWorld.create().fingerprint());
    }

    @Test
    void seedingLoadsItThroughTheGateOnceAndNotAgainWhenUnchanged() {
        DatasetGraph dsg = StoreLib.open(tmp.resolve("store"));
        try {
            SeedLib.SyncResult first = SeedLib.sync(dsg, TestLib.home(), List.of(CldrWorld.create()));
            assertTrue(first.loaded().contains("generated/cldr.nq"), first.loaded().toString());
            SeedLib.SyncResult again = SeedLib.sync(dsg, TestLib.home(), List.of(CldrWorld.create()));
            assertFalse(again.changed(), "an unchanged library is not loaded again");
            long n = Txn.calculateRead(dsg, () -> dsg.stream(Node.ANY, Node.ANY, RDF.type.asNode(), ENT.node(ENT.Territory)).count());
            assertTrue(n >= 249);
            SeedLib.SyncResult without = SeedLib.sync(dsg, TestLib.home(), List.of());
            assertTrue(without.removed().contains("generated/cldr.nq"), "a seed no longer generated is dropped");
        } finally {
            StoreLib.close(dsg);
        }
    }
}

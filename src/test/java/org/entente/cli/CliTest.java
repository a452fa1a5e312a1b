package org.entente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.entente.TestLib;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in process: exit codes and messages. */
class CliTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setProperty("entente.home", TestLib.home().toString());
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    private String store() {
        return tmp.resolve("store").toString();
    }

    @Test
    void versionNamesTheBuildAndTheJenaItWasBuiltOn() {
        assertEquals(0, Main.run("--version"));
        String v = out.toString(StandardCharsets.UTF_8).strip();
        assertTrue(v.matches("entente \\d+\\.\\d+\\.\\d+\\S* \\(Apache Jena 5\\.\\d+\\.\\d+\\)"), v);
        assertTrue(org.entente.federation.ServicePolicy.DEFAULT_USER_AGENT.endsWith("Apache-Jena/" + org.entente.sys.EntenteSys.JENA_VERSION),
                   "the User-Agent Wikidata sees names the real version");
    }

    @Test
    void loadThenQueryAsCsv() {
        assertEquals(0, Main.run("load", "--store", store(), TestLib.home().resolve("ontology").toString(), TestLib.home().resolve("data").toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Loaded"));
        out.reset();
        assertEquals(0, Main.run("query", "--store", store(), "invited-not-confirmed", "--format", "csv"));
        String csv = out.toString(StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("name,representing,eventName,opportunity"), csv);
        assertTrue(csv.contains("Lee Jae Myung,South Korea"), csv);
    }

    @Test
    void queryWithATypedParameter() {
        Main.run("load", "--store", store(), TestLib.home().resolve("ontology").toString(), TestLib.home().resolve("data").toString());
        out.reset();
        assertEquals(0, Main.run("query", "--store", store(), "office-holders-on-date", "--param", "date=2005-06-01", "--format", "tsv"));
        String tsv = out.toString(StandardCharsets.UTF_8);
        assertTrue(tsv.contains("Vladimir Putin") && !tsv.contains("Xi Jinping"), tsv);
        assertEquals(Main.EXIT_FAILED, Main.run("query", "--store", store(), "office-holders-on-date", "--param", "date=someday"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("'someday' is not a valid xsd:date"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void badFileFailsWithPositionAndExitCode() {
        int rc = Main.run("load", "--store", store(), TestLib.home().resolve("src/test/resources/load/bad-syntax-line-3.ttl").toString());
        assertEquals(Main.EXIT_FAILED, rc);
        assertTrue(err.toString(StandardCharsets.UTF_8).matches("(?s).*bad-syntax-line-3\\.ttl:3:\\d+: .*"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void loadRefusesAReplicatedStoreAndSaysToWriteThroughTheWriter() {
        var dsg = org.entente.load.StoreLib.open(tmp.resolve("store"));
        var g = org.apache.jena.graph.NodeFactory.createURI(org.entente.replication.ReplicationState.GRAPH);
        org.apache.jena.system.Txn.executeWrite(dsg, () -> dsg.add(g, g, org.apache.jena.graph.NodeFactory.createURI(org.entente.replication.ReplicationState.GRAPH + "#offset"),
                                                                   org.apache.jena.graph.NodeFactory.createLiteralDT("7", org.apache.jena.datatypes.xsd.XSDDatatype.XSDlong)));
        org.entente.load.StoreLib.close(dsg);
        assertEquals(Main.EXIT_FAILED, Main.run("load", "--store", store(), TestLib.home().resolve("data").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("write through the writer's server"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void validateChecksWithoutAStore() {
        assertEquals(0, Main.run("validate", TestLib.home().resolve("data").toString()));
        assertEquals(Main.EXIT_FAILED, Main.run("validate", TestLib.home().resolve("src/test/resources/load/participation-without-status.ttl").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("path: ent:status"));
    }

    @Test
    void listShowsQueriesAndParameters() {
        assertEquals(0, Main.run("query", "--list"));
        String s = out.toString(StandardCharsets.UTF_8);
        assertTrue(s.contains("office-holders-on-date") && s.contains("--param date=<xsd:date>"), s);
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(2, Main.run("load", "--nope", "x"));
    }
}

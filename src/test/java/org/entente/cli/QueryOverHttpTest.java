package org.entente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.CounterName;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.sparql.core.DatasetGraph;
import org.entente.TestLib;
import org.entente.load.StoreLib;
import org.entente.ops.ServerFile;
import org.entente.server.EntenteServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code entente query} on a store a server holds asks that server, and prints the same bytes as it
 * prints from the store itself: compared on two copies of one store, one opened here, one served.
 */
class QueryOverHttpTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream oldOut;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setProperty("entente.home", TestLib.home().toString());
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
    }

    private String run(String... args) {
        out.reset();
        int rc = Main.run(args);
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, rc, String.join(" ", args) + "\n" + text);
        return text;
    }

    private static List<String[]> cases() {
        List<String[]> cases = new ArrayList<>();
        for (String format : List.of("csv", "tsv", "json", "table")) {
            cases.add(new String[] { "invited-not-confirmed", "--format", format });
            cases.add(new String[] { "office-holders-on-date", "--param", "date=2025-09-03", "--format", format });
            cases.add(new String[] { "person-timeline", "--param", "person=https://w3id.org/entente/id/person/kim-jong-un", "--format", format });
        }
        return cases;
    }

    private static String[] concat(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    @Test
    void queryOnAServedStoreAsksTheServerAndPrintsTheSameBytes() throws IOException {
        Path local = tmp.resolve("local");
        Path served = tmp.resolve("served");
        run("load", "--store", local.toString(), TestLib.home().resolve("ontology").toString(), TestLib.home().resolve("data").toString());
        copy(local, served);

        List<String> expected = new ArrayList<>();
        for (String[] c : cases())
            expected.add(run(concat(new String[] { "query", "--store", local.toString() }, c)));

        DatasetGraph dsg = StoreLib.open(served);
        FusekiServer server = EntenteServer.create().dataset(dsg).port(0).build().start();
        try {
            ServerFile.write(served, server.serverURL());
            List<String> cases = cases().stream().map(c -> String.join(" ", c)).toList();
            for (int i = 0; i < cases.size(); i++) {
                String got = run(concat(new String[] { "query", "--store", served.toString() }, cases().get(i)));
                assertTrue(got.length() > 40, "an answer with rows: " + got);
                assertEquals(expected.get(i), got, cases.get(i));
            }
            assertEquals(cases.size(), requests(server), "every query went to the server");
            // --endpoint names the server outright.
            String viaEndpoint = run(concat(new String[] { "query", "--endpoint", server.datasetURL("/kg") + "/sparql" }, cases().get(0)));
            assertEquals(expected.get(0), viaEndpoint);
        } finally {
            ServerFile.remove(served);
            server.stop();
            StoreLib.close(dsg);
        }
        assertTrue(ServerFile.running(served).isEmpty(), "the file is gone on a clean stop");
    }

    @Test
    void aFileLeftByADeadServerIsIgnored() throws IOException {
        Path store = tmp.resolve("store");
        run("load", "--store", store.toString(), TestLib.home().resolve("ontology").toString(), TestLib.home().resolve("data").toString());
        // A crashed server's file: its process no longer runs, its port answers nothing.
        Files.writeString(store.resolve(ServerFile.NAME), "{\"url\":\"http://127.0.0.1:9/\",\"pid\":" + deadPid() + "}\n");
        assertTrue(ServerFile.running(store).isEmpty());
        String csv = run("query", "--store", store.toString(), "invited-not-confirmed", "--format", "csv");
        assertTrue(csv.startsWith("name,representing,eventName,opportunity"), csv);
    }

    private static long deadPid() throws IOException {
        try {
            Process p = new ProcessBuilder("true").start();
            p.waitFor();
            return p.pid();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException(ex);
        }
    }

    private static long requests(FusekiServer server) {
        return server.getDataAccessPointRegistry().get("/kg").getDataService().getEndpoints(Operation.Query).stream()
                     .mapToLong(e -> e.getCounters().value(CounterName.Requests)).sum();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f))
                    Files.createDirectories(target);
                else if (!f.getFileName().toString().equals("tdb.lock"))
                    Files.copy(f, target);
            }
        }
    }
}

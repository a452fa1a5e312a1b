package org.entente.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.web.HttpSC;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.entente.TestLib;
import org.entente.http.HttpLib;
import org.entente.load.StoreLib;
import org.entente.server.EntenteServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Metrics, the health check, the access log and HTTPS, on real servers over a real TDB2 store. */
class OpsTest {

    static final String USER = "editor";
    static final String PASSWORD = "s3cret-ops-never-logged";

    @TempDir
    static Path tmp;

    static DatasetGraph dsg;
    static Path passwd;
    /** With users; queries stop after a second. */
    static FusekiServer server;
    /** Without a password file. */
    static FusekiServer openServer;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        dsg = TestLib.seededStore(tmp.resolve("store"));
        passwd = Files.writeString(tmp.resolve("passwd"), USER + ": " + PASSWORD + "\n");
        server = EntenteServer.create().dataset(dsg).port(0).passwordFile(passwd).timeoutMillis(1000).build().start();
        openServer = EntenteServer.create().dataset(dsg).port(0).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
        openServer.stop();
        StoreLib.close(dsg);
    }

    static HttpResponse<String> get(String url, boolean authed) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (authed)
            b.header("Authorization", HttpLib.basicAuth(USER, PASSWORD));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> put(String url, String turtle) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", HttpLib.basicAuth(USER, PASSWORD))
            .header("Content-Type", "text/turtle").PUT(HttpRequest.BodyPublishers.ofString(turtle)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    static String ask(FusekiServer s) {
        return s.datasetURL("/kg") + "/sparql?query=" + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8);
    }

    /** The value of the first sample of a metric whose line matches all the given fragments. */
    static double sample(String metrics, String name, String... fragments) {
        for (String line : metrics.split("\n")) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " "))
                continue;
            boolean all = true;
            for (String f : fragments)
                all &= line.contains(f);
            if (all)
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
        throw new AssertionError("no sample " + name + " " + List.of(fragments) + " in\n" + metrics);
    }

    @Test
    void metricsAreForUsersUnlessPublic() throws Exception {
        assertEquals(HttpSC.UNAUTHORIZED_401, get(server.serverURL() + "$/metrics", false).statusCode());
        assertEquals(HttpSC.FORBIDDEN_403, get(openServer.serverURL() + "$/metrics", false).statusCode());
        HttpResponse<String> m = get(server.serverURL() + "$/metrics", true);
        assertEquals(HttpSC.OK_200, m.statusCode());
        assertTrue(m.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        FusekiServer publicServer = EntenteServer.create().dataset(dsg).port(0).publicMetrics(true).build().start();
        try {
            assertEquals(HttpSC.OK_200, get(publicServer.serverURL() + "$/metrics", false).statusCode());
            assertEquals(HttpSC.FORBIDDEN_403, get(publicServer.serverURL() + "$/stats", false).statusCode(), "only the metrics open up");
        } finally {
            publicServer.stop();
        }
    }

    @Test
    void metricsCountRequestsByEndpointAndStatus() throws Exception {
        for (int i = 0; i < 3; i++)
            assertEquals(HttpSC.OK_200, get(ask(server), false).statusCode());
        assertEquals(HttpSC.UNAUTHORIZED_401, get(server.serverURL() + "$/metrics", false).statusCode());
        assertEquals(HttpSC.NOT_FOUND_404, get(server.serverURL() + "no/such/" + System.nanoTime(), false).statusCode());
        String m = get(server.serverURL() + "$/metrics", true).body();
        assertTrue(sample(m, "entente_http_requests_seconds_count", "endpoint=\"/kg/sparql\"", "method=\"GET\"", "status=\"200\"") >= 3, m);
        assertTrue(sample(m, "entente_http_requests_seconds_sum", "endpoint=\"/kg/sparql\"", "status=\"200\"") > 0);
        assertTrue(sample(m, "entente_http_requests_seconds_count", "endpoint=\"other\"", "status=\"404\"") >= 1);
        assertFalse(m.contains("no/such"), "paths are not labels");
        // Requests refused before any servlet count too.
        assertTrue(sample(m, "entente_http_requests_seconds_count", "endpoint=\"/$/metrics\"", "status=\"401\"") >= 1);
    }

    @Test
    void metricsFollowTheStoreAndCountTimeouts() throws Exception {
        String before = get(server.serverURL() + "$/metrics", true).body();
        double triples = sample(before, "entente_store_triples");
        double generation = sample(before, "entente_store_generation");
        assertTrue(triples > 1000, "the seeded store's size: " + triples);
        assertTrue(sample(before, "entente_loads_total") >= 1, "the seed was loaded in this process");
        assertTrue(put(server.datasetURL("/kg") + "/data?graph=http://e/metrics", "<http://e/s> <http://e/p> 1, 2 .").statusCode() < 300);
        String after = get(server.serverURL() + "$/metrics", true).body();
        assertEquals(triples + 2, sample(after, "entente_store_triples"));
        assertEquals(generation + 1, sample(after, "entente_store_generation"));

        String heavy = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
        HttpResponse<String> r = get(server.datasetURL("/kg") + "/sparql?query=" + URLEncoder.encode(heavy, StandardCharsets.UTF_8), false);
        assertEquals(HttpSC.SERVICE_UNAVAILABLE_503, r.statusCode(), r.body());
        String m = get(server.serverURL() + "$/metrics", true).body();
        assertTrue(sample(m, "fuseki_query_timeouts", "endpoint=\"sparql\"") >= 1, m);
        // The store's size was counted once for this generation, then answered from the cache.
        get(server.serverURL() + "$/metrics", true);
        String again = get(server.serverURL() + "$/metrics", true).body();
        assertTrue(sample(again, "entente_cache_hits_total", "cache=\"store-triples\"") >= 1, again);
        assertTrue(sample(again, "entente_cache_misses_total", "cache=\"store-triples\"") >= 2, "one count per generation seen");
    }

    @Test
    void healthSaysReadyStartingOrUnhealthy() throws Exception {
        HttpResponse<String> ok = get(openServer.serverURL() + "$/health", false);
        assertEquals(HttpSC.OK_200, ok.statusCode());
        JsonObject h = JSON.parse(ok.body());
        assertEquals("ready", h.get("status").getAsString().value());
        assertEquals("open", h.get("store").getAsString().value());
        assertEquals("none", h.get("seed").getAsString().value());
        assertTrue(h.get("diskFreeBytes").getAsNumber().value().longValue() > 0);

        Readiness readiness = Readiness.seeding();
        FusekiServer starting = EntenteServer.create().dataset(dsg).port(0).readiness(readiness).build().start();
        FusekiServer full = EntenteServer.create().dataset(dsg).port(0).minFreeDiskBytes(Long.MAX_VALUE).build().start();
        try {
            HttpResponse<String> s = get(starting.serverURL() + "$/health", false);
            assertEquals(HttpSC.SERVICE_UNAVAILABLE_503, s.statusCode());
            assertEquals("starting", JSON.parse(s.body()).get("status").getAsString().value());
            readiness.seedLoaded();
            HttpResponse<String> loaded = get(starting.serverURL() + "$/health", false);
            assertEquals(HttpSC.OK_200, loaded.statusCode());
            assertEquals("loaded", JSON.parse(loaded.body()).get("seed").getAsString().value());
            HttpResponse<String> disk = get(full.serverURL() + "$/health", false);
            assertEquals(HttpSC.SERVICE_UNAVAILABLE_503, disk.statusCode());
            assertEquals("unhealthy", JSON.parse(disk.body()).get("status").getAsString().value());
        } finally {
            starting.stop();
            full.stop();
        }
    }

    @Test
    void accessLogHasOneLinePerRequestAndNoSecrets() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        AbstractAppender capture = new AbstractAppender("access-capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                if ("entente.access".equals(event.getLoggerName()))
                    lines.add(event.getMessage().getFormattedMessage());
            }
        };
        capture.start();
        LoggerConfig access = new LoggerConfig("entente.access", Level.INFO, true);
        config.addLogger("entente.access", access);
        LoggerConfig root = config.getRootLogger();
        root.addAppender(capture, Level.ALL, null);
        ctx.updateLoggers();
        try {
            get(ask(server), false);
            put(server.datasetURL("/kg") + "/data?graph=http://e/secret-graph-name", "<http://e/s> <http://e/p> 3 .");
            http.send(HttpRequest.newBuilder(URI.create(server.datasetURL("/kg") + "/update?token=secret-in-query"))
                .header("Authorization", HttpLib.basicAuth(USER, "wrong-" + PASSWORD)).header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA {}")).build(), HttpResponse.BodyHandlers.ofString());
            Thread.sleep(200);
        } finally {
            root.removeAppender("access-capture");
            config.removeLogger("entente.access");
            ctx.updateLoggers();
        }
        assertEquals(3, lines.size(), lines.toString());
        Pattern shape = Pattern.compile("time=\\S+ method=(\\S+) path=(\\S+) status=(\\d+) bytes=(\\d+) ms=(\\d+) user=(\\S+)");
        Matcher read = shape.matcher(lines.get(0));
        assertTrue(read.matches(), lines.get(0));
        assertEquals("GET", read.group(1));
        assertTrue(read.group(2).startsWith("/kg/sparql?query="), "a read's query string is kept: " + lines.get(0));
        assertEquals("200", read.group(3));
        assertTrue(Long.parseLong(read.group(4)) > 0);
        assertEquals("-", read.group(6));
        Matcher write = shape.matcher(lines.get(1));
        assertTrue(write.matches(), lines.get(1));
        assertEquals("/kg/data", write.group(2));
        assertEquals(USER, write.group(6));
        Matcher refused = shape.matcher(lines.get(2));
        assertTrue(refused.matches(), lines.get(2));
        assertEquals("/kg/update", refused.group(2));
        assertEquals("401", refused.group(3));
        String encoded = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        for (String line : lines)
            assertFalse(line.contains(PASSWORD) || line.contains(encoded) || line.contains("secret"), "a secret in the access log: " + line);
    }

    @Test
    void httpsWithASelfSignedCertificate() throws Exception {
        Path keystore = tmp.resolve("entente.p12");
        String storePassword = "changeit-" + System.nanoTime();
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
            "-genkeypair", "-alias", "entente", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
            "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
            "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", storePassword, "-keypass", storePassword)
            .redirectErrorStream(true).start();
        String out = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, keytool.waitFor(), out);

        FusekiServer tls = EntenteServer.create().dataset(dsg).port(0).host("0.0.0.0").passwordFile(passwd)
                                        .https(keystore, storePassword, 0).build().start();
        try {
            for (Connector c : tls.getJettyServer().getConnectors()) {
                ServerConnector sc = (ServerConnector) c;
                if (sc.getConnectionFactory(SslConnectionFactory.class) == null)
                    assertEquals("127.0.0.1", sc.getHost(), "plain HTTP is loopback only when HTTPS is on");
            }
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                trusted.load(in, storePassword.toCharArray());
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            HttpClient client = HttpClient.newBuilder().sslContext(ssl).build();
            String base = "https://localhost:" + tls.getHttpsPort();
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(base + "/$/health")).build(),
                                                      HttpResponse.BodyHandlers.ofString());
            assertEquals(HttpSC.OK_200, health.statusCode());
            HttpResponse<String> write = client.send(HttpRequest.newBuilder(URI.create(base + "/kg/data?graph=http://e/tls"))
                .header("Authorization", HttpLib.basicAuth(USER, PASSWORD)).header("Content-Type", "text/turtle")
                .PUT(HttpRequest.BodyPublishers.ofString("<http://e/s> <http://e/p> 1 .")).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(write.statusCode() < 300, write.statusCode() + " " + write.body());
            // A client that does not trust the certificate gets no answer.
            assertTrue(failsHandshake(base + "/$/health"));
        } finally {
            tls.stop();
        }
    }

    private static boolean failsHandshake(String url) throws InterruptedException {
        try {
            http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            return false;
        } catch (IOException expected) {
            return true;
        }
    }
}

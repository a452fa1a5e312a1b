package org.entente;

import java.nio.file.Path;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.entente.load.StoreLib;
import org.entente.server.EntenteServer;
import org.openqa.selenium.WebDriver;

/**
 * What a browser test runs against: a store, an Entente server over it on port 0, and a headless
 * Chromium ({@link TestBrowser}); closed in the reverse order, each part only if it was started.
 * <pre>
 *   session = BrowserSession.start(tmp, dsg, EntenteServer.create().dataset(dsg).port(0), 1600);
 *   session.browser().get(session.url("/states"));
 * </pre>
 */
public record BrowserSession(DatasetGraph dsg, FusekiServer server, WebDriver browser) implements AutoCloseable {

    /** Starts the server built from {@code server} and a browser window {@code height} pixels high; the store is closed on failure. */
    public static BrowserSession start(Path tmp, DatasetGraph dsg, EntenteServer.Builder server, int height) throws Exception {
        FusekiServer running = null;
        try {
            running = server.build().start();
            return new BrowserSession(dsg, running, TestBrowser.start(tmp.resolve("chrome-profile"), height));
        } catch (Exception | Error ex) {
            new BrowserSession(dsg, running, null).close();
            throw ex;
        }
    }

    /** The address of a path on the server, as the browser asks for it. */
    public String url(String path) {
        return "http://localhost:" + server.getHttpPort() + path;
    }

    @Override
    public void close() {
        if (browser != null)
            browser.quit();
        if (server != null)
            server.stop();
        if (dsg != null)
            StoreLib.close(dsg);
    }
}

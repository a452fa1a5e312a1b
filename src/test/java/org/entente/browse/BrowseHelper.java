package org.entente.browse;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.apache.jena.fuseki.main.FusekiServer;

/** Small helpers for the browse tests. */
final class BrowseHelper {
    private BrowseHelper() {}

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A page of the server as a browser asks for it ({@code path} starts with a slash). */
    static HttpResponse<String> getHtml(FusekiServer server, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.serverURL() + path.substring(1))).header("Accept", "text/html").build(),
                         HttpResponse.BodyHandlers.ofString());
    }

    /** Searches once, so that the index is built, and waits while the page says it is catching up. */
    static void awaitSearch(FusekiServer server) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long end = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < end) {
            String html = http.send(HttpRequest.newBuilder(URI.create(server.serverURL() + "search?q=warmup")).build(),
                                    HttpResponse.BodyHandlers.ofString()).body();
            if (!html.contains("index-behind"))
                return;
            Thread.sleep(50);
        }
        throw new AssertionError("the search index did not catch up");
    }
}

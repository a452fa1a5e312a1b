package org.entente.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Small HTTP helpers shared by the server, the command line, the benchmark and the tests. */
public final class HttpLib {
    private HttpLib() {}

    /** The value of an {@code Authorization} header for HTTP Basic authentication (RFC 7617, UTF-8). */
    public static String basicAuth(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}

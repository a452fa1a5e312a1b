package org.entente.server.limits;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

/** Helpers the request limits share: reading a request's media type, and refusing a request. */
final class LimitsLib {

    private LimitsLib() {}

    /** The media type of a {@code Content-Type} value, lower case and without parameters; empty when there is none. */
    static String mediaType(String contentType) {
        return contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    }

    /** Answers the request with an error status and a message saying why. */
    static void refuse(ServletResponse response, int status, String message) throws IOException {
        ((HttpServletResponse) response).sendError(status, message);
    }
}

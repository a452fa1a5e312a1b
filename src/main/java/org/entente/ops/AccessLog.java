package org.entente.ops;

import java.security.Principal;
import java.time.Instant;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.entente.sys.EntenteLog;

/**
 * One line per request on {@code entente.access}, as key=value pairs:
 * <pre>
 *   time=2025-06-01T10:00:00.123Z method=GET path="/kg/sparql?query=ASK%7B%7D" status=200 bytes=53 ms=4 user=-
 * </pre>
 * The query string is logged only for reads (GET, HEAD): a write's may carry what it writes. No header
 * is ever logged, so neither are credentials; the user is the name the server authenticated, never the
 * password.
 */
final class AccessLog implements RequestLog {

    /** A read's query string is cut here: a long SPARQL query in the log is noise. */
    static final int MAX_QUERY = 1_000;

    @Override
    public void log(Request request, Response response) {
        if (!EntenteLog.accessLog.isInfoEnabled())
            return;
        String method = request.getMethod();
        String path = request.getHttpURI().getPath();
        String query = request.getHttpURI().getQuery();
        if (query != null && ("GET".equals(method) || "HEAD".equals(method)))
            path = path + "?" + (query.length() > MAX_QUERY ? query.substring(0, MAX_QUERY) + "..." : query);
        long ms = (System.nanoTime() - request.getBeginNanoTime()) / 1_000_000;
        EntenteLog.accessLog.info("time={} method={} path={} status={} bytes={} ms={} user={}",
                                  Instant.ofEpochMilli(Request.getTimeStamp(request)), quote(method), quote(path),
                                  response.getStatus(), Response.getContentBytesWritten(response), ms, quote(user(request)));
    }

    private static String user(Request request) {
        Request.AuthenticationState state = Request.getAuthenticationState(request);
        Principal p = state == null ? null : state.getUserPrincipal();
        return p == null ? "-" : p.getName();
    }

    /** A value as is when it is plain, else in double quotes with quotes, backslashes and controls escaped. */
    static String quote(String v) {
        if (v.matches("[A-Za-z0-9._/:@%+~?=&,;$-]+"))
            return v;
        StringBuilder sb = new StringBuilder("\"");
        for (char c : v.toCharArray()) {
            if (c == '"' || c == '\\')
                sb.append('\\').append(c);
            else if (c < 0x20 || c == 0x7f)
                sb.append(String.format("\\u%04x", (int) c));
            else
                sb.append(c);
        }
        return sb.append('"').toString();
    }
}

package org.entente.server;

import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Sends the SPARQL editor's calls ({@code /ui/$/...}, {@code /ui/kg/...}) to the server paths they stand
 * for ({@link ConsolePaths#route}), by rewriting the request's URI in front of the servlet context:
 * the rewritten request then meets the same filters (admin guard, request limits, credentials) as one
 * sent to the real path, which a servlet forward would bypass.
 */
final class ConsoleRouting extends Handler.Wrapper {

    ConsoleRouting(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String target = ConsolePaths.route(request.getHttpURI().getPath());
        if (target == null)
            return super.handle(request, response, callback);
        HttpURI routed = HttpURI.build(request.getHttpURI()).path(target).asImmutable();
        return super.handle(new Request.Wrapper(request) {
            @Override
            public HttpURI getHttpURI() {
                return routed;
            }
        }, response, callback);
    }
}

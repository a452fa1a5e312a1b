package org.entente.ops;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;

/** The access log ({@link AccessLog}) on the server's Jetty, which sees every request, refused or served. */
public final class FMod_AccessLog implements FusekiModule {

    @Override
    public String name() {
        return "Entente access log";
    }

    @Override
    public void server(FusekiServer server) {
        OpsLib.addRequestLog(server.getJettyServer(), new AccessLog());
    }
}

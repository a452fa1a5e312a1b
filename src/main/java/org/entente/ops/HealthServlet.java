package org.entente.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.web.HttpSC;
import org.entente.sys.EntenteLog;

/** {@code GET /$/health}: 200 and the checks when ready, 503 and the checks otherwise; never cached. */
final class HealthServlet extends HttpServlet {

    private final DatasetGraph dsg;
    private final Path storeDir;
    private final Readiness readiness;
    private final long minFreeDisk;

    HealthServlet(DatasetGraph dsg, Readiness readiness, long minFreeDisk) {
        this.dsg = dsg;
        this.storeDir = OpsLib.storeDir(dsg);
        this.readiness = readiness;
        this.minFreeDisk = minFreeDisk;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Health h = Health.of(storeOpen(), readiness.seed(), diskFree(), minFreeDisk, readiness.replication());
        resp.setStatus(h.ready() ? HttpSC.OK_200 : HttpSC.SERVICE_UNAVAILABLE_503);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.getOutputStream().write(h.toJson().getBytes(StandardCharsets.UTF_8));
    }

    private boolean storeOpen() {
        try {
            Txn.executeRead(dsg, () -> dsg.isEmpty());
            return true;
        } catch (RuntimeException ex) {
            EntenteLog.serverLog.warn("Health check: the store cannot be read: {}", ex.getMessage());
            return false;
        }
    }

    private Long diskFree() {
        if (storeDir == null)
            return null;
        try {
            return Files.getFileStore(storeDir).getUsableSpace();
        } catch (IOException ex) {
            EntenteLog.serverLog.warn("Health check: cannot read the free space of {}: {}", storeDir, ex.getMessage());
            return 0L;
        }
    }
}

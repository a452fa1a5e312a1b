package org.entente.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads, side by side: {@code entente load} (with the SHACL gate, and without) against Jena's
 * {@code tdb2.tdbloader} (default loader) on the same file into fresh stores, each in its own JVM with
 * the same heap, alternating, best of the rounds. Whole-process time, JVM start included for both.
 */
final class LoadBench {
    private final Path jar;
    private final Path fuseki;
    private final Path work;

    LoadBench(Path jar, Path fuseki, Path work) {
        this.jar = jar;
        this.fuseki = fuseki;
        this.work = work;
    }

    /** Loads our generated data; the store of the first validated round is kept at {@code keep}. */
    Map<String, Object> ours(Path data, long quads, int rounds, Path keep) throws Exception {
        List<Double> gated = new ArrayList<>(), ungated = new ArrayList<>(), tdb = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            Path store = r == 0 ? keep : work.resolve("load-ours-" + r);
            gated.add(quads / Procs.timed(Procs.java("-Xmx2g", "-jar", jar.toString(), "load", "--store", store.toString(), data.toString()), work));
            Path t = work.resolve("load-tdb-" + r);
            tdb.add(quads / Procs.timed(Procs.java("-Xmx2g", "-cp", fuseki.toString(), "tdb2.tdbloader", "--loc", t.toString(), data.toString()), work));
            Procs.deleteTree(t);
            Path n = work.resolve("load-nogate-" + r);
            ungated.add(quads / Procs.timed(Procs.java("-Xmx2g", "-jar", jar.toString(), "load", "--no-validate", "--store", n.toString(), data.toString()), work));
            Procs.deleteTree(n);
            if (r > 0)
                Procs.deleteTree(store);
        }
        double o = Collections.max(gated), t = Collections.max(tdb), ng = Collections.max(ungated);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("entente_tps", Math.round(o));
        m.put("entente_no_validate_tps", Math.round(ng));
        m.put("tdb2_tdbloader_tps", Math.round(t));
        m.put("ratio", Latency.round3(o / t));
        m.put("ratio_no_validate", Latency.round3(ng / t));
        m.put("store_mb", Procs.sizeOnDiskMb(keep));
        m.put("note", "best of " + rounds + " alternating rounds, whole process with JVM start, -Xmx2g each, fresh store each time; "
                      + "entente with its SHACL gate (ratio) and without (ratio_no_validate); tdb2.tdbloader with its default (phased) loader");
        return m;
    }

    /**
     * Loads the BSBM dataset (N-Triples) once each way; our store is kept at {@code keep}. Both put the
     * triples in the same named graph (ours does so by default, one graph per file), so both stores end
     * up the same: six quad indexes to build, not the default graph's three.
     */
    Map<String, Object> bsbm(Path data, long triples, Path keep) throws Exception {
        double o = triples / Procs.timed(Procs.java("-Xmx2g", "-jar", jar.toString(), "load", "--store", keep.toString(), data.toString()), work);
        Path t = work.resolve("load-bsbm-tdb");
        String graph = org.entente.load.Loader.graphFor(data).getURI();
        double s = triples / Procs.timed(Procs.java("-Xmx2g", "-cp", fuseki.toString(), "tdb2.tdbloader", "--loc", t.toString(), "--graph", graph,
                                                    data.toString()), work);
        Procs.deleteTree(t);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("entente_tps", Math.round(o));
        m.put("tdb2_tdbloader_tps", Math.round(s));
        m.put("ratio", Latency.round3(o / s));
        m.put("note", "BSBM's N-Triples into one named graph by both loaders (tdb2.tdbloader --graph), one round each, -Xmx2g");
        return m;
    }
}

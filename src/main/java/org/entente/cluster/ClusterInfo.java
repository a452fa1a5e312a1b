package org.entente.cluster;

import java.util.List;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;

/**
 * What {@code entente cluster} prints once all is ready, as one JSON line: where the broker, the writer and
 * the balancer are, and each replica with its process and the shell command that starts it again.
 * <pre>
 *   {"kafka": "127.0.0.1:9092", "writer": "http://127.0.0.1:3030", "balancer": "http://127.0.0.1:8080",
 *    "replicas": [{"url": "http://127.0.0.1:3031", "pid": 4242, "restart": "nohup java ... &"}]}
 * </pre>
 */
public record ClusterInfo(String kafka, String writer, String balancer, List<Replica> replicas) {

    /** A replica: its base URL, its process id, and the shell command that starts it again. */
    public record Replica(String url, long pid, String restart) {}

    public ClusterInfo {
        replicas = List.copyOf(replicas);
    }

    /** The JSON object on one line. */
    public String toJsonLine() {
        JsonObject o = new JsonObject();
        o.put("kafka", kafka);
        o.put("writer", writer);
        o.put("balancer", balancer);
        JsonArray rs = new JsonArray();
        for (Replica r : replicas) {
            JsonObject jr = new JsonObject();
            jr.put("url", r.url());
            jr.put("pid", r.pid());
            jr.put("restart", r.restart());
            rs.add(jr);
        }
        o.put("replicas", rs);
        return JSON.toStringFlat(o).replace('\n', ' ');
    }
}

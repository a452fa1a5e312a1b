package org.entente.replication;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;

/**
 * What {@code GET /$/status} says: the role, the topic, the last patch the store applied (id and offset),
 * the log's end, the lag in records (null when the log cannot be reached), and whether the node is ready.
 * <pre>
 *   {"role":"replica","topic":"entente","patch":"uuid:...","offset":41,"endOffset":42,"lag":0,"maxLag":100,
 *    "ready":true,"state":"ready","applied":17,"log":"reachable"}
 * </pre>
 */
public record ReplicationStatus(String role, String topic, String patch, long offset, Long endOffset, Long lag, long maxLag,
                                String state, long applied, boolean logReachable) {

    /** The words of {@link #state}. */
    public static final String READY = "ready", CATCHING_UP = "catching-up", LAG_UNKNOWN = "lag-unknown", STARTING = "starting";

    public boolean ready() {
        return READY.equals(state);
    }

    public String toJson() {
        JsonObject o = new JsonObject();
        o.put("role", role);
        o.put("topic", topic);
        if (patch == null)
            o.put("patch", org.apache.jena.atlas.json.JsonNull.instance);
        else
            o.put("patch", patch);
        o.put("offset", offset);
        if (endOffset == null)
            o.put("endOffset", org.apache.jena.atlas.json.JsonNull.instance);
        else
            o.put("endOffset", endOffset);
        if (lag == null)
            o.put("lag", org.apache.jena.atlas.json.JsonNull.instance);
        else
            o.put("lag", lag);
        o.put("maxLag", maxLag);
        o.put("ready", ready());
        o.put("state", state);
        o.put("applied", applied);
        o.put("log", logReachable ? "reachable" : "unreachable");
        return JSON.toStringFlat(o);
    }
}

package org.entente.cluster;

import java.util.List;
import java.util.stream.Collectors;

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

    /** The JSON object on one line, compact. */
    public String toJsonLine() {
        String rs = replicas.stream()
                            .map(r -> "{\"url\": " + quote(r.url()) + ", \"pid\": " + r.pid() + ", \"restart\": " + quote(r.restart()) + "}")
                            .collect(Collectors.joining(", ", "[", "]"));
        return "{\"kafka\": " + quote(kafka) + ", \"writer\": " + quote(writer) + ", \"balancer\": " + quote(balancer)
               + ", \"replicas\": " + rs + "}";
    }

    /** A JSON string: quotes, backslashes and control characters escaped. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\')
                b.append('\\').append(c);
            else if (c < 0x20)
                b.append(String.format("\\u%04x", (int) c));
            else
                b.append(c);
        }
        return b.append('"').toString();
    }
}

package org.entente.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The cluster's JSON line, and the shell commands in it, survive any path a user gives. */
class ClusterInfoTest {

    @Test
    void theLineIsOneJsonObjectWithEveryValueIntact() {
        String odd = "/tmp/a dir/with \"quotes\", a \\ and a\ttab";
        ClusterInfo info = new ClusterInfo("127.0.0.1:9092", "http://127.0.0.1:3030", "http://127.0.0.1:8080",
                                           List.of(new ClusterInfo.Replica("http://127.0.0.1:3031", 4242, odd)));
        String line = info.toJsonLine();
        assertFalse(line.contains("\n"), line);
        JsonObject o = JSON.parse(line);
        assertEquals("127.0.0.1:9092", o.get("kafka").getAsString().value());
        assertEquals("http://127.0.0.1:8080", o.get("balancer").getAsString().value());
        JsonObject r = o.get("replicas").getAsArray().get(0).getAsObject();
        assertEquals(4242, r.get("pid").getAsNumber().value().intValue());
        assertEquals(odd, r.get("restart").getAsString().value());
    }

    @Test
    void aShellCommandGivesTheShellTheSameWords() throws Exception {
        List<String> words = List.of("plain", "two words", "it's", "$HOME", "`id`", "a\"b", "", "--x=/a b/c");
        String cmd = "printf '%s\\n' " + ClusterLib.shellCommand(words);
        Process p = new ProcessBuilder("sh", "-c", cmd).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        assertEquals(String.join("\n", words) + "\n", out);
    }
}

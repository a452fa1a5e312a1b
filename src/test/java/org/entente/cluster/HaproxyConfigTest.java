package org.entente.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.entente.TestLib;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The haproxy configuration: the shipped example is the template with example ports, and haproxy accepts it. */
class HaproxyConfigTest {

    static final HaproxyConfig EXAMPLE = new HaproxyConfig("127.0.0.1:8080", "127.0.0.1:3030",
                                                           List.of(new HaproxyConfig.Server("replica-1", "127.0.0.1:3031"),
                                                                   new HaproxyConfig.Server("replica-2", "127.0.0.1:3032")));

    @TempDir
    Path tmp;

    @Test
    void theShippedExampleIsTheTemplateWithExamplePorts() throws Exception {
        String shipped = Files.readString(TestLib.home().resolve("docs/haproxy/entente.cfg"));
        assertEquals(EXAMPLE.render(), shipped, "docs/haproxy/entente.cfg is out of date: write EXAMPLE.render() into it");
        assertTrue(shipped.contains("    server replica-2 127.0.0.1:3032\n"));
    }

    @Test
    void haproxyAcceptsTheConfiguration() throws Exception {
        Path haproxy = HaproxyLib.haproxyOrSkip();
        Path cfg = tmp.resolve("haproxy.cfg");
        Files.writeString(cfg, EXAMPLE.render());
        Process p = new ProcessBuilder(haproxy.toString(), "-c", "-f", cfg.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
    }

    @Test
    void addressesAndNamesCannotCarryMoreConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> new HaproxyConfig("127.0.0.1:8080\n    bind 0.0.0.0:80", "127.0.0.1:3030",
                                                                             EXAMPLE.replicas()));
        assertThrows(IllegalArgumentException.class, () -> new HaproxyConfig.Server("r1 127.0.0.1:1 backup", "127.0.0.1:3031"));
        assertThrows(IllegalArgumentException.class, () -> new HaproxyConfig("127.0.0.1:8080", "127.0.0.1:3030", List.of()));
    }
}

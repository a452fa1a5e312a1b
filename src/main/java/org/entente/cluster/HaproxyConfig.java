package org.entente.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.entente.sys.EntenteException;

/**
 * The haproxy configuration of a cluster: the template {@code cluster/haproxy.cfg.in} with the balancer's
 * address, the writer's and the replicas'. Reads go round-robin to the replicas that pass
 * {@code GET /$/health}, writes to the writer.
 * <pre>
 *   String cfg = new HaproxyConfig("127.0.0.1:8080", "127.0.0.1:3030",
 *                                  List.of(new HaproxyConfig.Server("replica-1", "127.0.0.1:3031"))).render();
 * </pre>
 */
public record HaproxyConfig(String bind, String writer, List<Server> replicas) {

    /** The template, on the class path. */
    public static final String TEMPLATE = "cluster/haproxy.cfg.in";

    /** A replica: its name in haproxy's logs and in the {@code X-Entente-Server} header, and its host:port. */
    public record Server(String name, String address) {
        public Server {
            if (!name.matches("[a-z][a-z0-9-]*"))
                throw new IllegalArgumentException("not a server name: " + name);
            checkAddress(address);
        }
    }

    public HaproxyConfig {
        checkAddress(bind);
        checkAddress(writer);
        replicas = List.copyOf(replicas);
        if (replicas.isEmpty())
            throw new IllegalArgumentException("a cluster needs at least one replica");
    }

    /** The configuration text. */
    public String render() {
        String servers = replicas.stream().map(s -> "    server " + s.name() + " " + s.address()).collect(Collectors.joining("\n"));
        return template().replace("@BIND@", bind).replace("@WRITER@", writer).replace("@REPLICAS@", servers);
    }

    private static String template() {
        try (InputStream in = HaproxyConfig.class.getClassLoader().getResourceAsStream(TEMPLATE)) {
            if (in == null)
                throw new EntenteException("No " + TEMPLATE + " on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new EntenteException("Cannot read " + TEMPLATE + ": " + ex.getMessage(), ex);
        }
    }

    /** Only host:port with a numeric port, and nothing haproxy would read as more words. */
    private static void checkAddress(String address) {
        if (!address.matches("[A-Za-z0-9.\\-]+:[0-9]{1,5}"))
            throw new IllegalArgumentException("not a host:port: " + address);
    }
}

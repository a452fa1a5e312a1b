package org.entente.server;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;

/**
 * Sizes each response's output buffer so that Jetty reuses it. Fuseki asks for 5 MiB per response,
 * more than Jetty's buffer pool keeps (64 KiB at most), so every response took a fresh 5 MiB direct
 * buffer, zeroed it, and dropped it; dropped direct buffers are freed only by a garbage collection,
 * and the heap barely grows, so the JVM ran out of direct memory every hundred requests or so and
 * stopped for a full collection ({@code System.gc()} from {@code java.nio.Bits}, 100-250 ms). With a
 * buffer the pool keeps, a request allocates no direct memory at all (see bench/README.md).
 * <pre>
 *   FusekiServer server = builder.build();
 *   ResponseBuffers.apply(server.getJettyServer());
 * </pre>
 * A result larger than the buffer is sent as it is written (chunked), as before one larger than
 * 5 MiB was.
 */
final class ResponseBuffers {

    /** Jetty's largest pooled buffer with its default pool. */
    static final int OUTPUT_BUFFER_BYTES = 64 * 1024;

    private ResponseBuffers() {}

    /** Sets the output buffer of every HTTP(S) connector of a server not yet started. */
    static void apply(Server jetty) {
        for (Connector c : jetty.getConnectors()) {
            HttpConnectionFactory http = c.getConnectionFactory(HttpConnectionFactory.class);
            if (http != null)
                http.getHttpConfiguration().setOutputBufferSize(OUTPUT_BUFFER_BYTES);
        }
    }
}

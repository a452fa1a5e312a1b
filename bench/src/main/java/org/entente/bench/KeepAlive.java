package org.entente.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.entente.sys.EntenteException;

/**
 * The thinnest HTTP/1.1 client there is: one keep-alive socket (TCP_NODELAY), a GET written in one
 * go, the answer read by its {@code Content-Length} or its chunks. It measures what a server adds to
 * a request, with next to nothing of its own (the JDK's {@code HttpClient} adds a few hundred
 * microseconds of thread hand-offs per request). Also a command, for measuring by hand:
 * <pre>
 *   java -cp bench/target/entente-bench.jar:target/entente.jar org.entente.bench.KeepAlive URL [N]
 * </pre>
 */
final class KeepAlive implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String host;

    /** An answer: its status and body. */
    record Answer(int status, byte[] body, String etag) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** The percentiles of a run of the same request, in milliseconds. */
    record Percentiles(double p10, double p50, double p99, int n) {}

    KeepAlive(String host, int port) throws IOException {
        this.socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 5000);
        socket.setSoTimeout(120_000);
        this.in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        this.out = socket.getOutputStream();
        this.host = host + ":" + port;
    }

    static KeepAlive to(URI uri) throws IOException {
        return new KeepAlive(uri.getHost(), uri.getPort());
    }

    /** GETs a path (with its query string) on this connection. */
    Answer get(String pathAndQuery, String accept) throws IOException {
        return get(pathAndQuery, accept, "");
    }

    /** GETs a path with extra header lines ({@code "Name: value\r\n"} each). */
    Answer get(String pathAndQuery, String accept, String headers) throws IOException {
        String req = "GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: " + accept + "\r\n" + headers + "\r\n";
        out.write(req.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return read();
    }

    private Answer read() throws IOException {
        String status = line();
        if (!status.startsWith("HTTP/1."))
            throw new EntenteException("Not an HTTP answer: " + status);
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false, close = false;
        String etag = null;
        for (String h; !(h = line()).isEmpty();) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("etag:"))
                etag = h.substring(5).strip();
            else if (lower.startsWith("content-length:"))
                length = Long.parseLong(h.substring(15).strip());
            else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked"))
                chunked = true;
            else if (lower.startsWith("connection:") && lower.contains("close"))
                close = true;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (long n; (n = Long.parseLong(line().split(";")[0].strip(), 16)) > 0;) {
                body.write(in.readNBytes((int) n));
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
        } else if (length >= 0) {
            body.write(in.readNBytes((int) length));
        } else if (close) {
            body.write(in.readAllBytes());
        }
        if (close)
            socket.close();
        return new Answer(code, body.toByteArray(), etag);
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c; (c = in.read()) != '\n';) {
            if (c < 0)
                throw new IOException("connection closed by the server");
            if (c != '\r')
                sb.append((char) c);
        }
        return sb.toString();
    }

    /** Sends the same GET {@code n} times after {@code warm} unmeasured ones, on one connection; 200 expected. */
    static Percentiles time(URI url, String accept, int warm, int n) throws IOException {
        return time(url, accept, warm, n, false);
    }

    /**
     * As {@link #time(URI, String, int, int)}; when {@code revalidate}, every request after the first
     * sends the first answer's {@code ETag} in {@code If-None-Match}, as a caching client does, and
     * 304 is expected.
     */
    static Percentiles time(URI url, String accept, int warm, int n, boolean revalidate) throws IOException {
        String pq = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        List<Double> ms = new ArrayList<>();
        try (KeepAlive c = to(url)) {
            Answer first = c.get(pq, accept);
            if (revalidate && first.etag() == null)
                throw new EntenteException(url + " sent no ETag");
            String headers = revalidate ? "If-None-Match: " + first.etag() + "\r\n" : "";
            int expected = revalidate ? 304 : 200;
            for (int i = 0; i < warm + n; i++) {
                long t0 = System.nanoTime();
                Answer a = c.get(pq, accept, headers);
                double d = (System.nanoTime() - t0) / 1e6;
                if (a.status() != expected)
                    throw new EntenteException(url + " answered " + a.status() + ": " + a.text());
                if (i >= warm)
                    ms.add(d);
            }
        }
        return new Percentiles(Latency.round3(Latency.percentile(ms, 10)), Latency.round3(Latency.percentile(ms, 50)),
                               Latency.round3(Latency.percentile(ms, 99)), ms.size());
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    public static void main(String... args) throws IOException {
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        String accept = args.length > 2 ? args[2] : "application/sparql-results+json";
        Percentiles p = time(URI.create(args[0]), accept, n / 4, n);
        System.out.printf("%s: p10 %.3f ms, p50 %.3f ms, p99 %.3f ms over %d requests on one keep-alive connection%n", args[0], p.p10(), p.p50(),
                          p.p99(), p.n());
    }
}

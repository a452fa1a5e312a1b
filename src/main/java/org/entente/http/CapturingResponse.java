package org.entente.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.apache.jena.web.HttpSC;

/**
 * Passes an answer through to the client while keeping a copy of its status, the headers the servlet
 * set, and its body, up to a limit. The copy is an {@link ResponseCache.Entry} only if the answer is a
 * 200 written in full through the output stream: an error, a redirect, a body past the limit, a failed
 * write (the client went away, a stream broke off), a cookie, or the character writer make it none.
 */
final class CapturingResponse extends HttpServletResponseWrapper {

    private final long limit;
    private final List<ResponseCache.Header> headers = new ArrayList<>();
    private int status = HttpSC.OK_200;
    private ByteArrayOutputStream body = new ByteArrayOutputStream();
    private boolean keepable = true;
    private Tee out;

    CapturingResponse(HttpServletResponse response, long limit) {
        super(response);
        this.limit = limit;
    }

    /** The answer as a cache entry, if it may be kept. */
    Optional<ResponseCache.Entry> entry() {
        if (!keepable || status != HttpSC.OK_200 || body == null)
            return Optional.empty();
        return Optional.of(new ResponseCache.Entry(getContentType(), List.copyOf(headers), body.toByteArray()));
    }

    private void record(String name, String value, boolean replace) {
        String lower = name.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "content-length", "content-type", "transfer-encoding" -> {
                return;
            }
            case "set-cookie" -> keepable = false;
            default -> { }
        }
        if (replace)
            headers.removeIf(h -> h.name().equalsIgnoreCase(name));
        if (value != null)
            headers.add(new ResponseCache.Header(name, value));
    }

    private static String date(long millis) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC));
    }

    @Override
    public void setHeader(String name, String value) {
        record(name, value, true);
        super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        record(name, value, false);
        super.addHeader(name, value);
    }

    @Override
    public void setIntHeader(String name, int value) {
        record(name, Integer.toString(value), true);
        super.setIntHeader(name, value);
    }

    @Override
    public void addIntHeader(String name, int value) {
        record(name, Integer.toString(value), false);
        super.addIntHeader(name, value);
    }

    @Override
    public void setDateHeader(String name, long date) {
        record(name, date(date), true);
        super.setDateHeader(name, date);
    }

    @Override
    public void addDateHeader(String name, long date) {
        record(name, date(date), false);
        super.addDateHeader(name, date);
    }

    @Override
    public void setLocale(Locale locale) {
        record("Content-Language", locale.toLanguageTag(), true);
        super.setLocale(locale);
    }

    @Override
    public void setStatus(int sc) {
        status = sc;
        super.setStatus(sc);
    }

    @Override
    public void sendError(int sc) throws IOException {
        status = sc;
        super.sendError(sc);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        status = sc;
        super.sendError(sc, msg);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        status = HttpSC.FOUND_302;
        super.sendRedirect(location);
    }

    @Override
    public void reset() {
        super.reset();
        headers.clear();
        status = HttpSC.OK_200;
        if (body != null)
            body.reset();
    }

    @Override
    public void resetBuffer() {
        super.resetBuffer();
        if (body != null)
            body.reset();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        // Characters would have to be encoded again to be kept; the answers worth keeping use the stream.
        keepable = false;
        return super.getWriter();
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (out == null)
            out = new Tee(super.getOutputStream());
        return out;
    }

    private void copy(byte[] b, int off, int len) {
        if (body == null)
            return;
        if (body.size() + (long) len > limit)
            body = null;
        else
            body.write(b, off, len);
    }

    /** Writes to the client and to the copy; a failed write spoils the copy. */
    private final class Tee extends ServletOutputStream {
        private final ServletOutputStream client;

        Tee(ServletOutputStream client) {
            this.client = client;
        }

        @Override
        public void write(int b) throws IOException {
            try {
                client.write(b);
            } catch (IOException | RuntimeException ex) {
                keepable = false;
                throw ex;
            }
            copy(new byte[] { (byte) b }, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                client.write(b, off, len);
            } catch (IOException | RuntimeException ex) {
                keepable = false;
                throw ex;
            }
            copy(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            try {
                client.flush();
            } catch (IOException | RuntimeException ex) {
                keepable = false;
                throw ex;
            }
        }

        @Override
        public void close() throws IOException {
            try {
                client.close();
            } catch (IOException | RuntimeException ex) {
                keepable = false;
                throw ex;
            }
        }

        @Override
        public boolean isReady() {
            return client.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            keepable = false;
            client.setWriteListener(listener);
        }
    }
}

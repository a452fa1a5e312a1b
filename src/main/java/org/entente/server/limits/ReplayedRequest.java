package org.entente.server.limits;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/** A request whose body a filter has already read, read again from where the filter put it, its length now known. */
final class ReplayedRequest extends HttpServletRequestWrapper {

    /** Where a body already read can be read again from. */
    interface BodySource {
        InputStream open() throws IOException;
    }

    private final BodySource body;
    private final long length;

    ReplayedRequest(HttpServletRequest request, BodySource body, long length) {
        super(request);
        this.body = body;
        this.length = length;
    }

    @Override
    public long getContentLengthLong() {
        return length;
    }

    @Override
    public int getContentLength() {
        return length > Integer.MAX_VALUE ? -1 : (int) length;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        InputStream in = body.open();
        return new ServletInputStream() {
            private boolean finished;

            @Override
            public int read() throws IOException {
                int b = in.read();
                finished = b < 0;
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = in.read(buf, off, len);
                finished = n < 0;
                return n;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }

            @Override
            public boolean isFinished() {
                return finished;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("blocking reads only");
            }
        };
    }

    @Override
    public BufferedReader getReader() throws IOException {
        String enc = getCharacterEncoding();
        return new BufferedReader(new InputStreamReader(getInputStream(), enc == null ? StandardCharsets.UTF_8.name() : enc));
    }
}

package fr.cnam.aam.app.web;

import jakarta.servlet.http.HttpServletRequest;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** The request again, with its body already read (by a filter that needed it) and readable once more. */
public final class CachedBodyRequest extends jakarta.servlet.http.HttpServletRequestWrapper {
    private final byte[] body;

    /**
     * The body, read whole but never past {@code max} bytes (a chunked body has no length for the size filter to
     * check): null when it is larger.
     */
    public static byte[] readAtMost(HttpServletRequest request, long max) throws java.io.IOException {
        java.io.InputStream in = request.getInputStream();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) != -1; ) {
            out.write(buffer, 0, n);
            if (out.size() > max) {
                return null;
            }
        }
        return out.toByteArray();
    }

    public CachedBodyRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    @Override
    public jakarta.servlet.ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new jakarta.servlet.ServletInputStream() {
            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(jakarta.servlet.ReadListener listener) {
                throw new UnsupportedOperationException("synchronous reads only");
            }

            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }
        };
    }

    @Override
    public java.io.BufferedReader getReader() {
        return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
}

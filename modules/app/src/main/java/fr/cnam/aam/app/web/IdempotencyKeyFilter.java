package fr.cnam.aam.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@code Idempotency-Key} on a POST: the first request with a key runs and its answer is kept; a retry with the same
 * key and the same body gets the same answer without running again; the same key with another body is refused
 * (422), and a retry while the first is still running gets 409. Keys live in MongoDB, so a retry after a restart
 * is answered too. A request that failed with a 5xx is not kept, so it can be retried.
 */
@Component
class IdempotencyKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final String COLLECTION = "idempotency_keys";
    private static final int MAX_KEY_LENGTH = 128;

    private final MongoTemplate mongo;

    IdempotencyKeyFilter(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            problem(response, HttpStatus.BAD_REQUEST, "Idempotency-Key must be 1 to 128 characters", null);
            return;
        }
        byte[] body = StreamUtils.copyToByteArray(request.getInputStream());
        String fingerprint = fingerprint(request.getRequestURI(), body);
        String id = request.getRequestURI() + " " + key;
        try {
            mongo.insert(new Document("_id", id).append("fingerprint", fingerprint).append("state", "RUNNING"),
                         COLLECTION);
        } catch (DuplicateKeyException seen) {
            replay(id, fingerprint, response);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(new ReplayableBodyRequest(request, body), recorded);
        } catch (ServletException | IOException | RuntimeException e) {
            mongo.remove(new org.springframework.data.mongodb.core.query.Query(
                    org.springframework.data.mongodb.core.query.Criteria.where("_id").is(id)), COLLECTION);
            throw e;
        }
        if (recorded.getStatus() >= 500) {
            mongo.remove(new org.springframework.data.mongodb.core.query.Query(
                    org.springframework.data.mongodb.core.query.Criteria.where("_id").is(id)), COLLECTION);
        } else {
            mongo.save(new Document("_id", id).append("fingerprint", fingerprint).append("state", "DONE")
                                              .append("status", recorded.getStatus())
                                              .append("contentType", recorded.getContentType())
                                              .append("location", recorded.getHeader("Location"))
                                              .append("body", new Binary(recorded.getContentAsByteArray())),
                       COLLECTION);
        }
        recorded.copyBodyToResponse();
    }

    private void replay(String id, String fingerprint, HttpServletResponse response) throws IOException {
        Document kept = mongo.findById(id, Document.class, COLLECTION);
        if (kept == null || "RUNNING".equals(kept.getString("state"))) {
            problem(response, HttpStatus.CONFLICT, "a request with this Idempotency-Key is still running", null);
            return;
        }
        if (!fingerprint.equals(kept.getString("fingerprint"))) {
            problem(response, HttpStatus.UNPROCESSABLE_ENTITY,
                    "this Idempotency-Key was used for another request", "IDEMPOTENCY_KEY_REUSED");
            return;
        }
        response.setStatus(kept.getInteger("status"));
        if (kept.getString("contentType") != null) {
            response.setContentType(kept.getString("contentType"));
        }
        if (kept.getString("location") != null) {
            response.setHeader("Location", kept.getString("location"));
        }
        response.setHeader("Idempotent-Replay", "true");
        response.getOutputStream().write(((Binary) kept.get("body")).getData());
    }

    private static void problem(HttpServletResponse response, HttpStatus status, String detail, String rule)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        String json = "{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                      + status.value() + ",\"detail\":\"" + detail + "\""
                      + (rule == null ? "" : ",\"rule\":\"" + rule + "\"") + "}";
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String fingerprint(String path, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(path.getBytes(StandardCharsets.UTF_8));
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request again, with the body already read for the fingerprint. */
    private static final class ReplayableBodyRequest extends jakarta.servlet.http.HttpServletRequestWrapper {
        private final byte[] body;

        ReplayableBodyRequest(HttpServletRequest request, byte[] body) {
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
}

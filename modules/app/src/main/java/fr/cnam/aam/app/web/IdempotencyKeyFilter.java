package fr.cnam.aam.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;

/**
 * {@code Idempotency-Key} on a POST: the first request with a key runs and its answer is kept; a retry with the same
 * key and the same body gets the same answer without running again; the same key with another body is refused
 * (422), and a retry while the first is still running gets 409 with {@code Retry-After}. Keys live in MongoDB, so a
 * retry after a restart is answered too. A request that failed with a 5xx is not kept, so it can be retried.
 * <ul>
 * <li>Keys belong to a client (the authenticated principal; {@code anonymous} without one): one client never
 * receives another's kept answer, nor is refused because another used the same key.</li>
 * <li>A running key holds a lease ({@code aam.idempotency.lease}, wall-clock time): an instance killed in the middle
 * leaves it RUNNING, and once the lease is over the next retry takes the key over and runs the request (the commands
 * behind it are idempotent or refuse a second effect by their rule) instead of answering 409 forever.</li>
 * <li>A kept answer expires after {@code aam.idempotency.retention} (30 days): the key is free again.</li>
 * </ul>
 */
@Component
class IdempotencyKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String COLLECTION = "idempotency_keys";
    private static final int MAX_KEY_LENGTH = 128;

    private final MongoTemplate mongo;
    private final Duration lease;
    private final Duration retention;
    private final long maxBodyBytes;
    // leases and retention are about machines and storage, not the business: the system's wall clock, never the
    // business Clock (which tests and rehearsals move)
    private final Clock wallClock = Clock.systemUTC();

    IdempotencyKeyFilter(MongoTemplate mongo, @Value("${aam.idempotency.lease:PT2M}") Duration lease,
                         @Value("${aam.idempotency.retention:P30D}") Duration retention,
                         @Value("${aam.input.max-body-bytes:65536}") long maxBodyBytes) {
        this.mongo = mongo;
        this.maxBodyBytes = maxBodyBytes;
        this.lease = lease;
        this.retention = retention;
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
            ProblemJson.write(response, HttpStatus.BAD_REQUEST, "Idempotency-Key must be 1 to 128 characters", null);
            return;
        }
        byte[] body = CachedBodyRequest.readAtMost(request, maxBodyBytes);
        if (body == null) {
            ProblemJson.bodyTooLarge(response, maxBodyBytes);
            return;
        }
        String fingerprint = fingerprint(request.getRequestURI(), body);
        String client = request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName();
        String id = client + " " + request.getRequestURI() + " " + key;
        if (!claim(id, client, fingerprint)) {
            replay(id, fingerprint, response);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(new CachedBodyRequest(request, body), recorded);
        } catch (ServletException | IOException | RuntimeException e) {
            mongo.remove(byId(id), COLLECTION);
            throw e;
        }
        if (recorded.getStatus() >= 500) {
            mongo.remove(byId(id), COLLECTION);
        } else {
            mongo.save(new Document("_id", id).append("client", client).append("fingerprint", fingerprint)
                                              .append("state", "DONE")
                                              .append("status", recorded.getStatus())
                                              .append("contentType", recorded.getContentType())
                                              .append("location", recorded.getHeader("Location"))
                                              .append("body", new Binary(recorded.getContentAsByteArray()))
                                              .append("expiresAt", Date.from(wallClock.instant().plus(retention))),
                       COLLECTION);
        }
        recorded.copyBodyToResponse();
    }

    /**
     * Takes the key for this request: new, or left RUNNING past its lease (a crashed instance), or kept past its
     * retention. False when another request holds it or its answer is kept.
     */
    private boolean claim(String id, String client, String fingerprint) {
        Instant now = wallClock.instant();
        Document running = new Document("_id", id).append("client", client).append("fingerprint", fingerprint)
                                                  .append("state", "RUNNING")
                                                  .append("leaseUntil", Date.from(now.plus(lease)))
                                                  .append("expiresAt", Date.from(now.plus(retention)));
        try {
            mongo.insert(running, COLLECTION);
            return true;
        } catch (DuplicateKeyException seen) {
            // a lease over or an answer expired: replaced only if still so (one retry wins the race)
            Query abandoned = byId(id).addCriteria(new Criteria().orOperator(
                    Criteria.where("state").is("RUNNING").and("leaseUntil").lt(Date.from(now)),
                    Criteria.where("expiresAt").lt(Date.from(now))));
            Update takeOver = new Update();
            running.forEach(takeOver::set);
            takeOver.unset("status").unset("contentType").unset("location").unset("body");
            return mongo.updateFirst(abandoned, takeOver, COLLECTION).getModifiedCount() == 1;
        }
    }

    /** Kept answers past their retention are deleted (a claim already ignores them; this frees the space). */
    @Scheduled(fixedDelayString = "${aam.idempotency.purge-millis:3600000}", initialDelay = 60_000)
    void purgeExpired() {
        mongo.remove(Query.query(Criteria.where("expiresAt").lt(Date.from(wallClock.instant()))), COLLECTION);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    private void replay(String id, String fingerprint, HttpServletResponse response) throws IOException {
        Document kept = mongo.findById(id, Document.class, COLLECTION);
        if (kept == null || "RUNNING".equals(kept.getString("state"))) {
            Date until = kept == null ? null : kept.getDate("leaseUntil");
            long seconds = until == null ? 1
                           : Math.max(1, Duration.between(wallClock.instant(), until.toInstant()).toSeconds());
            response.setHeader("Retry-After", Long.toString(seconds));
            ProblemJson.write(response, HttpStatus.CONFLICT, "a request with this Idempotency-Key is still running",
                    "IDEMPOTENCY_KEY_RUNNING");
            return;
        }
        if (!fingerprint.equals(kept.getString("fingerprint"))) {
            ProblemJson.write(response, HttpStatus.UNPROCESSABLE_ENTITY,
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
}

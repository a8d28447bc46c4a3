package fr.cnam.aam.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The generator calls the app's own API over loopback, as a caisse's systems would: the same validation, commands
 * and policies as any request. Its tokens are signed by the demo authorization server's key (subject
 * {@code demo-generator}, an agent of the caisse the request is for, with the statistics and payment roles), and
 * every request carries an {@code Idempotency-Key} made from the doctor and the step, so a resumed run replays
 * what was done instead of doing it twice. Refusals are counted by rule, not fatal: a demo history may ask for
 * something the rules refuse, and the refusal is the rules' answer.
 */
final class DemoApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final JwtEncoder encoder;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> refusals = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private volatile Instant tokensMadeAt = Instant.EPOCH;

    DemoApi(String base, JwtEncoder encoder) {
        this.base = base;
        this.encoder = encoder;
    }

    /** POSTs {@code json} for {@code caisse}; the answer's body when 2xx, else null (the refusal counted). */
    JsonNode post(String caisse, String path, String idempotencyKey, String json) {
        requests.incrementAndGet();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token(caisse)).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey).header("X-Correlation-Id", "demo-generator")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                JsonNode body = answer.body().isEmpty() ? JSON.nullNode() : JSON.readTree(answer.body());
                if (answer.statusCode() / 100 == 2) {
                    return body;
                }
                if ((answer.statusCode() == 409 || answer.statusCode() == 503) && attempt < 5) {
                    Thread.sleep(200L * attempt); // a concurrent write or a key still running: try again
                    continue;
                }
                String rule = body.path("rule").asText("HTTP_" + answer.statusCode());
                refusals.computeIfAbsent(path.replaceAll("/[^/]*:[^/]*", "/{id}")
                                         + " " + rule, k -> new LongAdder()).increment();
                return null;
            } catch (IOException e) {
                if (attempt >= 5) {
                    throw new IllegalStateException("the app does not answer " + path, e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /** GETs {@code path} for {@code caisse}: the answer's body when 2xx, else null. */
    JsonNode get(String caisse, String path) {
        requests.incrementAndGet();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token(caisse)).GET().build();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 == 2) {
                return JSON.readTree(answer.body());
            }
            refusals.computeIfAbsent("GET " + path.replaceAll("\\?.*", "") + " HTTP_" + answer.statusCode(),
                                     k -> new LongAdder()).increment();
            return null;
        } catch (IOException e) {
            refusals.computeIfAbsent("GET " + path.replaceAll("\\?.*", "") + " " + e.getClass().getSimpleName(),
                                     k -> new LongAdder()).increment();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    long requests() {
        return requests.get();
    }

    long refused() {
        return refusals.values().stream().mapToLong(LongAdder::sum).sum();
    }

    Map<String, Long> refusals() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        refusals.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    private String token(String caisse) {
        if (Duration.between(tokensMadeAt, Instant.now()).toMinutes() >= 20) {
            tokens.clear();
            tokensMadeAt = Instant.now();
        }
        return tokens.computeIfAbsent(caisse, c -> encoder.encode(JwtEncoderParameters.from(JwtClaimsSet.builder()
                .subject("demo-generator").issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(1800))
                .claim("roles", List.of("CPAM_AGENT", "STATISTICS", "PAYMENT_SYSTEM")).claim("caisse", c).build()))
                .getTokenValue());
    }
}

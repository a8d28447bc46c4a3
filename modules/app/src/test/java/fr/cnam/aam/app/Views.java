package fr.cnam.aam.app;

import org.springframework.boot.test.web.client.TestRestTemplate;

import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** Projections follow their events by milliseconds: read a view once it has applied a given event. */
final class Views {

    private Views() {
    }

    /** The view at {@code path} once its {@code version} (last applied sequence number) reaches {@code version}. */
    static Map<?, ?> atVersion(TestRestTemplate http, String path, long version) {
        return await().atMost(Duration.ofSeconds(15)).until(
                () -> http.getForObject(path, Map.class),
                v -> v != null && v.get("version") != null && ((Number) v.get("version")).longValue() >= version);
    }
}

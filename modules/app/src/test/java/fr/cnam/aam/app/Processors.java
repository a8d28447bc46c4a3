package fr.cnam.aam.app;

import org.springframework.boot.test.web.client.TestRestTemplate;

import java.util.Map;

/** An event processor, as the admin API shows it, has handled every event in the store and is not replaying. */
final class Processors {

    private Processors() {
    }

    static boolean caughtUp(TestRestTemplate http, String processor) {
        Map<?, ?> s = http.getForObject("/api/v1/admin/processors/" + processor, Map.class);
        return Boolean.TRUE.equals(s.get("caughtUp")) && Boolean.FALSE.equals(s.get("replaying"))
               && s.get("position") != null
               && ((Number) s.get("position")).longValue() >= ((Number) s.get("headPosition")).longValue();
    }
}

package fr.cnam.aam.app;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.Map;

/** Posts a JSON text as a client would, and reads the answer (a body or a problem) as a map. */
final class JsonPost {

    private JsonPost() {
    }

    @SuppressWarnings("rawtypes")
    static ResponseEntity<Map> post(TestRestTemplate http, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(json, headers), Map.class);
    }
}

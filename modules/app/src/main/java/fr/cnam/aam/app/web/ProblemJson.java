package fr.cnam.aam.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A problem+json answer written by a filter, before any controller (the advice cannot reach there). */
public final class ProblemJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemJson() {
    }

    public static void write(HttpServletResponse response, HttpStatus status, String detail, String rule)
            throws IOException {
        write(response, status, status.getReasonPhrase(), detail, rule);
    }

    /** 413 {@code BODY_TOO_LARGE}: the one answer of every filter that meets a body over the limit. */
    public static void bodyTooLarge(HttpServletResponse response, long maxBodyBytes) throws IOException {
        // RFC 9110's name for 413 (Spring still says "Payload Too Large")
        write(response, HttpStatus.PAYLOAD_TOO_LARGE, "Content Too Large",
              "the request body is larger than " + maxBodyBytes + " bytes", "BODY_TOO_LARGE");
    }

    private static void write(HttpServletResponse response, HttpStatus status, String title, String detail,
                              String rule) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        if (rule != null) {
            problem.put("rule", rule);
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }
}

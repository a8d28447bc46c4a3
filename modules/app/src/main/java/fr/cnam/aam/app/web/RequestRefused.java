package fr.cnam.aam.app.web;

import org.springframework.http.HttpStatus;

/** A request refused before any command, with its HTTP status and the stable code of the rule it breaks. */
public class RequestRefused extends RuntimeException {

    private final HttpStatus status;
    private final String rule;

    public RequestRefused(HttpStatus status, String rule, String message) {
        super(message);
        this.status = status;
        this.rule = rule;
    }

    public HttpStatus status() {
        return status;
    }

    public String rule() {
        return rule;
    }
}

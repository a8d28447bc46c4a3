package fr.cnam.aam.app.web.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A value refused while the request body is read, with the stable code of the rule it breaks. */
public class RefusedInput extends JsonMappingException {

    private final String rule;

    RefusedInput(JsonParser parser, String rule, String message) {
        super(parser, message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}

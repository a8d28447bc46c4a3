package fr.cnam.aam.app.web.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

import java.io.IOException;

/**
 * Text in a request: a JSON string only (a number or a boolean where text is expected is refused, not turned into
 * text), of at most {@code maxLength} characters — no reason, reference or code the caisse records is longer.
 */
final class BoundedText extends StdScalarDeserializer<String> {

    static final String RULE_NOT_TEXT = "TEXT_EXPECTED";
    static final String RULE_TOO_LONG = "TEXT_TOO_LONG";

    private final int maxLength;

    BoundedText(int maxLength) {
        super(String.class);
        this.maxLength = maxLength;
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
            throw new RefusedInput(p, RULE_NOT_TEXT, "a text (JSON string) is expected, not " + p.currentToken());
        }
        String text = p.getText();
        if (text.length() > maxLength) {
            throw new RefusedInput(p, RULE_TOO_LONG, "at most " + maxLength + " characters");
        }
        return text;
    }
}

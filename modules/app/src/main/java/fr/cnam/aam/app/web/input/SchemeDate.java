package fr.cnam.aam.app.web.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

/**
 * A date in a request: {@code yyyy-MM-dd} text only, within the scheme's life — not before its first regulatory
 * version starts (from the rulebook), not more than {@code yearsAhead} years after today (by the injected clock).
 * Every date the API takes is a step of a contract, an assistant or a payment: a date outside would be a false
 * fact replayed for years.
 */
final class SchemeDate extends StdScalarDeserializer<LocalDate> {

    static final String RULE_FORM = "DATE_INVALID";
    static final String RULE_BEFORE = "DATE_BEFORE_SCHEME";
    static final String RULE_AFTER = "DATE_TOO_FAR_AHEAD";

    private final Supplier<LocalDate> schemeStart;
    private final Clock clock;
    private final int yearsAhead;

    SchemeDate(Supplier<LocalDate> schemeStart, Clock clock, int yearsAhead) {
        super(LocalDate.class);
        this.schemeStart = schemeStart;
        this.clock = clock;
        this.yearsAhead = yearsAhead;
    }

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
            throw new RefusedInput(p, RULE_FORM, "a date yyyy-MM-dd (JSON string) is expected");
        }
        String text = p.getText();
        LocalDate date;
        try {
            if (text.length() != 10) {
                throw new DateTimeParseException("not yyyy-MM-dd", text, 0);
            }
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new RefusedInput(p, RULE_FORM, "a date yyyy-MM-dd is expected");
        }
        LocalDate earliest = schemeStart.get();
        if (date.isBefore(earliest)) {
            throw new RefusedInput(p, RULE_BEFORE, "not before " + earliest + ", when the scheme's first version "
                                                   + "started");
        }
        LocalDate latest = LocalDate.now(clock).plusYears(yearsAhead);
        if (date.isAfter(latest)) {
            throw new RefusedInput(p, RULE_AFTER, "not after " + latest + " (" + yearsAhead + " year(s) ahead)");
        }
        return date;
    }
}

package fr.cnam.aam.regulation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How sure we are of a value: confirmed by an official page, from a secondary source only, or not verified. */
public enum Confidence {
    CONFIRMED, SECONDARY, UNVERIFIED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Confidence of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}

package fr.cnam.aam.regulation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** A parameter's value as a decision used it, with where it comes from. */
public record Resolved(String parameter, JsonNode value, String source, Confidence confidence,
                       RegulatoryVersion definedBy) {

    public boolean known() {
        return value != null && !value.isNull();
    }

    public long asLong() {
        return requireKnown().asLong();
    }

    public int asInt() {
        return requireKnown().asInt();
    }

    public boolean asBoolean() {
        return requireKnown().asBoolean();
    }

    public List<String> asCodes() {
        List<String> codes = new ArrayList<>();
        requireKnown().forEach(node -> codes.add(node.asText()));
        return codes;
    }

    /** Whether a list of codes holds {@code code}, without building the list. */
    public boolean includes(String code) {
        for (JsonNode node : requireKnown()) {
            if (node.asText().equals(code)) {
                return true;
            }
        }
        return false;
    }

    public JsonNode requireKnown() {
        if (!known()) {
            throw new MissingParameter(parameter, source);
        }
        return value;
    }
}

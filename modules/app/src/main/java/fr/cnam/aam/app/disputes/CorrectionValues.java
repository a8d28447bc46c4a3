package fr.cnam.aam.app.disputes;

import com.fasterxml.jackson.databind.JsonNode;
import fr.cnam.aam.kernel.BusinessRuleViolation;

import java.util.Set;

/**
 * A what-if correction must be a value its parameter can hold: a whole number for amounts, rates, counts and
 * durations, a yes/no for a rule, text or a list of codes for codes. The versions' starting dates are not
 * corrected in a what-if: a version is asked for by name.
 */
final class CorrectionValues {

    private static final Set<String> WHOLE_NUMBERS = Set.of("cents", "percent", "permille", "count", "days", "months",
                                                            "year", "years", "patients");

    private CorrectionValues() {
    }

    static void requireFits(WhatIfRequest.Correction correction, String unit) {
        JsonNode value = correction.value();
        boolean fits = switch (unit) {
            case "boolean" -> value.isBoolean();
            case "code" -> value.isTextual();
            case "codes" -> value.isArray();
            case "map" -> value.isObject();
            case "date" -> false;
            default -> WHOLE_NUMBERS.contains(unit) && value.isIntegralNumber() && value.canConvertToLong()
                       && value.asLong() >= 0;
        };
        if (!fits) {
            throw new BusinessRuleViolation("CORRECTION_INVALID", correction.parameter() + " holds "
                    + ("date".equals(unit) ? "a version's start, which a what-if does not correct"
                                           : "a value in " + unit + ", not " + value.getNodeType()));
        }
    }
}

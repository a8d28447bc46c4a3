package fr.cnam.aam.regulation;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;

/**
 * One value of a parameter, in force for contracts under {@code version} from {@code from}. A null value records
 * that the version changed the rule and nobody published the new figure: asking for it is "indeterminate".
 */
public record ParameterValue(RegulatoryVersion version, LocalDate from, JsonNode value, String source,
                             Confidence confidence) {
}

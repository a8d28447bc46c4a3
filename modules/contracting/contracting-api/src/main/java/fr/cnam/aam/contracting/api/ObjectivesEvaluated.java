package fr.cnam.aam.contracting.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A year's evaluation: the achievement rate, the aid the year carries and the aid once modulated, with the rules
 * (parameter, source, flag) that decided, under the version and revision named.
 */
@Revision("1")
public record ObjectivesEvaluated(String contractId, int contractYear, LocalDate evaluatedOn, int achievementRate,
                                  long aidCents, long modulatedAidCents, String regulatoryVersion,
                                  String rulebookRevision, List<String> rules) implements ContractEvent {
}

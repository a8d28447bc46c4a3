package fr.cnam.aam.employment.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** The hire and the deadlines it opens, with the version and rulebook revision that set them. */
@Revision("1")
public record AssistantHired(String assistantId, List<String> contractIds, String employerType,
                             boolean permanentContract, int weeklyHours, LocalDate hiredOn,
                             List<String> qualifications, boolean formerSecretary, String replacesAssistantId,
                             LocalDate hiringProofBy, LocalDate trainingStartBy, LocalDate qualifiedBy,
                             LocalDate secretaryReplacedBy, String regulatoryVersion, String rulebookRevision,
                             List<String> rules, String caisseCode) {
}

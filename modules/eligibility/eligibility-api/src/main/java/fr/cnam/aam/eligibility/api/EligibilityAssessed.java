package fr.cnam.aam.eligibility.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** The decision, with what decided it: the regulatory version, the rulebook revision and the reasons. */
@Revision("1")
public record EligibilityAssessed(String assessmentId, String rpps, String caisseCode, LocalDate assessedOn,
                                  DoctorDeclaration declaration, String status, String regulatoryVersion,
                                  String rulebookRevision, List<String> options, List<AssessmentReason> reasons,
                                  String inputsSource) {
}

package fr.cnam.aam.eligibility.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Assess a doctor's eligibility on a date, under the rulebook revision in force. {@code inputsSource}: DECLARED by
 * the doctor, or from the CAISSE_STATISTICS.
 */
public record AssessEligibilityCommand(@TargetAggregateIdentifier String assessmentId, String rpps,
                                       String caisseCode, LocalDate assessedOn, DoctorDeclaration declaration,
                                       String inputsSource) {

    public AssessEligibilityCommand(String assessmentId, String rpps, String caisseCode, LocalDate assessedOn,
                                    DoctorDeclaration declaration) {
        this(assessmentId, rpps, caisseCode, assessedOn, declaration, "DECLARED");
    }
}

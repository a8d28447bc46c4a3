package fr.cnam.aam.app;

import fr.cnam.aam.contracting.api.SignContractCommand;
import fr.cnam.aam.eligibility.api.AssessEligibilityCommand;
import fr.cnam.aam.eligibility.api.DoctorDeclaration;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.LocalDate;

/**
 * Signing as the caisse does it: an eligibility assessment first (a GP with 1 300 MT patients, eligible under the
 * 2023 rules, regulation.md worked example 2), then the signature that relies on it.
 */
final class Signatures {

    static final String RPPS = "10000000009";
    static final LocalDate ASSESSED_ON = LocalDate.of(2023, 5, 15);

    private Signatures() {
    }

    static String assess(CommandGateway commands, String assessmentId) {
        commands.sendAndWait(new AssessEligibilityCommand(assessmentId, RPPS, "751", ASSESSED_ON,
                new DoctorDeclaration("MEDECINE_GENERALE", "SECTOR_1", 1300, 2000, null, "75", false, true, true,
                                      false, false, false, null, 50)));
        return assessmentId;
    }

    /** Signs a full-time contract under the 2023 rules; {@code signedOn} must fall between May 2023 and June 2024. */
    static void sign(CommandGateway commands, String assessmentId, String contractId, LocalDate signedOn) {
        commands.sendAndWait(new SignContractCommand(contractId, assessmentId, RPPS, "751", "75", "FULL_TIME",
                                                     "P70_P90", 1300, 2000, signedOn));
    }
}

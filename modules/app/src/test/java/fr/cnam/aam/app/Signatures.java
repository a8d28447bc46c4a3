package fr.cnam.aam.app;

import fr.cnam.aam.contracting.api.SignContractCommand;
import fr.cnam.aam.eligibility.api.AssessEligibilityCommand;
import fr.cnam.aam.eligibility.api.DoctorDeclaration;
import fr.cnam.aam.kernel.Rpps;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Signing as the caisse does it: an eligibility assessment first (a GP with 1 300 MT patients, eligible under the
 * 2023 rules, regulation.md worked example 2), then the signature that relies on it. A doctor holds one active
 * contract at a time, so every signature here is for a doctor of its own.
 */
final class Signatures {

    static final LocalDate ASSESSED_ON = LocalDate.of(2023, 5, 15);

    private Signatures() {
    }

    /** A valid RPPS number nobody else in the test run is likely to have. */
    static String newRpps() {
        long payload = 1_000_000_000L + ThreadLocalRandom.current().nextLong(8_999_999_999L);
        return Rpps.withCheckDigit(Long.toString(payload)).value();
    }

    static String assess(CommandGateway commands, String assessmentId, String rpps) {
        return assess(commands, assessmentId, rpps, "751");
    }

    /** The assessment by the caisse that will sign: a signature must be the assessing caisse's. */
    static String assess(CommandGateway commands, String assessmentId, String rpps, String caisseCode) {
        commands.sendAndWait(new AssessEligibilityCommand(assessmentId, rpps, caisseCode, ASSESSED_ON,
                new DoctorDeclaration("MEDECINE_GENERALE", "SECTOR_1", 1300, 2000, null, "75", false, true, true,
                                      false, false, false, null, 50)));
        return assessmentId;
    }

    /** Assesses a new doctor and signs a full-time contract under the 2023 rules (May 2023 – June 2024). */
    static String assessAndSign(CommandGateway commands, String contractId, String caisseCode, String option,
                                LocalDate signedOn) {
        String rpps = newRpps();
        String assessment = assess(commands, contractId.replace("Contract:", "Assessment:"), rpps, caisseCode);
        commands.sendAndWait(new SignContractCommand(contractId, assessment, rpps, caisseCode, "75", option,
                                                     "P70_P90", 1300, 2000, signedOn));
        return rpps;
    }

    static String assessAndSign(CommandGateway commands, String contractId, LocalDate signedOn) {
        return assessAndSign(commands, contractId, "751", "FULL_TIME", signedOn);
    }
}

package fr.cnam.aam.contracting.core.command;

import fr.cnam.aam.contracting.api.SignContractCommand;
import fr.cnam.aam.eligibility.api.EligibilityAssessed;
import fr.cnam.aam.kernel.BusinessRuleViolation;
import fr.cnam.aam.regulation.RegulatoryVersion;

/** What a signature must agree with in the assessment that allows it. */
final class SignatureRules {

    private static final String ELIGIBLE = "ELIGIBLE";

    private SignatureRules() {
    }

    static void check(SignContractCommand command, EligibilityAssessed assessment, RegulatoryVersion version) {
        if (!ELIGIBLE.equals(assessment.status())) {
            throw new BusinessRuleViolation("ASSESSMENT_NOT_ELIGIBLE",
                    "assessment " + assessment.assessmentId() + " found the doctor " + assessment.status());
        }
        if (!assessment.rpps().equals(command.rpps())) {
            throw new BusinessRuleViolation("ASSESSMENT_OTHER_DOCTOR",
                    "assessment " + assessment.assessmentId() + " is for another doctor");
        }
        if (assessment.caisseCode() != null && !assessment.caisseCode().equals(command.caisseCode())) {
            throw new BusinessRuleViolation("ASSESSMENT_OTHER_CAISSE", "assessment " + assessment.assessmentId()
                    + " was made by caisse " + assessment.caisseCode() + ", not " + command.caisseCode());
        }
        String departement = assessment.declaration() == null ? null : assessment.declaration().departement();
        if (departement != null && !departement.equals(command.departement())) {
            throw new BusinessRuleViolation("ASSESSMENT_OTHER_DEPARTEMENT", "assessment " + assessment.assessmentId()
                    + " is for a practice in département " + departement + ", not " + command.departement());
        }
        if (assessment.assessedOn().isAfter(command.signedOn())) {
            throw new BusinessRuleViolation("ASSESSMENT_AFTER_SIGNATURE",
                    "the assessment of " + assessment.assessedOn() + " comes after the signature");
        }
        if (!version.name().equals(assessment.regulatoryVersion())) {
            throw new BusinessRuleViolation("ASSESSMENT_OTHER_VERSION", "the assessment was made under "
                    + assessment.regulatoryVersion() + ", the signature falls under " + version);
        }
        if (!assessment.options().contains(command.option())) {
            throw new BusinessRuleViolation("OPTION_NOT_OPEN", "option " + command.option()
                    + " is not open to this doctor under " + version + " (open: " + assessment.options() + ")");
        }
    }
}

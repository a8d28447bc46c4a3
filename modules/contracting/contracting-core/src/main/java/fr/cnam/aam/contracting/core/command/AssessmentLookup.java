package fr.cnam.aam.contracting.core.command;

import fr.cnam.aam.eligibility.api.EligibilityAssessed;

import java.util.Optional;

/** Reads a recorded eligibility assessment, as recorded (not as a projection may lag behind it). */
public interface AssessmentLookup {

    Optional<EligibilityAssessed> find(String assessmentId);
}

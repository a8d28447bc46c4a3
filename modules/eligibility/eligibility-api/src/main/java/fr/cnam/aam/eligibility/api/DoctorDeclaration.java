package fr.cnam.aam.eligibility.api;

/**
 * What the doctor declared, or the caisse's statistics gave, for an assessment: the inputs as they were, kept in
 * the event so that the decision can be shown and explained years later.
 */
public record DoctorDeclaration(
        String specialty,
        String sector,
        Integer mtPatients,
        Integer fileActive,
        Integer shareUnder16,
        String departement,
        boolean priorityZone,
        boolean groupPractice,
        boolean coordinatedPractice,
        boolean newlyInstalled,
        boolean disabledWorker,
        boolean longTermIllness,
        Integer clinicalFeeShare,
        Integer age) {
}

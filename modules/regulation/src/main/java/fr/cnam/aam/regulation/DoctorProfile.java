package fr.cnam.aam.regulation;

/**
 * What a doctor declares (or the caisse's statistics give) for an eligibility assessment. Counts are nullable:
 * an unknown count only matters where a rule needs it.
 */
public record DoctorProfile(
        String specialty,
        String sector,
        Integer mtPatients,
        Integer fileActive,
        Integer shareUnder16Percent,
        String departement,
        boolean priorityZone,
        boolean groupPractice,
        boolean coordinatedPractice,
        boolean newlyInstalled,
        boolean disabledWorker,
        boolean longTermIllness,
        Integer clinicalFeesPercent,
        Integer age) {
}

package fr.cnam.aam.regulation;

/**
 * What a doctor declares (or the caisse's statistics give) for an eligibility assessment. Counts are nullable:
 * an unknown count only matters where a rule needs it. {@code currentContract} describes a contract the doctor
 * already holds (for a second assistant), or is null.
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
        Integer age,
        CurrentContract currentContract) {

    public DoctorProfile(String specialty, String sector, Integer mtPatients, Integer fileActive,
                         Integer shareUnder16Percent, String departement, boolean priorityZone, boolean groupPractice,
                         boolean coordinatedPractice, boolean newlyInstalled, boolean disabledWorker,
                         boolean longTermIllness, Integer clinicalFeesPercent, Integer age) {
        this(specialty, sector, mtPatients, fileActive, shareUnder16Percent, departement, priorityZone, groupPractice,
             coordinatedPractice, newlyInstalled, disabledWorker, longTermIllness, clinicalFeesPercent, age, null);
    }

    /** The contract a doctor holds already: its option, the contract year reached, whether its objectives are met. */
    public record CurrentContract(String option, int contractYear, boolean objectivesReached) {
    }
}

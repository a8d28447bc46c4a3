package fr.cnam.aam.app.simulation;

/** The doctor's rank in the national distribution of patientèle for the specialty. */
enum ActivityBand {
    BELOW_P30, P30_P50, P50_P70, P70_P90, P90_P95, ABOVE_P95
}

package fr.cnam.aam.regulation;

import java.util.List;

/**
 * What the group must reach: increases of its collective patientèle médecin traitant and file active (per ETP
 * financed) by the end of contract year {@code byYear}, and, for each member installed recently, the national P50
 * after some years of membership.
 */
public record CollectiveObjectives(int mtPatientsIncrease, int fileActiveIncrease, int byYear,
                                   List<MemberObjective> newlyInstalled, List<Reason> reasons) {

    /** A newly installed member's own targets, due after {@code afterYears} of membership. */
    public record MemberObjective(String rpps, int mtPatients, int fileActive, int afterYears) {
    }
}

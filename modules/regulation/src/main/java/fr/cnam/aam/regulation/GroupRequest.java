package fr.cnam.aam.regulation;

import java.time.LocalDate;
import java.util.List;

/**
 * A group's company asking for the collective aid on {@code date}: its legal form (SCP, SCM, SISA…), its member
 * doctors, the ETP it chooses (in per mille: 2 ETP = 2000), and whether it is an approved ambulatory training site.
 */
public record GroupRequest(LocalDate date, String structure, List<GroupMember> members, int etpPermille,
                           boolean approvedTrainingSite) {
}

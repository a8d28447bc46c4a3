package fr.cnam.aam.regulation;

/** One contract year of the collective aid: per ETP and for the ETP financed, with the rule that set it. */
public record CollectiveYear(int contractYear, long perEtpCents, long aidCents, Reason reason) {
}

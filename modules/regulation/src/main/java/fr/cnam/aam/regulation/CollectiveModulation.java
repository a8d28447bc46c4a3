package fr.cnam.aam.regulation;

/**
 * A year's collective aid once modulated: the achievement rate of each criterion (per mille, capped at 1000), the
 * rate applied, and the aid.
 */
public record CollectiveModulation(int contractYear, long aidCents, int mtPatientsRatePermille,
                                   int fileActiveRatePermille, int appliedRatePermille, long modulatedAidCents,
                                   Reason reason) {
}

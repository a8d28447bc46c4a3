package fr.cnam.aam.regulation;

import java.util.List;

/** The evaluation of a contract year: the achievement rate (the weakest criterion) and the aid it leaves. */
public record Achievement(int ratePercent, long aidCents, long modulatedAidCents, List<Reason> reasons) {
}

package fr.cnam.aam.regulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Objectives at signature, and the modulation of the aid by what was achieved: pure functions. */
public final class ObjectiveRules {

    private static final String GENERAL_PRACTICE = "MEDECINE_GENERALE";
    private static final long PER_MILLE = 1000;
    private static final int PERCENT = 100;

    private ObjectiveRules() {
    }

    /**
     * @param initialCounts the counts at signature, by criterion ({@code MT_PATIENTS}, {@code FILE_ACTIVE}); a
     *                      criterion the specialty needs but the map lacks is a {@link MissingParameter}
     */
    public static ObjectiveSet objectives(RegulatoryVersion version, LocalDate signedOn, String specialty,
                                          String option, String band, Map<String, Integer> initialCounts,
                                          Integer age, Rulebook rulebook) {
        List<Reason> reasons = new ArrayList<>();
        Resolved criteria = rulebook.resolve(GENERAL_PRACTICE.equals(specialty)
                                             ? "objectives.criteria.generalPractice"
                                             : "objectives.criteria.specialist", version, signedOn);
        reasons.add(Reason.of("OBJECTIVE_CRITERIA", "criteria " + criteria.asCodes(), criteria));
        Resolved from = rulebook.resolve("objectives.evaluatedFromYear", version, signedOn);
        reasons.add(Reason.of("OBJECTIVES_FROM_YEAR", "objectives checked from year " + from.asInt(), from));

        Resolved seniorAge = optional(rulebook, "objectives.maintainFromAge", version, signedOn);
        boolean maintainOnly = seniorAge != null && age != null && age >= seniorAge.asInt();
        Resolved increase = maintainOnly ? null
                : rulebook.resolve("objectives.increasePermille." + option + "." + band, version, signedOn);
        Resolved tolerance = maintainOnly
                ? rulebook.resolve("objectives.maintainTolerancePermille", version, signedOn) : null;
        if (maintainOnly) {
            reasons.add(Reason.of("MAINTAIN_ONLY", "aged " + age + ": maintain the patientèle", seniorAge));
        }
        List<Objective> objectives = new ArrayList<>();
        for (String criterion : criteria.asCodes()) {
            Integer initial = initialCounts.get(criterion);
            if (initial == null) {
                throw new MissingParameter("input." + criterion, "the initial " + criterion + " is needed");
            }
            if (maintainOnly) {
                long floor = initial - ceilPerMille(initial, tolerance.asLong());
                objectives.add(new Objective(criterion, initial, 0, initial, countOf(criterion, floor), Reason.of("MAINTAIN",
                        "keep " + criterion + " at " + initial + ", at least " + floor, tolerance)));
            } else {
                long target = initial + ceilPerMille(initial, increase.asLong());
                objectives.add(new Objective(criterion, initial, increase.asLong(), countOf(criterion, target), initial,
                        Reason.of("INCREASE", criterion + " from " + initial + " to " + target, increase)));
            }
        }
        return new ObjectiveSet(version, from.asInt(), maintainOnly, objectives, reasons);
    }

    /** A count of patients as the objectives hold it; a figure beyond it is refused, never wrapped around. */
    private static int countOf(String criterion, long count) {
        if (count < 0 || count > Integer.MAX_VALUE) {
            throw new fr.cnam.aam.kernel.BusinessRuleViolation("FIGURE_OUT_OF_RANGE",
                    "a " + criterion + " objective of " + count + " is out of range: check the initial count");
        }
        return (int) count;
    }

    /** The aid of a year once the objectives are evaluated; years before the evaluation keep their aid. */
    public static Achievement evaluate(ObjectiveSet set, int contractYear, Map<String, Integer> achieved,
                                       long aidCents, LocalDate on, Rulebook rulebook) {
        List<Reason> reasons = new ArrayList<>();
        if (contractYear < set.evaluatedFromYear()) {
            return new Achievement(PERCENT, aidCents, aidCents, reasons);
        }
        int rate = PERCENT;
        for (Objective objective : set.objectives()) {
            Integer count = achieved.get(objective.criterion());
            if (count == null) {
                throw new MissingParameter("input." + objective.criterion(),
                                           "the achieved " + objective.criterion() + " is needed");
            }
            rate = Math.min(rate, objective.achievementPercent(count));
        }
        Resolved full = rulebook.resolve("modulation.fullAidFromAchievementPercent", set.regulatoryVersion(), on);
        Resolved proRata = rulebook.resolve("modulation.belowIsProRata", set.regulatoryVersion(), on);
        long modulated;
        if (rate >= full.asInt()) {
            modulated = aidCents;
            reasons.add(Reason.of("AID_KEPT", rate + " % achieved ≥ " + full.asInt() + " %", full));
        } else if (proRata.asBoolean()) {
            modulated = aidCents * rate / PERCENT;
            reasons.add(Reason.of("AID_PRO_RATA", rate + " % achieved < " + full.asInt() + " %: aid pro rata",
                                  proRata));
        } else {
            modulated = aidCents;
            reasons.add(Reason.of("AID_KEPT", "no reduction rule", proRata));
        }
        return new Achievement(rate, aidCents, modulated, reasons);
    }

    private static long ceilPerMille(long value, long perMille) {
        return (value * perMille + PER_MILLE - 1) / PER_MILLE;
    }

    private static Resolved optional(Rulebook rulebook, String name, RegulatoryVersion version, LocalDate date) {
        Resolved resolved = rulebook.find(name, version, date);
        return resolved != null && resolved.known() ? resolved : null;
    }
}

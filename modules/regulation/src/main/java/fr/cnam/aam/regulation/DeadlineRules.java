package fr.cnam.aam.regulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Training, qualification and former-secretary deadlines of an assistant, from the hiring date. */
public final class DeadlineRules {

    private static final String CQP = "CQP";
    private static final String FAE = "FAE";

    private DeadlineRules() {
    }

    /**
     * @param qualifications what the assistant holds at hiring (DEI, DEAS, DEAP, CQP, FAE)
     * @param formerSecretary whether the assistant was the doctor's medical secretary
     */
    public static AssistantDeadlines deadlines(LocalDate hiredOn, List<String> qualifications,
                                               boolean formerSecretary, Rulebook rulebook) {
        RegulatoryVersion version = rulebook.versionOn(hiredOn);
        List<Reason> reasons = new ArrayList<>();
        Resolved known = rulebook.resolve("assistant.qualifications", version, hiredOn);
        Resolved needFae = rulebook.resolve("assistant.diplomasRequiringFae", version, hiredOn);
        for (String qualification : qualifications) {
            if (!known.asCodes().contains(qualification) && !FAE.equals(qualification)) {
                throw new fr.cnam.aam.kernel.BusinessRuleViolation("QUALIFICATION_UNKNOWN",
                        qualification + " is not a qualification for an assistant médical " + known.asCodes());
            }
        }
        boolean diploma = qualifications.stream().anyMatch(q -> needFae.asCodes().contains(q));
        boolean complete = qualifications.contains(CQP) || (diploma && qualifications.contains(FAE));
        LocalDate trainingBy = null;
        LocalDate qualifiedBy = null;
        if (complete) {
            reasons.add(Reason.of("QUALIFIED", "qualified at hiring: " + qualifications, known));
        } else {
            Resolved qualificationYears = rulebook.resolve("assistant.qualificationYears", version, hiredOn);
            qualifiedBy = hiredOn.plusYears(qualificationYears.asInt());
            reasons.add(Reason.of("QUALIFY_BY", (diploma ? "FAE" : "CQP") + " by " + qualifiedBy,
                                  qualificationYears));
            if (!diploma) {
                Resolved startYears = rulebook.resolve("assistant.trainingStartYears", version, hiredOn);
                trainingBy = hiredOn.plusYears(startYears.asInt());
                if (trainingBy.isAfter(qualifiedBy)) {
                    trainingBy = qualifiedBy;
                }
                reasons.add(Reason.of("TRAINING_START_BY", "training started by " + trainingBy, startYears));
            }
        }
        LocalDate secretaryBy = null;
        if (formerSecretary) {
            Resolved months = rulebook.resolve("assistant.secretaryReplacementMonths", version, hiredOn);
            secretaryBy = hiredOn.plusMonths(months.asInt());
            reasons.add(Reason.of("SECRETARY_REPLACED_BY", "former secretary's post replaced by " + secretaryBy,
                                  months));
        }
        return new AssistantDeadlines(trainingBy, qualifiedBy, secretaryBy, reasons);
    }

    /**
     * The deadlines of an assistant employed for a collective contract (COLLECTIVE_2026, regulation.md §3b): the CQP
     * within the collective's delay unless the assistant holds one of the qualifications that dispense from it
     * (the CQP, or a nurse's, aide-soignant's or auxiliaire de puériculture's diploma). S38 sets no training-start
     * delay and no former-secretary rule for the collective aid: none is invented here.
     */
    public static AssistantDeadlines collectiveDeadlines(LocalDate hiredOn, List<String> qualifications,
                                                         Rulebook rulebook) {
        RegulatoryVersion version = rulebook.versionOnOrFirst(hiredOn, RegulatoryVersion.Kind.COLLECTIVE);
        LocalDate on = hiredOn.isBefore(rulebook.startOf(version)) ? rulebook.startOf(version) : hiredOn;
        Resolved known = rulebook.resolve("assistant.qualifications", rulebook.versionOn(on), on);
        Resolved exempt = rulebook.resolve("collective.assistant.exemptQualifications", version, on);
        for (String qualification : qualifications) {
            if (!known.includes(qualification) && !exempt.includes(qualification) && !FAE.equals(qualification)) {
                throw new fr.cnam.aam.kernel.BusinessRuleViolation("QUALIFICATION_UNKNOWN",
                        qualification + " is not a qualification for an assistant médical " + known.asCodes());
            }
        }
        List<Reason> reasons = new ArrayList<>();
        LocalDate qualifiedBy = null;
        if (qualifications.stream().anyMatch(exempt::includes)) {
            reasons.add(Reason.of("QUALIFIED", "dispensed from the CQP at hiring: " + qualifications, exempt));
        } else {
            Resolved years = rulebook.resolve("collective.assistant.qualificationYears", version, on);
            qualifiedBy = hiredOn.plusYears(years.asInt());
            reasons.add(Reason.of("QUALIFY_BY", "CQP by " + qualifiedBy, years));
        }
        return new AssistantDeadlines(null, qualifiedBy, null, reasons);
    }
}

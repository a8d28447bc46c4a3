package fr.cnam.aam.regulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Eligibility of a doctor on a date: a pure function of the profile, the date and the rulebook. */
public final class EligibilityRules {

    private static final String GENERAL_PRACTICE = "MEDECINE_GENERALE";

    private EligibilityRules() {
    }

    public static EligibilityDecision assess(DoctorProfile doctor, LocalDate date, Rulebook rulebook) {
        RegulatoryVersion version = rulebook.versionOn(date);
        Assessment a = new Assessment(rulebook, version, date);
        a.check(() -> sector(doctor, a));
        a.check(() -> specialty(doctor, a));
        a.check(() -> clinicalFees(doctor, a));
        a.check(() -> practice(doctor, a));
        a.check(() -> activity(doctor, a));
        List<String> options = a.status() == EligibilityStatus.NOT_ELIGIBLE ? List.of() : options(doctor, a);
        return new EligibilityDecision(a.status(), version, rulebook.revision(), options, a.reasons);
    }

    private static void sector(DoctorProfile doctor, Assessment a) {
        Resolved sectors = a.get("eligibility.sectors");
        if (sectors.includes(doctor.sector())) {
            a.ok("SECTOR_ELIGIBLE", "sector " + doctor.sector() + " may sign", sectors);
        } else {
            a.refuse("SECTOR_NOT_ELIGIBLE", "sector " + doctor.sector() + " may not sign", sectors);
        }
    }

    private static void specialty(DoctorProfile doctor, Assessment a) {
        String specialty = doctor.specialty();
        Resolved excluded = a.getOrNull("eligibility.specialties.excluded");
        {
            if (excluded != null && excluded.known()) {
                if (excluded.includes(specialty)) {
                    a.refuse("SPECIALTY_EXCLUDED", specialty + " is excluded from the aid", excluded);
                } else {
                    a.ok("SPECIALTY_ELIGIBLE", specialty + " is not among the excluded specialties", excluded);
                }
                return;
            }
        }
        Resolved everywhere = a.get("eligibility.specialties.everywhere");
        if (everywhere.includes(specialty)) {
            a.ok("SPECIALTY_ELIGIBLE", specialty + " is eligible on the whole territory", everywhere);
            return;
        }
        Resolved byDepartement = a.get("eligibility.specialties.departements");
        if (byDepartement.requireKnown().has(specialty)) {
            if (byDepartement.value().get(specialty).isNull()) {
                a.missing(new MissingParameter("eligibility.specialties.departements." + specialty,
                                               byDepartement.source()));
                return;
            }
            List<String> departements = new ArrayList<>();
            byDepartement.value().get(specialty).forEach(n -> departements.add(n.asText()));
            if (departements.contains(doctor.departement())) {
                a.ok("SPECIALTY_ELIGIBLE_IN_DEPARTEMENT", specialty + " is eligible in " + doctor.departement(),
                     byDepartement);
            } else {
                a.refuse("SPECIALTY_NOT_ELIGIBLE_IN_DEPARTEMENT",
                         specialty + " is eligible only in " + departements, byDepartement);
            }
            return;
        }
        a.indeterminate("SPECIALTY_LIST_MISSING",
                        "the list of specialties eligible under " + a.version + " is not known for " + specialty,
                        everywhere);
    }

    private static void clinicalFees(DoctorProfile doctor, Assessment a) {
        if (!a.has("eligibility.clinicalFees.specialties")) {
            return;
        }
        Resolved concerned = a.getOrNull("eligibility.clinicalFees.specialties");
        if (concerned == null || !concerned.known() || !concerned.includes(doctor.specialty())) {
            return;
        }
        Resolved minimum = a.get("eligibility.clinicalFees.minimumPercent");
        if (doctor.clinicalFeesPercent() == null) {
            a.indeterminate("CLINICAL_FEES_UNKNOWN",
                            doctor.specialty() + " must bill at least " + minimum.asInt()
                            + " % clinical fees: give clinicalFeesPercent", minimum);
        } else if (doctor.clinicalFeesPercent() < minimum.asInt()) {
            a.refuse("CLINICAL_FEES_TOO_LOW", "clinical fees " + doctor.clinicalFeesPercent() + " % below "
                                              + minimum.asInt() + " %", minimum);
        } else {
            a.ok("CLINICAL_FEES_MET", "clinical fees " + doctor.clinicalFeesPercent() + " %", minimum);
        }
    }

    private static void practice(DoctorProfile doctor, Assessment a) {
        Resolved group = a.get("practice.groupRequired");
        if (group.asBoolean() && !doctor.groupPractice()) {
            Resolved waived = a.get("practice.groupWaivedInPriorityZone");
            if (doctor.priorityZone() && waived.asBoolean()) {
                a.ok("GROUP_PRACTICE_WAIVED", "group practice is waived in a priority zone", waived);
            } else {
                a.refuse("GROUP_PRACTICE_REQUIRED", "a practice of at least 2 doctors is required", group);
            }
        }
        Resolved coordinated = a.get("practice.coordinatedRequired");
        if (coordinated.asBoolean() && !doctor.coordinatedPractice()) {
            Resolved years = a.get("practice.coordinatedCommitmentYears");
            a.ok("COORDINATED_PRACTICE_COMMITMENT",
                 "the doctor must commit to join a coordinated practice within " + years.asInt() + " years", years);
        }
    }

    private static void activity(DoctorProfile doctor, Assessment a) {
        boolean gp = GENERAL_PRACTICE.equals(doctor.specialty());
        String parameter = gp ? "threshold.mtPatients." + doctor.specialty()
                              : "threshold.fileActive." + doctor.specialty();
        Integer count = gp ? doctor.mtPatients() : doctor.fileActive();
        Resolved threshold = a.getOrNull(parameter);
        if (threshold != null && threshold.known() && count != null && count >= threshold.asInt()) {
            a.ok("ACTIVITY_THRESHOLD_MET", (gp ? "MT patients " : "file active ") + count + " ≥ "
                                           + threshold.asInt(), threshold);
            return;
        }
        if (waived(doctor, gp, a)) {
            return;
        }
        if (threshold == null || !threshold.known()) {
            a.missing(new MissingParameter(parameter, threshold == null ? null : threshold.source()));
        } else if (count == null) {
            a.indeterminate("ACTIVITY_UNKNOWN", "give " + (gp ? "mtPatients" : "fileActive"), threshold);
        } else {
            a.refuse("ACTIVITY_BELOW_THRESHOLD", (gp ? "MT patients " : "file active ") + count + " < "
                                                 + threshold.asInt(), threshold);
        }
    }

    private static boolean waived(DoctorProfile doctor, boolean gp, Assessment a) {
        if (doctor.newlyInstalled()) {
            Resolved waiver = a.getOrNull("waiver.newlyInstalled");
            if (waiver != null && waiver.known() && waiver.asBoolean()) {
                a.ok("THRESHOLD_WAIVED_NEWLY_INSTALLED", "newly installed: no activity threshold", waiver);
                return true;
            }
        }
        if (doctor.disabledWorker()) {
            Resolved waiver = a.getOrNull("waiver.disabledWorker");
            if (waiver != null && waiver.known() && waiver.asBoolean()) {
                a.ok("THRESHOLD_WAIVED_RQTH", "RQTH: no activity threshold", waiver);
                return true;
            }
        }
        if (gp && doctor.shareUnder16Percent() != null) {
            Resolved share = a.getOrNull("threshold.under16.sharePercent");
            if (share != null && share.known() && doctor.shareUnder16Percent() > share.asInt()) {
                a.ok("THRESHOLD_WAIVED_CHILDREN", "more than " + share.asInt() + " % of patients under 16", share);
                return true;
            }
        }
        if (doctor.disabledWorker() || doctor.longTermIllness()) {
            Resolved caseByCase = a.getOrNull("waiver.caseByCase");
            if (caseByCase != null && caseByCase.known() && caseByCase.asBoolean()) {
                a.indeterminate("CASE_BY_CASE", "disability or chronic disease: the CPAM adjusts the contract",
                                caseByCase);
                return true;
            }
        }
        return false;
    }

    private static List<String> options(DoctorProfile doctor, Assessment a) {
        try {
            List<String> options = new ArrayList<>(a.get("options.available").asCodes());
            Resolved zoneOnly = a.get("options.priorityZoneOnly");
            if (!doctor.priorityZone() && options.removeAll(zoneOnly.asCodes())) {
                a.ok("OPTION_PRIORITY_ZONE_ONLY", zoneOnly.asCodes() + " only in a priority zone", zoneOnly);
            }
            if (secondAssistantOpen(doctor, a)) {
                options.addAll(a.get("options.secondAssistant").asCodes());
            }
            return options;
        } catch (MissingParameter e) {
            a.missing(e);
            return List.of();
        }
    }

    /** A second assistant (2024): a GP in a ZIP whose full-time contract reached year 3 with its objectives met. */
    private static boolean secondAssistantOpen(DoctorProfile doctor, Assessment a) {
        Resolved options = a.getOrNull("options.secondAssistant");
        DoctorProfile.CurrentContract current = doctor.currentContract();
        if (options == null || !options.known() || current == null) {
            return false;
        }
        Resolved specialties = a.get("options.secondAssistant.specialties");
        Resolved option = a.get("options.secondAssistant.requiredOption");
        Resolved fromYear = a.get("options.secondAssistant.fromContractYear");
        Resolved zoneOnly = a.get("options.secondAssistant.priorityZoneOnly");
        Resolved objectives = a.get("options.secondAssistant.objectivesReached");
        if (!specialties.includes(doctor.specialty())) {
            a.ok("SECOND_ASSISTANT_SPECIALTY", "a second assistant is for " + specialties.asCodes(), specialties);
        } else if (!option.requireKnown().asText().equals(current.option())) {
            a.ok("SECOND_ASSISTANT_OPTION", "a second assistant needs a " + option.value().asText() + " contract",
                 option);
        } else if (current.contractYear() < fromYear.asInt()) {
            a.ok("SECOND_ASSISTANT_YEAR", "a second assistant from contract year " + fromYear.asInt(), fromYear);
        } else if (zoneOnly.asBoolean() && !doctor.priorityZone()) {
            a.ok("SECOND_ASSISTANT_ZONE", "a second assistant only in a priority zone", zoneOnly);
        } else if (objectives.asBoolean() && !current.objectivesReached()) {
            a.ok("SECOND_ASSISTANT_OBJECTIVES", "a second assistant once the objectives are reached", objectives);
        } else {
            a.ok("SECOND_ASSISTANT_OPEN", "a second assistant may be hired: " + options.asCodes(), options);
            return true;
        }
        return false;
    }

    /** Collects reasons; the worst verdict wins: not eligible, then indeterminate, then eligible. */
    private static final class Assessment {
        final Rulebook rulebook;
        final RegulatoryVersion version;
        final LocalDate date;
        final List<Reason> reasons = new ArrayList<>();
        boolean refused;
        boolean unknown;

        Assessment(Rulebook rulebook, RegulatoryVersion version, LocalDate date) {
            this.rulebook = rulebook;
            this.version = version;
            this.date = date;
        }

        boolean has(String name) {
            return rulebook.has(name);
        }

        Resolved get(String name) {
            return rulebook.resolve(name, version, date);
        }

        Resolved getOrNull(String name) {
            return rulebook.find(name, version, date);
        }

        void check(Runnable rule) {
            try {
                rule.run();
            } catch (MissingParameter e) {
                missing(e);
            }
        }

        void ok(String code, String message, Resolved cited) {
            reasons.add(Reason.of(code, message, cited));
        }

        void refuse(String code, String message, Resolved cited) {
            refused = true;
            reasons.add(Reason.of(code, message, cited));
        }

        void indeterminate(String code, String message, Resolved cited) {
            unknown = true;
            reasons.add(Reason.of(code, message, cited));
        }

        void missing(MissingParameter e) {
            unknown = true;
            reasons.add(Reason.missing(e));
        }

        EligibilityStatus status() {
            return refused ? EligibilityStatus.NOT_ELIGIBLE
                           : unknown ? EligibilityStatus.INDETERMINATE : EligibilityStatus.ELIGIBLE;
        }
    }
}

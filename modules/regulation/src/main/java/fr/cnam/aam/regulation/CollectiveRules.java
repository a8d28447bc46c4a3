package fr.cnam.aam.regulation;

import fr.cnam.aam.kernel.BusinessRuleViolation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The collective aid (COLLECTIVE_2026, regulation.md §3b): a pure function of the group, the date and the
 * rulebook. Decides eligibility with reasons, the ETP cap, the aid of each year (per ETP financed), the collective
 * objectives, and the pro-rata modulation of a year's aid from the year the rulebook says.
 */
public final class CollectiveRules {

    private static final int PER_MILLE = 1000;

    private CollectiveRules() {
    }

    public static CollectiveDecision decide(GroupRequest request, Rulebook rulebook) {
        RegulatoryVersion version = rulebook.versionOn(request.date(), RegulatoryVersion.Kind.COLLECTIVE);
        CollectiveEligibility e = new CollectiveEligibility(rulebook, version, request.date());
        List<GroupMember> members = request.members() == null ? List.of() : request.members();
        GroupRequest group = new GroupRequest(request.date(), request.structure(), members, request.etpPermille(),
                                              request.approvedTrainingSite());
        e.check(() -> e.structure(group.structure()));
        e.check(() -> e.members(members));
        e.check(() -> e.averagePatientele(members));
        int[] cap = {0};
        e.check(() -> cap[0] = e.etpCap(group));
        e.check(() -> e.etp(group.etpPermille(), cap[0]));
        double average = members.isEmpty() ? 0
                : members.stream().mapToLong(GroupMember::mtPatients).sum() / (double) members.size();
        List<CollectiveYear> years = new ArrayList<>();
        CollectiveObjectives objectives = null;
        if (e.status() != EligibilityStatus.NOT_ELIGIBLE) {
            try {
                int duration = e.get("collective.contract.durationYears").asInt();
                for (int year = 1; year <= duration; year++) {
                    years.add(year(year, group.etpPermille(), version, request.date(), rulebook));
                }
                objectives = objectives(group, version, request.date(), rulebook);
            } catch (MissingParameter missing) {
                e.missing(missing);
            }
        }
        return new CollectiveDecision(e.status(), version, rulebook.revision(), members.size(), average, cap[0],
                                      group.etpPermille(), years, objectives, List.copyOf(e.reasons));
    }

    /** The parameter of a year's aid per ETP: year 1, year 2, then the year-3 one for every year after (S38). */
    public static String aidParameter(int contractYear) {
        return "collective.aid.perEtp.year" + Math.min(contractYear, 3);
    }

    /** The aid of a contract year for the ETP financed: year 1, year 2, then the year-3 amount every year after. */
    public static CollectiveYear year(int contractYear, int etpPermille, RegulatoryVersion version, LocalDate on,
                                      Rulebook rulebook) {
        Resolved perEtp = rulebook.resolve(aidParameter(contractYear), version, on);
        long aid = perEtp.asLong() * etpPermille / PER_MILLE;
        return new CollectiveYear(contractYear, perEtp.asLong(), aid, Reason.of("COLLECTIVE_AID_AMOUNT",
                "year " + contractYear + ": " + perEtp.asLong() / 100 + " € per ETP × " + etpPermille + "‰", perEtp));
    }

    /** The group's collective objectives for the ETP it finances (and its newly installed members' own). */
    public static CollectiveObjectives objectives(GroupRequest group, RegulatoryVersion version, LocalDate on,
                                                  Rulebook rulebook) {
        Resolved mt = rulebook.resolve("collective.objectives.mtPatientsPerEtp", version, on);
        Resolved fa = rulebook.resolve("collective.objectives.fileActivePerEtp", version, on);
        Resolved within = rulebook.resolve("collective.objectives.withinYears", version, on);
        Resolved months = rulebook.resolve("collective.newlyInstalled.months", version, on);
        Resolved p50Mt = rulebook.resolve("collective.newlyInstalled.mtPatients", version, on);
        Resolved p50Fa = rulebook.resolve("collective.newlyInstalled.fileActive", version, on);
        Resolved after = rulebook.resolve("collective.newlyInstalled.afterYears", version, on);
        List<CollectiveObjectives.MemberObjective> newlyInstalled = new ArrayList<>();
        for (GroupMember member : group.members()) {
            if (member.installedOn() != null && member.installedOn().isAfter(on.minusMonths(months.asLong()))) {
                newlyInstalled.add(new CollectiveObjectives.MemberObjective(member.rpps(), p50Mt.asInt(),
                                                                            p50Fa.asInt(), after.asInt()));
            }
        }
        List<Reason> reasons = List.of(
                Reason.of("COLLECTIVE_OBJECTIVE_MT", "+" + mt.asLong() + " MT patients per ETP", mt),
                Reason.of("COLLECTIVE_OBJECTIVE_FILE_ACTIVE", "+" + fa.asLong() + " file active per ETP", fa),
                Reason.of("COLLECTIVE_OBJECTIVES_WITHIN", "within " + within.asLong() + " years", within));
        return new CollectiveObjectives((int) (mt.asLong() * group.etpPermille() / PER_MILLE),
                                        (int) (fa.asLong() * group.etpPermille() / PER_MILLE), within.asInt(),
                                        List.copyOf(newlyInstalled), reasons);
    }

    /**
     * A year's aid modulated by the collective objectives: in full before the modulation's first year or when both
     * are reached, else pro rata of the achievement rates (each capped at 100 %) combined as the rulebook says.
     */
    public static CollectiveModulation modulate(int contractYear, long aidCents, int targetMt, int reachedMt,
                                                int targetFileActive, int reachedFileActive, LocalDate on,
                                                Rulebook rulebook) {
        RegulatoryVersion version = rulebook.versionOn(on, RegulatoryVersion.Kind.COLLECTIVE);
        Resolved from = rulebook.resolve("collective.modulation.fromYear", version, on);
        int mtRate = rate(reachedMt, targetMt);
        int faRate = rate(reachedFileActive, targetFileActive);
        if (contractYear < from.asInt()) {
            return new CollectiveModulation(contractYear, aidCents, mtRate, faRate, PER_MILLE, aidCents,
                    Reason.of("COLLECTIVE_NOT_MODULATED", "year " + contractYear + " is before year " + from.asInt(),
                              from));
        }
        Resolved combination = rulebook.resolve("collective.modulation.combination", version, on);
        int applied = switch (String.valueOf(combination.value().asText())) {
            case "MEAN" -> (mtRate + faRate) / 2;
            case "MIN" -> Math.min(mtRate, faRate);
            default -> throw new BusinessRuleViolation("PARAMETER_INVALID", "collective.modulation.combination: "
                                                       + combination.value() + " is neither MEAN nor MIN");
        };
        long modulated = aidCents * applied / PER_MILLE;
        return new CollectiveModulation(contractYear, aidCents, mtRate, faRate, applied, modulated,
                Reason.of(applied == PER_MILLE ? "COLLECTIVE_OBJECTIVES_REACHED" : "COLLECTIVE_PRO_RATA",
                          "MT " + mtRate + "‰, file active " + faRate + "‰ → " + applied + "‰ of the aid",
                          combination));
    }

    /**
     * When a contract year's due aid is paid to the company, as the rulebook's {@code collective.payment.calendar}
     * says (read on the signature): AT_YEAR_START pays it in one line on the day that opens the year. An unknown
     * calendar (none published, or a code this release does not know) is a missing parameter: the year's payments
     * stay undetermined rather than guessed.
     */
    public static List<Payment> calendar(int contractYear, LocalDate signedOn, long dueCents,
                                         RegulatoryVersion version, Rulebook rulebook) {
        Resolved calendar = rulebook.resolve("collective.payment.calendar", version, signedOn);
        String code = calendar.known() ? calendar.value().asText() : null;
        if (!"AT_YEAR_START".equals(code)) {
            throw new MissingParameter("collective.payment.calendar", code == null ? "no calendar published"
                    : code + " is not a calendar this release knows (AT_YEAR_START)");
        }
        LocalDate opens = signedOn.plusYears(contractYear - 1L);
        return List.of(new Payment(opens, dueCents, contractYear, Reason.of("AT_YEAR_START",
                "year " + contractYear + " paid on the day that opens it, " + opens, calendar)));
    }

    /** The first day a member of a collective contract ended on {@code endedOn} may sign again. */
    public static LocalDate waitingPeriodEnds(LocalDate endedOn, Rulebook rulebook) {
        RegulatoryVersion version = rulebook.versionOn(endedOn, RegulatoryVersion.Kind.COLLECTIVE);
        return endedOn.plusYears(rulebook.resolve("collective.waitingPeriod.years", version, endedOn).asLong());
    }

    private static int rate(int reached, int target) {
        if (target <= 0) {
            return PER_MILLE;
        }
        return (int) Math.max(0, Math.min(PER_MILLE, (long) reached * PER_MILLE / target));
    }
}

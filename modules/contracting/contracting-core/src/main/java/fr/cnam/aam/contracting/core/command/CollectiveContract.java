package fr.cnam.aam.contracting.core.command;

import fr.cnam.aam.contracting.api.ChangeCollectiveEtpCommand;
import fr.cnam.aam.contracting.api.CollectiveContractSigned;
import fr.cnam.aam.contracting.api.CollectiveContractTermReached;
import fr.cnam.aam.contracting.api.CollectiveContractTerminated;
import fr.cnam.aam.contracting.api.CollectiveEtpChanged;
import fr.cnam.aam.contracting.api.CollectiveMember;
import fr.cnam.aam.contracting.api.CollectiveMemberJoined;
import fr.cnam.aam.contracting.api.CollectiveMemberLeft;
import fr.cnam.aam.contracting.api.CollectiveObjectivesEvaluated;
import fr.cnam.aam.contracting.api.EvaluateCollectiveObjectivesCommand;
import fr.cnam.aam.contracting.api.JoinCollectiveContractCommand;
import fr.cnam.aam.contracting.api.LeaveCollectiveContractCommand;
import fr.cnam.aam.contracting.api.ReachCollectiveTermCommand;
import fr.cnam.aam.contracting.api.SignCollectiveContractCommand;
import fr.cnam.aam.contracting.api.TerminateCollectiveContractCommand;
import fr.cnam.aam.contracting.api.WaitingPeriodWaived;
import fr.cnam.aam.contracting.api.WaiveWaitingPeriodCommand;
import fr.cnam.aam.kernel.BusinessRuleViolation;
import fr.cnam.aam.kernel.Rpps;
import fr.cnam.aam.regulation.CollectiveDecision;
import fr.cnam.aam.regulation.CollectiveModulation;
import fr.cnam.aam.regulation.CollectiveRules;
import fr.cnam.aam.regulation.CollectiveYear;
import fr.cnam.aam.regulation.EligibilityStatus;
import fr.cnam.aam.regulation.GroupMember;
import fr.cnam.aam.regulation.GroupRequest;
import fr.cnam.aam.regulation.Reason;
import fr.cnam.aam.regulation.RegulatoryVersion;
import fr.cnam.aam.regulation.Rulebook;
import fr.cnam.aam.regulation.Rulebooks;
import fr.cnam.aam.regulation.referential.Caisses;
import fr.cnam.aam.regulation.referential.Departements;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A group's collective contract (COLLECTIVE_2026, regulation.md §3b): signed by its company for its member GPs,
 * each doctor reserved for it as for an individual contract (one active contract per doctor: a member's individual
 * contract must be terminated first); members join and leave, the ETP changes by avenant within the cap, years are
 * evaluated against the collective objectives, and its end holds every member in a waiting period. Decisions are
 * {@link CollectiveRules}'; this class records them.
 */
@Aggregate
class CollectiveContract {

    private static final Set<String> TERMINATED_BY = Set.of("GROUP", "CAISSE");

    @AggregateIdentifier
    private String collectiveContractId;
    private String structure;
    private boolean approvedTrainingSite;
    private LocalDate signedOn;
    private LocalDate endsOn;
    private int etpPermille;
    private String regulatoryVersion;
    private final Map<String, CollectiveMember> members = new LinkedHashMap<>();
    private final Map<String, LocalDate> joinedOn = new LinkedHashMap<>();
    private final Set<Integer> evaluatedYears = new java.util.HashSet<>();
    /** The ETP, aid by year and objectives recorded, each from its date: a year is evaluated on what held then. */
    private final List<Terms> terms = new ArrayList<>();
    /** Ended, by a termination or at its term: closed to every change but a waiver of the waiting period. */
    private boolean terminated;
    private LocalDate lastDay;
    /** The members when it ended, each held until {@code waitingUntil} unless the director waived it. */
    private final Set<String> heldAtEnd = new java.util.HashSet<>();
    private LocalDate waitingUntil;
    private final Set<String> waived = new java.util.HashSet<>();

    /** What the group finances from {@code from}: recorded by the signature, then by each ETP avenant. */
    private record Terms(LocalDate from, int etpPermille, List<Long> aidByYearCents, int mtPatientsIncrease,
                         int fileActiveIncrease) {
    }

    CollectiveContract() {
        // for Axon: state comes from the events
    }

    @CommandHandler
    CollectiveContract(SignCollectiveContractCommand command, Rulebooks rulebooks, ActiveContracts activeContracts) {
        if (command.collectiveContractId() == null || command.collectiveContractId().isBlank()) {
            throw new BusinessRuleViolation("CONTRACT_ID_REQUIRED", "a collective contract has an identifier");
        }
        Caisses.requireKnown(command.caisseCode());
        Departements.requireKnown(command.departement());
        if (command.signedOn() == null) {
            throw new BusinessRuleViolation("SIGNATURE_DATE_REQUIRED", "the signature date is required");
        }
        if (command.companyIdentifier() == null || command.companyIdentifier().isBlank()) {
            throw new BusinessRuleViolation("COMPANY_IDENTIFIER_REQUIRED",
                                            "the company's AM number (SCP, SCM) or FINESS number (SISA)");
        }
        List<CollectiveMember> declared = command.members() == null ? List.of() : command.members();
        declared.forEach(m -> new Rpps(m.rpps()));
        Rulebook rulebook = rulebooks.currentFor(RegulatoryVersion.Kind.COLLECTIVE);
        CollectiveDecision decision = CollectiveRules.decide(group(command.signedOn(), command.structure(),
                declared, command.etpPermille(), command.approvedTrainingSite()), rulebook);
        requireEligible(decision);
        for (CollectiveMember member : declared) {
            if (activeContracts.reserve(member.rpps(), command.collectiveContractId(), command.signedOn())) {
                // a signature that fails after this point gives its doctors back
                CurrentUnitOfWork.ifStarted(unit -> unit.onRollback(
                        u -> activeContracts.release(member.rpps(), command.collectiveContractId())));
            }
        }
        int duration = decision.aid().size();
        List<String> rules = decision.reasons().stream().map(CollectiveContract::cite).toList();
        apply(new CollectiveContractSigned(command.collectiveContractId(), command.caisseCode(),
                command.departement(), command.structure(), command.companyIdentifier(),
                command.approvedTrainingSite(), command.signedOn(),
                command.signedOn(), command.signedOn().plusYears(duration).minusDays(1), List.copyOf(declared),
                decision.etpPermille(), decision.etpCapPermille(), decision.averageMtPatients(),
                decision.aid().stream().map(CollectiveYear::aidCents).toList(),
                decision.objectives().mtPatientsIncrease(), decision.objectives().fileActiveIncrease(),
                decision.objectives().byYear(), decision.regulatoryVersion().name(), decision.rulebookRevision(),
                rules));
    }

    @CommandHandler
    void handle(JoinCollectiveContractCommand command, Rulebooks rulebooks, ActiveContracts activeContracts) {
        requireOpen();
        CollectiveMember member = command.member();
        if (member == null || command.joinedOn() == null) {
            throw new BusinessRuleViolation("MEMBER_REQUIRED", "a member and the date of the membership form");
        }
        new Rpps(member.rpps());
        requireWithinTerm(command.joinedOn(), "JOIN_OUTSIDE_TERM");
        if (members.containsKey(member.rpps())) {
            throw new BusinessRuleViolation("MEMBER_DUPLICATE", member.rpps() + " is a member already");
        }
        List<CollectiveMember> after = new ArrayList<>(members.values());
        after.add(member);
        // the newcomer must be a member the rules accept; the group's average is not re-checked (S38)
        CollectiveDecision decision = CollectiveRules.decide(group(command.joinedOn(), structure, after, etpPermille,
                approvedTrainingSite), rulebooks.currentFor(RegulatoryVersion.Kind.COLLECTIVE));
        refuseOn(decision, code -> code.startsWith("MEMBER_") && !code.equals("MEMBERS_ELIGIBLE"));
        if (activeContracts.reserve(member.rpps(), collectiveContractId, command.joinedOn())) {
            CurrentUnitOfWork.ifStarted(unit -> unit.onRollback(
                    u -> activeContracts.release(member.rpps(), collectiveContractId)));
        }
        apply(new CollectiveMemberJoined(collectiveContractId, member, command.joinedOn(),
                                         decision.etpCapPermille()));
    }

    @CommandHandler
    void handle(LeaveCollectiveContractCommand command, Rulebooks rulebooks, ActiveContracts activeContracts) {
        requireOpen();
        if (!members.containsKey(command.rpps())) {
            throw new BusinessRuleViolation("MEMBER_UNKNOWN", "no member " + command.rpps());
        }
        if (command.leftOn() == null) {
            throw new BusinessRuleViolation("DATE_REQUIRED", "the date the member leaves");
        }
        requireWithinTerm(command.leftOn(), "LEAVE_OUTSIDE_TERM");
        if (command.leftOn().isBefore(joinedOn.getOrDefault(command.rpps(), signedOn))) {
            throw new BusinessRuleViolation("LEAVE_BEFORE_JOINING", "the member joined on "
                                            + joinedOn.get(command.rpps()));
        }
        if (members.size() == 1) {
            throw new BusinessRuleViolation("LAST_MEMBER", "the last member leaves by the contract's termination");
        }
        List<CollectiveMember> after = new ArrayList<>(members.values());
        after.removeIf(m -> m.rpps().equals(command.rpps()));
        CollectiveDecision decision = CollectiveRules.decide(group(command.leftOn(), structure, after, etpPermille,
                approvedTrainingSite), rulebooks.currentFor(RegulatoryVersion.Kind.COLLECTIVE));
        if (etpPermille > decision.etpCapPermille()) {
            throw new BusinessRuleViolation("ETP_ABOVE_CAP", "without this member the cap is "
                    + decision.etpCapPermille() + "‰ ETP, below the " + etpPermille + "‰ financed: an avenant "
                    + "lowers the ETP first");
        }
        String rpps = command.rpps();
        // still this contract's member until the day it leaves: free for another from the day after
        LocalDate freeFrom = command.leftOn().plusDays(1);
        CurrentUnitOfWork.ifStarted(unit -> unit.afterCommit(u -> activeContracts.holdUntil(rpps,
                collectiveContractId, freeFrom, false)));
        apply(new CollectiveMemberLeft(collectiveContractId, rpps, command.leftOn(), command.reason(),
                                       decision.etpCapPermille()));
    }

    @CommandHandler
    void handle(ChangeCollectiveEtpCommand command, Rulebooks rulebooks) {
        requireOpen();
        if (command.effectiveOn() == null) {
            throw new BusinessRuleViolation("DATE_REQUIRED", "the avenant's effective date");
        }
        requireWithinTerm(command.effectiveOn(), "AVENANT_OUTSIDE_TERM");
        // avenants in date order, none reaching back into a year already evaluated: a year's evaluation and its
        // payment then read the same terms, and what was decided is never re-priced
        Terms latest = terms.get(terms.size() - 1);
        if (command.effectiveOn().isBefore(latest.from())) {
            throw new BusinessRuleViolation("AVENANT_BEFORE_PREVIOUS", "the terms in force were set from "
                                            + latest.from());
        }
        int lastEvaluated = evaluatedYears.stream().mapToInt(Integer::intValue).max().orElse(0);
        if (lastEvaluated > 0 && command.effectiveOn().isBefore(signedOn.plusYears(lastEvaluated))) {
            throw new BusinessRuleViolation("YEAR_ALREADY_EVALUATED", "year " + lastEvaluated + " is evaluated: an "
                    + "avenant takes effect from " + signedOn.plusYears(lastEvaluated) + " at the earliest");
        }
        Rulebook rulebook = rulebooks.currentFor(RegulatoryVersion.Kind.COLLECTIVE);
        GroupRequest group = group(command.effectiveOn(), structure, List.copyOf(members.values()),
                                   command.etpPermille(), approvedTrainingSite);
        CollectiveDecision decision = CollectiveRules.decide(group, rulebook);
        refuseOn(decision, code -> code.equals("ETP_ABOVE_CAP") || code.equals("ETP_INVALID"));
        if (command.etpPermille() > etpPermille) {
            // more aid is asked for: the group must still meet the average it signed on (members who joined with
            // no patientèle cannot buy cap)
            refuseOn(decision, "AVERAGE_PATIENTELE_TOO_LOW"::equals);
        }
        RegulatoryVersion version = RegulatoryVersion.valueOf(regulatoryVersion);
        int years = terms.get(0).aidByYearCents().size();
        List<Long> aid = new ArrayList<>();
        for (int year = 1; year <= years; year++) {
            aid.add(CollectiveRules.year(year, command.etpPermille(), version, signedOn, rulebook).aidCents());
        }
        var objectives = CollectiveRules.objectives(group, version, signedOn, rulebook);
        apply(new CollectiveEtpChanged(collectiveContractId, command.avenantReference(), etpPermille,
                command.etpPermille(), command.effectiveOn(), List.copyOf(aid), objectives.mtPatientsIncrease(),
                objectives.fileActiveIncrease(), rulebook.revision()));
    }

    @CommandHandler
    void handle(EvaluateCollectiveObjectivesCommand command, Rulebooks rulebooks) {
        if (command.evaluatedOn() == null) {
            throw new BusinessRuleViolation("DATE_REQUIRED", "the evaluation date");
        }
        int years = (int) java.time.temporal.ChronoUnit.YEARS.between(signedOn, endsOn.plusDays(1));
        if (command.contractYear() < 1 || command.contractYear() > years) {
            throw new BusinessRuleViolation("YEAR_BEYOND_CONTRACT", "a contract year from 1 to " + years);
        }
        if (command.evaluatedOn().isBefore(signedOn.plusYears(command.contractYear()))) {
            throw new BusinessRuleViolation("EVALUATION_BEFORE_YEAR_END", "year " + command.contractYear()
                                            + " ends on " + signedOn.plusYears(command.contractYear()).minusDays(1));
        }
        if (evaluatedYears.contains(command.contractYear())) {
            throw new BusinessRuleViolation("YEAR_ALREADY_EVALUATED", "year " + command.contractYear());
        }
        LocalDate yearStart = signedOn.plusYears(command.contractYear() - 1L);
        if (lastDay != null && yearStart.isAfter(lastDay)) {
            throw new BusinessRuleViolation("YEAR_AFTER_TERMINATION", "the contract ended on " + lastDay);
        }
        // the year is evaluated on what was recorded for it: the terms in force at its start
        Terms held = terms.get(0);
        for (Terms t : terms) {
            if (!t.from().isAfter(yearStart)) {
                held = t;
            }
        }
        Rulebook rulebook = rulebooks.currentFor(RegulatoryVersion.Kind.COLLECTIVE);
        long aid = held.aidByYearCents().get(command.contractYear() - 1);
        CollectiveModulation m = CollectiveRules.modulate(command.contractYear(), aid, held.mtPatientsIncrease(),
                command.mtPatientsReached(), held.fileActiveIncrease(), command.fileActiveReached(),
                command.evaluatedOn(), rulebook);
        apply(new CollectiveObjectivesEvaluated(collectiveContractId, command.contractYear(), command.evaluatedOn(),
                command.mtPatientsReached(), command.fileActiveReached(), m.mtPatientsRatePermille(),
                m.fileActiveRatePermille(), m.appliedRatePermille(), m.aidCents(), m.modulatedAidCents(),
                regulatoryVersion, rulebook.revision(), List.of(cite(m.reason()))));
    }

    @CommandHandler
    void handle(TerminateCollectiveContractCommand command, Rulebooks rulebooks, ActiveContracts activeContracts) {
        requireOpen();
        if (!TERMINATED_BY.contains(String.valueOf(command.by()))) {
            throw new BusinessRuleViolation("TERMINATION_BY_INVALID", "by GROUP or CAISSE");
        }
        if (command.notifiedOn() == null || command.notifiedOn().isBefore(signedOn)
            || command.notifiedOn().isAfter(endsOn)) {
            throw new BusinessRuleViolation("TERMINATION_DATE_INVALID", "notified between the signature and the "
                                            + "term, " + signedOn + " – " + endsOn);
        }
        Rulebook rulebook = rulebooks.currentFor(RegulatoryVersion.Kind.COLLECTIVE);
        // no notice is known for the collective contract (S38 silent): it ends on its notification
        LocalDate effectiveOn = command.notifiedOn();
        LocalDate waitingUntil = CollectiveRules.waitingPeriodEnds(effectiveOn, rulebook);
        List<String> held = holdMembersUntil(waitingUntil, activeContracts);
        apply(new CollectiveContractTerminated(collectiveContractId, command.by(), command.reason(),
                command.notifiedOn(), effectiveOn, held, waitingUntil,
                rulebook.versionOn(effectiveOn, RegulatoryVersion.Kind.COLLECTIVE).name(), rulebook.revision()));
    }

    /** The calendar, the day after the last day: the contract ends at its term, its members wait as after a termination. */
    @CommandHandler
    void handle(ReachCollectiveTermCommand command, Rulebooks rulebooks, ActiveContracts activeContracts) {
        requireOpen();
        if (command.on() == null || !command.on().isAfter(endsOn)) {
            throw new BusinessRuleViolation("TERM_NOT_REACHED", "the term ends on " + endsOn);
        }
        Rulebook rulebook = rulebooks.currentFor(RegulatoryVersion.Kind.COLLECTIVE);
        LocalDate until = CollectiveRules.waitingPeriodEnds(endsOn, rulebook);
        List<String> held = holdMembersUntil(until, activeContracts);
        apply(new CollectiveContractTermReached(collectiveContractId, endsOn, held, until, regulatoryVersion,
                                                rulebook.revision()));
    }

    /** The caisse director's exception to a former member's waiting period (S38): the doctor is free at once. */
    @CommandHandler
    void handle(WaiveWaitingPeriodCommand command, ActiveContracts activeContracts) {
        if (!terminated) {
            throw new BusinessRuleViolation("CONTRACT_NOT_ENDED", "a waiting period runs once the contract ended");
        }
        if (!heldAtEnd.contains(command.rpps())) {
            throw new BusinessRuleViolation("MEMBER_UNKNOWN", "no member " + command.rpps()
                                            + " when the contract ended");
        }
        if (waived.contains(command.rpps())) {
            throw new BusinessRuleViolation("WAIVER_ALREADY_RECORDED", command.rpps() + " is exempted already");
        }
        if (command.decisionReference() == null || command.decisionReference().isBlank()) {
            throw new BusinessRuleViolation("DECISION_REFERENCE_REQUIRED", "the director's decision is referenced");
        }
        if (command.decidedOn() == null || !command.decidedOn().isAfter(lastDay)) {
            throw new BusinessRuleViolation("DECISION_DATE_INVALID", "decided after the contract's last day, "
                                            + lastDay);
        }
        if (!command.decidedOn().isBefore(waitingUntil)) {
            throw new BusinessRuleViolation("WAITING_PERIOD_OVER", "the waiting period ended on " + waitingUntil);
        }
        // held until the decision's day, no longer: a contract dated before it is still refused
        String rpps = command.rpps();
        LocalDate free = command.decidedOn();
        CurrentUnitOfWork.ifStarted(unit -> unit.afterCommit(u -> activeContracts.holdUntil(rpps,
                collectiveContractId, free, false)));
        apply(new WaitingPeriodWaived(collectiveContractId, rpps, command.decidedOn(), command.decisionReference(),
                                      command.reason()));
    }

    /** Holds every member, after the commit, until {@code until} (a waiting period); returns them. */
    private List<String> holdMembersUntil(LocalDate until, ActiveContracts activeContracts) {
        List<String> held = List.copyOf(members.keySet());
        CurrentUnitOfWork.ifStarted(unit -> unit.afterCommit(u -> held.forEach(
                rpps -> activeContracts.holdUntil(rpps, collectiveContractId, until, true))));
        return held;
    }

    private void requireEligible(CollectiveDecision decision) {
        if (decision.status() == EligibilityStatus.ELIGIBLE) {
            return;
        }
        Reason first = decision.reasons().stream()
                .filter(r -> decision.status() == EligibilityStatus.INDETERMINATE
                             ? r.code().equals("PARAMETER_MISSING")
                             : r.code().endsWith("_NOT_ELIGIBLE") || r.code().endsWith("_TOO_LOW")
                               || r.code().startsWith("ETP_") && !r.code().equals("ETP_WITHIN_CAP")
                                  && !r.code().equals("ETP_TEACHING_BONUS")
                               || r.code().equals("GROUP_EMPTY") || r.code().startsWith("MEMBER_")
                                  && !r.code().equals("MEMBERS_ELIGIBLE"))
                .findFirst().orElse(null);
        throw new BusinessRuleViolation(first != null ? first.code() : "COLLECTIVE_NOT_ELIGIBLE",
                                        first != null ? first.message() : "the group is not eligible");
    }

    /** Refuses with the first of the decision's reasons whose code is one of these. */
    private static void refuseOn(CollectiveDecision decision, java.util.function.Predicate<String> code) {
        decision.reasons().stream().filter(r -> code.test(r.code())).findFirst().ifPresent(r -> {
            throw new BusinessRuleViolation(r.code(), r.message());
        });
    }

    private void requireOpen() {
        if (terminated) {
            throw new BusinessRuleViolation("CONTRACT_TERMINATED", collectiveContractId + " is terminated");
        }
    }

    private void requireWithinTerm(LocalDate on, String rule) {
        if (on.isBefore(signedOn) || on.isAfter(endsOn)) {
            throw new BusinessRuleViolation(rule, on + " is outside the contract, " + signedOn + " – " + endsOn);
        }
    }

    private static GroupRequest group(LocalDate on, String structure, List<CollectiveMember> members,
                                      int etpPermille, boolean approvedTrainingSite) {
        return new GroupRequest(on, structure, members.stream().map(m -> new GroupMember(m.rpps(), m.specialty(),
                m.sector(), m.mep(), m.mtPatients(), m.fileActive(), m.installedOn(), m.hostsDocteurJunior()))
                .toList(), etpPermille, approvedTrainingSite);
    }

    private static String cite(Reason reason) {
        return reason.code() + ": " + reason.message() + (reason.parameter() == null ? ""
                : " [" + reason.parameter() + "; " + reason.source() + "; " + reason.confidence() + "]");
    }

    @EventSourcingHandler
    void on(CollectiveContractSigned e) {
        collectiveContractId = e.collectiveContractId();
        structure = e.structure();
        approvedTrainingSite = e.approvedTrainingSite();
        signedOn = e.signedOn();
        endsOn = e.endsOn();
        etpPermille = e.etpPermille();
        regulatoryVersion = e.regulatoryVersion();
        e.members().forEach(m -> {
            members.put(m.rpps(), m);
            joinedOn.put(m.rpps(), e.signedOn());
        });
        terms.add(new Terms(e.signedOn(), e.etpPermille(), e.aidByYearCents(), e.mtPatientsIncrease(),
                            e.fileActiveIncrease()));
    }

    @EventSourcingHandler
    void on(CollectiveMemberJoined e) {
        members.put(e.member().rpps(), e.member());
        joinedOn.put(e.member().rpps(), e.joinedOn());
    }

    @EventSourcingHandler
    void on(CollectiveMemberLeft e) {
        members.remove(e.rpps());
    }

    @EventSourcingHandler
    void on(CollectiveEtpChanged e) {
        etpPermille = e.etpPermille();
        terms.add(new Terms(e.effectiveOn(), e.etpPermille(), e.aidByYearCents(), e.mtPatientsIncrease(),
                            e.fileActiveIncrease()));
    }

    @EventSourcingHandler
    void on(CollectiveObjectivesEvaluated e) {
        evaluatedYears.add(e.contractYear());
    }

    @EventSourcingHandler
    void on(CollectiveContractTerminated e) {
        ended(e.effectiveOn(), e.members(), e.waitingUntil());
    }

    @EventSourcingHandler
    void on(CollectiveContractTermReached e) {
        ended(e.endedOn(), e.members(), e.waitingUntil());
    }

    @EventSourcingHandler
    void on(WaitingPeriodWaived e) {
        waived.add(e.rpps());
    }

    private void ended(LocalDate last, List<String> held, LocalDate until) {
        terminated = true;
        lastDay = last;
        heldAtEnd.addAll(held);
        waitingUntil = until;
    }
}

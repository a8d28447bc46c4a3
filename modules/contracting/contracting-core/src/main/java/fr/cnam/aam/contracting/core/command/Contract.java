package fr.cnam.aam.contracting.core.command;

import fr.cnam.aam.regulation.referential.Departements;
import fr.cnam.aam.regulation.referential.Caisses;
import fr.cnam.aam.contracting.api.AidOption;
import fr.cnam.aam.contracting.api.AmendContractCommand;
import fr.cnam.aam.contracting.api.ContractAmended;
import fr.cnam.aam.contracting.api.ContractSigned;
import fr.cnam.aam.contracting.api.SignContractCommand;
import fr.cnam.aam.contracting.api.AmendObjectivesCommand;
import fr.cnam.aam.contracting.api.AnnualActivityRecorded;
import fr.cnam.aam.contracting.api.NonComplianceProcedureOpened;
import fr.cnam.aam.contracting.api.OpenNonComplianceProcedureCommand;
import fr.cnam.aam.contracting.api.ProposeSuspensionCommand;
import fr.cnam.aam.contracting.api.SuspensionProposed;
import fr.cnam.aam.contracting.api.ObjectivesAmended;
import fr.cnam.aam.contracting.api.ContractAnniversaryReached;
import fr.cnam.aam.contracting.api.ContractTermReached;
import fr.cnam.aam.contracting.api.ReachTermCommand;
import fr.cnam.aam.contracting.api.RecordAnniversaryCommand;
import fr.cnam.aam.contracting.api.ContractRenewed;
import fr.cnam.aam.contracting.api.ContractRevalued;
import fr.cnam.aam.contracting.api.RecordSemestrialReviewCommand;
import fr.cnam.aam.contracting.api.RenewContractCommand;
import fr.cnam.aam.contracting.api.RevalueAtAnniversaryCommand;
import fr.cnam.aam.contracting.api.SemestrialReviewHeld;
import fr.cnam.aam.contracting.api.ContractObjective;
import fr.cnam.aam.contracting.api.EvaluateObjectivesCommand;
import fr.cnam.aam.contracting.api.ObjectivesEvaluated;
import fr.cnam.aam.contracting.api.RecordAnnualActivityCommand;
import fr.cnam.aam.contracting.api.RegulatoryVersionSwitched;
import fr.cnam.aam.contracting.api.SwitchRegulatoryVersionCommand;
import fr.cnam.aam.regulation.Achievement;
import fr.cnam.aam.regulation.AidRequest;
import fr.cnam.aam.regulation.AidRules;
import fr.cnam.aam.regulation.AidYear;
import fr.cnam.aam.regulation.Objective;
import fr.cnam.aam.regulation.Reason;
import fr.cnam.aam.contracting.api.ContractResumed;
import fr.cnam.aam.contracting.api.ContractSuspended;
import fr.cnam.aam.contracting.api.ContractTerminated;
import fr.cnam.aam.contracting.api.ResumeContractCommand;
import fr.cnam.aam.contracting.api.SuspendContractCommand;
import fr.cnam.aam.contracting.api.TerminateContractCommand;
import fr.cnam.aam.eligibility.api.EligibilityAssessed;
import fr.cnam.aam.kernel.BusinessRuleViolation;
import fr.cnam.aam.regulation.MissingParameter;
import fr.cnam.aam.regulation.ObjectiveRules;
import fr.cnam.aam.regulation.ObjectiveSet;
import fr.cnam.aam.regulation.RegulatoryVersion;
import fr.cnam.aam.regulation.Resolved;
import fr.cnam.aam.regulation.Rulebook;
import fr.cnam.aam.regulation.Rulebooks;
import fr.cnam.aam.kernel.Rpps;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

@Aggregate(cache = "aggregateCache")
class Contract {

    @AggregateIdentifier
    private String contractId;
    private String rpps;
    private String option;
    private LocalDate signedOn;
    private String regulatoryVersion;
    private LocalDate startsOn;
    private LocalDate endsOn;
    /** The latest effective date of an avenant recorded: a later avenant may not take effect before it. */
    private LocalDate lastAvenantEffectiveOn;
    /** The end of the term the last renewal extended: that term is renewed, once. */
    private LocalDate renewedTermEnd;
    private String activityBand;
    private int objectivesFromYear;
    private List<ContractObjective> objectives = List.of();
    private final Map<Integer, Map<String, Integer>> activity = new HashMap<>();
    private final Set<Integer> evaluatedYears = new HashSet<>();
    private String revaluedTo;
    private int lastAnniversaryYear = 1;
    private LocalDate lastReviewOn;
    private String specialty;
    private boolean priorityZone;
    private int lastAchievementRate = -1;
    private boolean termReached;
    private LocalDate suspendedOn;
    private boolean terminated;

    Contract() {
        // for Axon: state comes from the events
    }

    @CommandHandler
    Contract(SignContractCommand command, AssessmentLookup assessments, Rulebooks rulebooks,
             ActiveContracts activeContracts) {
        new Rpps(command.rpps());
        Caisses.requireKnown(command.caisseCode());
        Departements.requireKnown(command.departement());
        requireOption(command.option());
        if (command.signedOn() == null) {
            throw new BusinessRuleViolation("SIGNATURE_DATE_REQUIRED", "the signature date is required");
        }
        EligibilityAssessed assessment = assessments.find(command.assessmentId()).orElseThrow(
                () -> new BusinessRuleViolation("ASSESSMENT_NOT_FOUND",
                                                "no eligibility assessment " + command.assessmentId()));
        Rulebook rulebook = rulebooks.current();
        RegulatoryVersion version = rulebook.versionOn(command.signedOn());
        SignatureRules.check(command, assessment, version);
        Resolved duration = rulebook.resolve("contract.durationYears", version, command.signedOn());
        Map<String, Integer> initial = new HashMap<>();
        if (command.initialMtPatients() != null) {
            initial.put("MT_PATIENTS", command.initialMtPatients());
        }
        if (command.initialFileActive() != null) {
            initial.put("FILE_ACTIVE", command.initialFileActive());
        }
        ObjectiveSet objectives;
        try {
            objectives = ObjectiveRules.objectives(version, command.signedOn(), assessment.declaration().specialty(),
                    command.option(), command.activityBand(), initial, assessment.declaration().age(), rulebook);
        } catch (MissingParameter e) {
            throw new BusinessRuleViolation("OBJECTIVES_INDETERMINATE", e.getMessage());
        }
        if (activeContracts.reserve(command.rpps(), command.contractId(), command.signedOn())) {
            // a signature that fails after this point (e.g. the identifier exists) gives the doctor back
            CurrentUnitOfWork.ifStarted(unit -> unit.onRollback(
                    u -> activeContracts.release(command.rpps(), command.contractId())));
        }
        apply(new ContractSigned(command.contractId(), command.rpps(), command.caisseCode(), command.departement(),
                command.option(), command.signedOn(), command.assessmentId(), assessment.declaration().specialty(),
                command.activityBand(), command.initialMtPatients(), command.initialFileActive(),
                command.signedOn(), command.signedOn().plusYears(duration.asInt()).minusDays(1), version.name(),
                rulebook.revision(), objectives.evaluatedFromYear(),
                objectives.objectives().stream().map(o -> new ContractObjective(o.criterion(), o.initial(),
                        o.increasePermille(), o.target(), o.floor(), o.rule().parameter(), o.rule().source(),
                        o.rule().confidence() == null ? null : o.rule().confidence().code())).toList(),
                assessment.declaration().priorityZone()));
    }

    @CommandHandler
    void handle(AmendContractCommand command, Rulebooks rulebooks) {
        requireOpen();
        requireText(command.avenantReference(), "AVENANT_REFERENCE_REQUIRED", "an avenant needs its reference");
        requireOption(command.option());
        if (regulatoryVersion != null && command.effectiveOn() != null) {
            Rulebook rulebook = rulebooks.current();
            RegulatoryVersion version = RegulatoryVersion.valueOf(regulatoryVersion);
            Resolved open = rulebook.resolve("options.available", version, command.effectiveOn());
            Resolved second = rulebook.find("options.secondAssistant", version, command.effectiveOn());
            if (second != null && second.known() && second.includes(command.option())) {
                requireSecondAssistantConditions(rulebook, version, command.effectiveOn());
            } else if (!open.includes(command.option())) {
                throw new BusinessRuleViolation("OPTION_NOT_OPEN", command.option() + " is not open under "
                                                + regulatoryVersion + " on " + command.effectiveOn());
            }
        }
        if (command.effectiveOn() == null || command.effectiveOn().isBefore(signedOn)) {
            throw new BusinessRuleViolation("AVENANT_BEFORE_SIGNATURE",
                    "an avenant takes effect on or after the signature date " + signedOn);
        }
        if (lastAvenantEffectiveOn != null && command.effectiveOn().isBefore(lastAvenantEffectiveOn)) {
            // the view and the schedule both take avenants in the order they take effect: one dated before the
            // last would rewrite what was paid since; the caisse records a correcting avenant instead
            throw new BusinessRuleViolation("AVENANT_OUT_OF_ORDER", "an avenant takes effect on or after the last "
                                            + "one recorded (" + lastAvenantEffectiveOn + ")");
        }
        if (command.option().equals(option)) {
            throw new BusinessRuleViolation("AVENANT_CHANGES_NOTHING",
                    "the contract already has option " + option);
        }
        apply(new ContractAmended(contractId, command.avenantReference(), option, command.option(),
                                  command.effectiveOn(), command.reason(), regulatoryVersion,
                                  rulebooks.current().revision()));
    }

    /** §3.3: a GP with a full-time contract, in year 3 or later, objectives reached, in a ZIP. */
    private void requireSecondAssistantConditions(Rulebook rulebook, RegulatoryVersion version, LocalDate on) {
        Resolved specialties = rulebook.resolve("options.secondAssistant.specialties", version, on);
        Resolved required = rulebook.resolve("options.secondAssistant.requiredOption", version, on);
        Resolved fromYear = rulebook.resolve("options.secondAssistant.fromContractYear", version, on);
        Resolved zoneOnly = rulebook.resolve("options.secondAssistant.priorityZoneOnly", version, on);
        Resolved objectivesReached = rulebook.resolve("options.secondAssistant.objectivesReached", version, on);
        String refusal = null;
        if (!specialties.includes(specialty)) {
            refusal = "a second assistant is for " + specialties.asCodes();
        } else if (!required.requireKnown().asText().equals(option)) {
            refusal = "a second assistant needs a " + required.value().asText() + " contract";
        } else if (contractYear(on) < fromYear.asInt()) {
            refusal = "a second assistant from contract year " + fromYear.asInt();
        } else if (zoneOnly.asBoolean() && !priorityZone) {
            refusal = "a second assistant only in a priority zone";
        } else if (objectivesReached.asBoolean() && lastAchievementRate < 100) {
            refusal = "a second assistant once the objectives are reached (last evaluation: "
                      + (lastAchievementRate < 0 ? "none" : lastAchievementRate + " %") + ")";
        }
        if (refusal != null) {
            throw new BusinessRuleViolation("SECOND_ASSISTANT_CONDITIONS", refusal);
        }
    }

    @CommandHandler
    void handle(SuspendContractCommand command) {
        requireOpen();
        requireText(command.avenantReference(), "AVENANT_REFERENCE_REQUIRED", "a suspension needs its avenant");
        requireText(command.reason(), "REASON_REQUIRED", "a suspension needs its reason");
        requireOnOrAfter(command.effectiveOn(), signedOn, "SUSPENSION_BEFORE_SIGNATURE");
        if (suspendedOn != null) {
            throw new BusinessRuleViolation("CONTRACT_ALREADY_SUSPENDED", "the contract is suspended since "
                                            + suspendedOn);
        }
        apply(new ContractSuspended(contractId, command.avenantReference(), command.reason(),
                                    command.effectiveOn()));
    }

    @CommandHandler
    void handle(ProposeSuspensionCommand command) {
        requireOpen();
        if (suspendedOn != null) {
            throw new BusinessRuleViolation("CONTRACT_ALREADY_SUSPENDED", "the contract is suspended since "
                                            + suspendedOn);
        }
        apply(new SuspensionProposed(contractId, command.cause(), command.assistantId(), command.since()));
    }

    @CommandHandler
    void handle(OpenNonComplianceProcedureCommand command) {
        requireOpen();
        requireText(command.obligation(), "OBLIGATION_REQUIRED", "a procedure names the obligation not met");
        apply(new NonComplianceProcedureOpened(contractId, command.obligation(), command.assistantId(),
                                               command.missedOn()));
    }

    @CommandHandler
    void handle(ResumeContractCommand command) {
        requireOpen();
        requireText(command.avenantReference(), "AVENANT_REFERENCE_REQUIRED", "a resumption needs its avenant");
        if (suspendedOn == null) {
            throw new BusinessRuleViolation("CONTRACT_NOT_SUSPENDED", "the contract is not suspended");
        }
        requireOnOrAfter(command.effectiveOn(), suspendedOn, "RESUMPTION_BEFORE_SUSPENSION");
        apply(new ContractResumed(contractId, command.avenantReference(), command.reason(), command.effectiveOn()));
    }

    @CommandHandler
    void handle(TerminateContractCommand command, Rulebooks rulebooks, ActiveContracts activeContracts) {
        requireOpen();
        requireText(command.reason(), "REASON_REQUIRED", "a termination needs its reason");
        requireOnOrAfter(command.notifiedOn(), signedOn, "TERMINATION_BEFORE_SIGNATURE");
        LocalDate lastDay = switch (command.by() == null ? "" : command.by()) {
            case "DOCTOR" -> {
                Resolved notice = rulebooks.current().resolve("contract.terminationNoticeMonths",
                        RegulatoryVersion.valueOf(regulatoryVersion), command.notifiedOn());
                LocalDate effective = command.notifiedOn().plusMonths(notice.asInt());
                apply(new ContractTerminated(contractId, command.by(), command.reason(), command.notifiedOn(),
                        effective, notice.parameter(), notice.source(),
                        notice.confidence() == null ? null : notice.confidence().code(), regulatoryVersion,
                        rulebooks.current().revision()));
                yield effective;
            }
            case "CAISSE" -> {
                apply(new ContractTerminated(contractId, command.by(), command.reason(), command.notifiedOn(),
                        command.notifiedOn(), null, null, null, regulatoryVersion, rulebooks.current().revision()));
                yield command.notifiedOn();
            }
            case "TERM" -> {
                if (command.notifiedOn().isBefore(endsOn)) {
                    throw new BusinessRuleViolation("TERM_NOT_REACHED", "the contract runs until " + endsOn);
                }
                apply(new ContractTerminated(contractId, command.by(), command.reason(), command.notifiedOn(),
                        endsOn, null, null, null, regulatoryVersion, rulebooks.current().revision()));
                yield endsOn;
            }
            default -> throw new BusinessRuleViolation("TERMINATION_PARTY_UNKNOWN",
                    "a contract is ended by DOCTOR, CAISSE or TERM, not '" + command.by() + "'");
        };
        // a notice running past the term: the contract ends at its term, the doctor is free from the day after
        holdUntilTheDayAfter(lastDay.isAfter(endsOn) ? endsOn : lastDay, activeContracts);
    }

    /**
     * The doctor stays this contract's until its last day, paid as such: free for another contract (a group's
     * collective one, for one) from the day after, not from the notification — a doctor's notice would otherwise
     * let two contracts pay the same days.
     */
    private void holdUntilTheDayAfter(LocalDate last, ActiveContracts activeContracts) {
        String holder = rpps;
        LocalDate free = last.plusDays(1);
        CurrentUnitOfWork.ifStarted(unit -> unit.afterCommit(u -> activeContracts.holdUntil(holder, contractId, free,
                                                                                            false)));
    }

    @CommandHandler
    void handle(RecordAnnualActivityCommand command) {
        requireOpen();
        requireYear(command.contractYear());
        if (command.mtPatients() == null && command.fileActive() == null) {
            throw new BusinessRuleViolation("ACTIVITY_EMPTY", "give mtPatients and/or fileActive");
        }
        if (activity.containsKey(command.contractYear())) {
            throw new BusinessRuleViolation("ACTIVITY_ALREADY_RECORDED",
                                            "year " + command.contractYear() + " is recorded already");
        }
        apply(new AnnualActivityRecorded(contractId, command.contractYear(), command.mtPatients(),
                                         command.fileActive(), command.recordedOn()));
    }

    @CommandHandler
    void handle(EvaluateObjectivesCommand command, Rulebooks rulebooks) {
        requireOpen();
        requireYear(command.contractYear());
        if (command.contractYear() < objectivesFromYear) {
            throw new BusinessRuleViolation("OBJECTIVES_NOT_YET", "objectives are evaluated from year "
                                            + objectivesFromYear);
        }
        Map<String, Integer> counts = activity.get(command.contractYear());
        if (counts == null) {
            throw new BusinessRuleViolation("ACTIVITY_NOT_RECORDED", "record the activity of year "
                                            + command.contractYear() + " first");
        }
        if (evaluatedYears.contains(command.contractYear())) {
            throw new BusinessRuleViolation("YEAR_ALREADY_EVALUATED", "year " + command.contractYear()
                                            + " is evaluated already");
        }
        Rulebook rulebook = rulebooks.current();
        RegulatoryVersion version = RegulatoryVersion.valueOf(regulatoryVersion);
        AidYear aid = AidRules.aidForYear(new AidRequest(startsOn, version, option, activityBand, null, null),
                                          command.contractYear(), rulebook);
        ObjectiveSet set = new ObjectiveSet(version, objectivesFromYear, false, objectives.stream()
                .map(o -> new Objective(o.criterion(), o.initial(), o.increasePermille(), o.target(), o.floor(),
                                        new Reason("OBJECTIVE", o.criterion(), o.parameter(), o.source(), null)))
                .toList(), List.of());
        Achievement achievement;
        try {
            achievement = ObjectiveRules.evaluate(set, command.contractYear(), counts, aid.aidCents(),
                                                  command.evaluatedOn(), rulebook);
        } catch (MissingParameter e) {
            throw new BusinessRuleViolation("ACTIVITY_INCOMPLETE", e.getMessage());
        }
        List<String> rules = new java.util.ArrayList<>();
        rules.add(cite(aid.rule()));
        achievement.reasons().forEach(r -> rules.add(cite(r)));
        apply(new ObjectivesEvaluated(contractId, command.contractYear(), command.evaluatedOn(),
                                      achievement.ratePercent(), aid.aidCents(), achievement.modulatedAidCents(),
                                      version.name(), rulebook.revision(), rules));
    }

    @CommandHandler
    void handle(SwitchRegulatoryVersionCommand command, Rulebooks rulebooks) {
        requireOpen();
        RegulatoryVersion from = RegulatoryVersion.valueOf(regulatoryVersion);
        RegulatoryVersion to;
        try {
            to = RegulatoryVersion.valueOf(String.valueOf(command.toVersion()));
        } catch (IllegalArgumentException e) {
            throw new BusinessRuleViolation("VERSION_UNKNOWN", "no regulatory version " + command.toVersion());
        }
        if (to.kind() != from.kind()) {
            // the collective aid is another contract, signed by a group: a doctor moves to it by a termination
            throw new BusinessRuleViolation("VERSION_KIND_MISMATCH", "a contract under " + from + " (" + from.kind()
                                            + ") cannot move to " + to + " (" + to.kind() + ")");
        }
        if (to.compareTo(from) <= 0) {
            throw new BusinessRuleViolation("SWITCH_NOT_FORWARD", "a contract under " + from
                                            + " can only move to a later version");
        }
        requireOnOrAfter(command.requestedOn(), signedOn, "SWITCH_BEFORE_SIGNATURE");
        Rulebook rulebook = rulebooks.current();
        if (rulebook.startOf(to).isAfter(command.requestedOn())) {
            throw new BusinessRuleViolation("VERSION_NOT_IN_FORCE", to + " applies from " + rulebook.startOf(to));
        }
        if (!rulebook.resolve("options.available", to, command.requestedOn()).includes(option)) {
            throw new BusinessRuleViolation("OPTION_NOT_OPEN", option + " is not open under " + to
                                            + ": an avenant changing the option comes first");
        }
        int year = contractYear(command.requestedOn());
        long before = AidRules.aidForYear(new AidRequest(startsOn, from, option, activityBand, null, null), year,
                                          rulebook).aidCents();
        long after = AidRules.aidForYear(new AidRequest(startsOn, to, option, activityBand, null, null), year,
                                         rulebook).aidCents();
        apply(new RegulatoryVersionSwitched(contractId, from.name(), to.name(), command.requestedOn(), year, before,
                                            after, rulebook.revision(), command.reason(), objectives));
    }

    @CommandHandler
    void handle(RevalueAtAnniversaryCommand command, Rulebooks rulebooks) {
        requireOpen();
        requireAnniversary(command.anniversaryOn());
        ContractRevalued revalued = revaluationAt(command.anniversaryOn(), rulebooks.current());
        if (revalued == null) {
            throw new BusinessRuleViolation("NO_REVALUATION", "no later version's amounts reach this contract on "
                                            + command.anniversaryOn());
        }
        apply(revalued);
    }

    @CommandHandler
    void handle(RecordAnniversaryCommand command, Rulebooks rulebooks) {
        requireOpen();
        requireAnniversary(command.anniversaryOn());
        int year = contractYear(command.anniversaryOn());
        if (year <= lastAnniversaryYear) {
            throw new BusinessRuleViolation("ANNIVERSARY_ALREADY_RECORDED", "year " + year + " has begun already");
        }
        apply(new ContractAnniversaryReached(contractId, command.anniversaryOn(), year,
                                             year - 1 >= objectivesFromYear, regulatoryVersion,
                                             rulebooks.current().revision()));
        ContractRevalued revalued = revaluationAt(command.anniversaryOn(), rulebooks.current());
        if (revalued != null) {
            apply(revalued);
        }
    }

    @CommandHandler
    void handle(ReachTermCommand command, ActiveContracts activeContracts) {
        requireOpen();
        if (termReached || command.on() == null || !command.on().isAfter(endsOn)) {
            throw new BusinessRuleViolation("TERM_NOT_REACHED", "the term ends on " + endsOn);
        }
        apply(new ContractTermReached(contractId, endsOn));
        // a contract at its term, not renewed, no longer holds its doctor (who may sign again, or join a group)
        holdUntilTheDayAfter(endsOn, activeContracts);
    }

    private void requireAnniversary(LocalDate anniversary) {
        if (anniversary == null || !fr.cnam.aam.kernel.Anniversaries.isAnniversary(startsOn, anniversary)) {
            throw new BusinessRuleViolation("NOT_AN_ANNIVERSARY", anniversary + " is not an anniversary of "
                                            + startsOn);
        }
    }

    /** The revaluation a later version brings on this anniversary, or null if none (or already applied). */
    private ContractRevalued revaluationAt(LocalDate anniversary, Rulebook rulebook) {
        RegulatoryVersion version = RegulatoryVersion.valueOf(regulatoryVersion);
        int year = contractYear(anniversary);
        AidRequest request = new AidRequest(startsOn, version, option, activityBand, null, null);
        AidYear now = AidRules.aidForYear(request, year, rulebook);
        if (now.amountsOf() == version || now.amountsOf().name().equals(revaluedTo)) {
            return null;
        }
        AidYear before = AidRules.aidForYear(request, year, rulebook, false);
        return new ContractRevalued(contractId, anniversary, year, now.amountsOf().name(), before.aidCents(),
                                    now.aidCents(), now.rule().parameter(), now.rule().source(),
                                    now.rule().confidence() == null ? null : now.rule().confidence().code(),
                                    rulebook.revision());
    }

    @EventSourcingHandler
    void on(ContractAnniversaryReached event) {
        lastAnniversaryYear = event.contractYear();
    }

    @EventSourcingHandler
    void on(ContractTermReached event) {
        termReached = true;
    }

    @CommandHandler
    void handle(RenewContractCommand command, Rulebooks rulebooks, ActiveContracts activeContracts) {
        requireOpen();
        requireOnOrAfter(command.decidedOn(), signedOn, "RENEWAL_BEFORE_SIGNATURE");
        if (renewedTermEnd != null && !command.decidedOn().isAfter(renewedTermEnd)) {
            throw new BusinessRuleViolation("RENEWAL_ALREADY_DECIDED", "the term ending " + renewedTermEnd
                                            + " is renewed already (until " + endsOn + ")");
        }
        Resolved window = rulebooks.current().resolve("contract.renewalWindowMonths",
                RegulatoryVersion.valueOf(regulatoryVersion), command.decidedOn());
        if (command.decidedOn().isBefore(endsOn.minusMonths(window.asInt()))) {
            throw new BusinessRuleViolation("RENEWAL_TOO_EARLY", "a renewal is decided in the last "
                    + window.asInt() + " months of the term ending " + endsOn + " (" + window.source() + ")");
        }
        Resolved duration = rulebooks.current().resolve("contract.durationYears",
                RegulatoryVersion.valueOf(regulatoryVersion), command.decidedOn());
        LocalDate start = endsOn.plusDays(1);
        // renewed after its term: the doctor is this contract's again, unless another contract took them meanwhile
        if (activeContracts.reserve(rpps, contractId, start)) {
            // a renewal that fails after this point leaves the doctor as the term left them: free the day after it
            String holder = rpps;
            LocalDate free = endsOn.plusDays(1);
            CurrentUnitOfWork.ifStarted(unit -> unit.onRollback(
                    u -> activeContracts.holdUntil(holder, contractId, free, false)));
        }
        apply(new ContractRenewed(contractId, command.decidedOn(), start,
                                  start.plusYears(duration.asInt()).minusDays(1), duration.source(),
                                  duration.confidence() == null ? null : duration.confidence().code(),
                                  regulatoryVersion, rulebooks.current().revision()));
    }

    @CommandHandler
    void handle(RecordSemestrialReviewCommand command) {
        requireOpen();
        requireOnOrAfter(command.heldOn(), signedOn, "REVIEW_BEFORE_SIGNATURE");
        apply(new SemestrialReviewHeld(contractId, command.heldOn(), command.summary()));
    }

    @CommandHandler
    void handle(AmendObjectivesCommand command) {
        requireOpen();
        requireText(command.avenantReference(), "AVENANT_REFERENCE_REQUIRED", "an avenant needs its reference");
        if (lastReviewOn == null || command.effectiveOn() == null || command.effectiveOn().isBefore(lastReviewOn)) {
            throw new BusinessRuleViolation("REVIEW_REQUIRED",
                    "objectives change by avenant after a semestrial review, on or after it");
        }
        Map<String, Integer> targets = command.targets() == null ? Map.of() : command.targets();
        if (!targets.keySet().equals(objectives.stream().map(ContractObjective::criterion)
                                               .collect(java.util.stream.Collectors.toSet()))) {
            throw new BusinessRuleViolation("OBJECTIVE_CRITERIA_MISMATCH", "give a target for each of "
                    + objectives.stream().map(ContractObjective::criterion).toList());
        }
        List<ContractObjective> amended = objectives.stream().map(o -> {
            int target = targets.get(o.criterion());
            if (target < 0) {
                throw new BusinessRuleViolation("OBJECTIVE_TARGET_INVALID", "a target is a number of patients");
            }
            return new ContractObjective(o.criterion(), o.initial(), o.increasePermille(), target,
                                         Math.min(o.floor(), target), "avenant " + command.avenantReference(),
                                         "semestrial review of " + lastReviewOn, o.confidence());
        }).toList();
        apply(new ObjectivesAmended(contractId, command.avenantReference(), command.effectiveOn(), lastReviewOn,
                                    amended, command.reason()));
    }

    @EventSourcingHandler
    void on(ObjectivesAmended event) {
        objectives = event.objectives();
    }

    @EventSourcingHandler
    void on(SemestrialReviewHeld event) {
        lastReviewOn = event.heldOn();
    }

    @EventSourcingHandler
    void on(ContractRevalued event) {
        revaluedTo = event.amountsOf();
    }

    @EventSourcingHandler
    void on(ContractRenewed event) {
        renewedTermEnd = event.newTermStartsOn().minusDays(1);
        endsOn = event.newTermEndsOn();
        termReached = false;
    }

    @EventSourcingHandler
    void on(AnnualActivityRecorded event) {
        Map<String, Integer> counts = new HashMap<>();
        if (event.mtPatients() != null) {
            counts.put("MT_PATIENTS", event.mtPatients());
        }
        if (event.fileActive() != null) {
            counts.put("FILE_ACTIVE", event.fileActive());
        }
        activity.put(event.contractYear(), counts);
    }

    @EventSourcingHandler
    void on(ObjectivesEvaluated event) {
        evaluatedYears.add(event.contractYear());
        lastAchievementRate = event.achievementRate();
    }

    @EventSourcingHandler
    void on(RegulatoryVersionSwitched event) {
        regulatoryVersion = event.toVersion();
    }

    private int contractYear(LocalDate date) {
        return fr.cnam.aam.kernel.Anniversaries.yearOf(startsOn, date);
    }

    private void requireYear(int year) {
        int last = contractYear(endsOn);
        if (year < 1 || year > last) {
            throw new BusinessRuleViolation("CONTRACT_YEAR_INVALID", "contract years run from 1 to " + last);
        }
    }

    private static String cite(Reason reason) {
        return reason.parameter() + " (" + reason.source() + ", "
               + (reason.confidence() == null ? "?" : reason.confidence().code()) + ")";
    }

    @EventSourcingHandler
    void on(ContractSuspended event) {
        suspendedOn = event.effectiveOn();
    }

    @EventSourcingHandler
    void on(ContractResumed event) {
        suspendedOn = null;
    }

    @EventSourcingHandler
    void on(ContractTerminated event) {
        terminated = true;
    }

    private void requireOpen() {
        if (terminated) {
            throw new BusinessRuleViolation("CONTRACT_TERMINATED", "the contract " + contractId + " is terminated");
        }
    }

    private static void requireOnOrAfter(LocalDate date, LocalDate bound, String rule) {
        if (date == null || date.isBefore(bound)) {
            throw new BusinessRuleViolation(rule, "the date must be on or after " + bound);
        }
    }

    @EventSourcingHandler
    void on(ContractSigned event) {
        contractId = event.contractId();
        rpps = event.rpps();
        option = event.option();
        signedOn = event.signedOn();
        regulatoryVersion = event.regulatoryVersion();
        startsOn = event.startsOn();
        endsOn = event.endsOn();
        activityBand = event.activityBand();
        objectivesFromYear = event.objectivesFromYear();
        objectives = event.objectives() == null ? List.of() : event.objectives();
        specialty = event.specialty();
        priorityZone = Boolean.TRUE.equals(event.priorityZone());
    }

    @EventSourcingHandler
    void on(ContractAmended event) {
        option = event.option();
        if (lastAvenantEffectiveOn == null || event.effectiveOn().isAfter(lastAvenantEffectiveOn)) {
            lastAvenantEffectiveOn = event.effectiveOn();
        }
    }

    private static void requireText(String value, String rule, String message) {
        if (value == null || value.isBlank()) {
            throw new BusinessRuleViolation(rule, message);
        }
    }

    private static void requireOption(String option) {
        if (!AidOption.isCode(option)) {
            throw new BusinessRuleViolation("OPTION_UNKNOWN", "unknown aid option '" + option + "'");
        }
    }

}

package fr.cnam.aam.contracting.core.command;

import fr.cnam.aam.contracting.api.AidOption;
import fr.cnam.aam.contracting.api.AmendContractCommand;
import fr.cnam.aam.contracting.api.ContractAmended;
import fr.cnam.aam.contracting.api.ContractSigned;
import fr.cnam.aam.contracting.api.SignContractCommand;
import fr.cnam.aam.contracting.api.ContractObjective;
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
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

@Aggregate(cache = "aggregateCache")
class Contract {

    @AggregateIdentifier
    private String contractId;
    private String option;
    private LocalDate signedOn;
    private String regulatoryVersion;
    private LocalDate endsOn;
    private LocalDate suspendedOn;
    private boolean terminated;

    Contract() {
        // for Axon: state comes from the events
    }

    @CommandHandler
    Contract(SignContractCommand command, AssessmentLookup assessments, Rulebooks rulebooks) {
        new Rpps(command.rpps());
        requireText(command.caisseCode(), "CAISSE_REQUIRED", "the caisse code is required");
        requireDepartement(command.departement());
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
        apply(new ContractSigned(command.contractId(), command.rpps(), command.caisseCode(), command.departement(),
                command.option(), command.signedOn(), command.assessmentId(), assessment.declaration().specialty(),
                command.activityBand(), command.initialMtPatients(), command.initialFileActive(),
                command.signedOn(), command.signedOn().plusYears(duration.asInt()).minusDays(1), version.name(),
                rulebook.revision(), objectives.evaluatedFromYear(),
                objectives.objectives().stream().map(o -> new ContractObjective(o.criterion(), o.initial(),
                        o.increasePermille(), o.target(), o.floor(), o.rule().parameter(), o.rule().source(),
                        o.rule().confidence() == null ? null : o.rule().confidence().code())).toList()));
    }

    @CommandHandler
    void handle(AmendContractCommand command, Rulebooks rulebooks) {
        requireOpen();
        requireText(command.avenantReference(), "AVENANT_REFERENCE_REQUIRED", "an avenant needs its reference");
        requireOption(command.option());
        if (regulatoryVersion != null && command.effectiveOn() != null) {
            Resolved open = rulebooks.current().resolve("options.available",
                                                        RegulatoryVersion.valueOf(regulatoryVersion),
                                                        command.effectiveOn());
            if (!open.includes(command.option())) {
                throw new BusinessRuleViolation("OPTION_NOT_OPEN", command.option() + " is not open under "
                                                + regulatoryVersion + " on " + command.effectiveOn());
            }
        }
        if (command.effectiveOn() == null || command.effectiveOn().isBefore(signedOn)) {
            throw new BusinessRuleViolation("AVENANT_BEFORE_SIGNATURE",
                    "an avenant takes effect on or after the signature date " + signedOn);
        }
        if (command.option().equals(option)) {
            throw new BusinessRuleViolation("AVENANT_CHANGES_NOTHING",
                    "the contract already has option " + option);
        }
        apply(new ContractAmended(contractId, command.avenantReference(), option, command.option(),
                                  command.effectiveOn(), command.reason()));
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
    void handle(TerminateContractCommand command, Rulebooks rulebooks) {
        requireOpen();
        requireText(command.reason(), "REASON_REQUIRED", "a termination needs its reason");
        requireOnOrAfter(command.notifiedOn(), signedOn, "TERMINATION_BEFORE_SIGNATURE");
        switch (command.by() == null ? "" : command.by()) {
            case "DOCTOR" -> {
                Resolved notice = rulebooks.current().resolve("contract.terminationNoticeMonths",
                        RegulatoryVersion.valueOf(regulatoryVersion), command.notifiedOn());
                apply(new ContractTerminated(contractId, command.by(), command.reason(), command.notifiedOn(),
                        command.notifiedOn().plusMonths(notice.asInt()), notice.parameter(), notice.source(),
                        notice.confidence() == null ? null : notice.confidence().code()));
            }
            case "CAISSE" -> apply(new ContractTerminated(contractId, command.by(), command.reason(),
                    command.notifiedOn(), command.notifiedOn(), null, null, null));
            case "TERM" -> {
                if (command.notifiedOn().isBefore(endsOn)) {
                    throw new BusinessRuleViolation("TERM_NOT_REACHED", "the contract runs until " + endsOn);
                }
                apply(new ContractTerminated(contractId, command.by(), command.reason(), command.notifiedOn(),
                        endsOn, null, null, null));
            }
            default -> throw new BusinessRuleViolation("TERMINATION_PARTY_UNKNOWN",
                    "a contract is ended by DOCTOR, CAISSE or TERM, not '" + command.by() + "'");
        }
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
        option = event.option();
        signedOn = event.signedOn();
        regulatoryVersion = event.regulatoryVersion();
        endsOn = event.endsOn();
    }

    @EventSourcingHandler
    void on(ContractAmended event) {
        option = event.option();
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

    private static void requireDepartement(String departement) {
        // metropolitan 01–95 with Corsica 2A/2B, overseas 971–976
        if (departement == null || !departement.matches("0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6]")) {
            throw new BusinessRuleViolation("DEPARTEMENT_INVALID",
                    "département must be a French département code (01–95, 2A, 2B, 971–976); got '"
                    + departement + "'");
        }
    }
}

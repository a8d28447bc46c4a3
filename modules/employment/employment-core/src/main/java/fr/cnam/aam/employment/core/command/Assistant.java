package fr.cnam.aam.employment.core.command;

import fr.cnam.aam.regulation.referential.Caisses;
import fr.cnam.aam.employment.api.AbsenceEnded;
import fr.cnam.aam.employment.api.AbsenceStarted;
import fr.cnam.aam.employment.api.AssistantHired;
import fr.cnam.aam.employment.api.AssistantLeft;
import fr.cnam.aam.employment.api.DeadlineMissed;
import fr.cnam.aam.employment.api.RecordMissedDeadlineCommand;
import fr.cnam.aam.employment.api.EndAbsenceCommand;
import fr.cnam.aam.employment.api.HireAssistantCommand;
import fr.cnam.aam.employment.api.HiringProofSubmitted;
import fr.cnam.aam.employment.api.QualificationObtained;
import fr.cnam.aam.employment.api.RecordDepartureCommand;
import fr.cnam.aam.employment.api.RecordQualificationCommand;
import fr.cnam.aam.employment.api.RecordSecretaryReplacementCommand;
import fr.cnam.aam.employment.api.SecretaryPostReplaced;
import fr.cnam.aam.employment.api.StartAbsenceCommand;
import fr.cnam.aam.employment.api.StartTrainingCommand;
import fr.cnam.aam.employment.api.SubmitHiringProofCommand;
import fr.cnam.aam.employment.api.TrainingStarted;
import fr.cnam.aam.kernel.BusinessRuleViolation;
import fr.cnam.aam.regulation.AssistantDeadlines;
import fr.cnam.aam.regulation.DeadlineRules;
import fr.cnam.aam.regulation.Reason;
import fr.cnam.aam.regulation.RegulatoryVersion;
import fr.cnam.aam.regulation.Resolved;
import fr.cnam.aam.regulation.Rulebook;
import fr.cnam.aam.regulation.Rulebooks;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One assistant's employment: hiring, proof, training, qualification, absences, departure. */
@Aggregate
class Assistant {

    private static final Set<String> EMPLOYERS = Set.of("DOCTOR", "DOCTORS_GROUP", "SISA", "EMPLOYERS_GROUP");
    private static final Set<String> TRAININGS = Set.of("CQP", "FAE");
    private static final Set<String> DEPARTURES = Set.of("RESIGNATION", "DISMISSAL", "OTHER");
    private static final Set<String> ABSENCES = Set.of("SICK_LEAVE", "MATERNITY", "OTHER");
    private static final Set<String> SECRETARIAT = Set.of("HIRED", "ALTERNATIVE_SECRETARIAT");

    @AggregateIdentifier
    private String assistantId;
    private List<String> contractIds;
    private LocalDate hiredOn;
    private LocalDate hiringProofBy;
    private LocalDate trainingStartBy;
    private LocalDate qualifiedBy;
    private LocalDate secretaryReplacedBy;
    private String regulatoryVersion;
    private boolean formerSecretary;
    private boolean proofSubmitted;
    private boolean trainingStarted;
    private boolean qualified;
    private boolean secretaryReplaced;
    private final Set<String> qualifications = new HashSet<>();
    private LocalDate absentSince;
    private boolean left;
    private String rulebookRevision;
    private final Set<String> missed = new HashSet<>();

    Assistant() {
    }

    @CommandHandler
    Assistant(HireAssistantCommand command, Rulebooks rulebooks) {
        if (command.contractIds() == null || command.contractIds().isEmpty()) {
            throw new BusinessRuleViolation("CONTRACT_REQUIRED", "an assistant is hired for at least one contract");
        }
        if (command.caisseCode() != null) {
            Caisses.requireKnown(command.caisseCode());
        }
        if (!EMPLOYERS.contains(command.employerType())) {
            throw new BusinessRuleViolation("EMPLOYER_TYPE_UNKNOWN", "the employer is one of " + EMPLOYERS);
        }
        if (!command.permanentContract()) {
            throw new BusinessRuleViolation("CDI_REQUIRED", "the assistant is hired on a CDI (open-ended contract)");
        }
        if (command.weeklyHours() <= 0) {
            throw new BusinessRuleViolation("HOURS_INVALID", "weekly hours must be positive");
        }
        if (command.hiredOn() == null) {
            throw new BusinessRuleViolation("HIRING_DATE_REQUIRED", "the hiring date is required");
        }
        boolean collective = CollectiveHiring.isFor(command.contractIds());
        Rulebook rulebook = collective ? rulebooks.currentFor(RegulatoryVersion.Kind.COLLECTIVE) : rulebooks.current();
        List<String> held = command.qualifications() == null ? List.of() : command.qualifications();
        List<String> rules = new ArrayList<>();
        AssistantDeadlines deadlines;
        RegulatoryVersion version;
        if (collective) {
            Resolved employers = CollectiveHiring.requireAllowed(command.contractIds(), command.employerType(),
                                                                 command.hiredOn(), rulebook);
            rules.add(cite(employers.parameter(), employers.source(), employers.confidence()));
            deadlines = DeadlineRules.collectiveDeadlines(command.hiredOn(), held, rulebook);
            if (command.formerSecretary()) {
                rules.add("no former-secretary deadline: none is stated for the collective aid (S38)");
            }
            version = CollectiveHiring.version(command.hiredOn(), rulebook);
        } else {
            deadlines = DeadlineRules.deadlines(command.hiredOn(), held, command.formerSecretary(), rulebook);
            version = rulebook.versionOn(command.hiredOn());
        }
        Resolved proofDays = rulebook.resolve("assistant.hiringProofDays",
                employmentVersion(version, command.hiredOn(), rulebook), command.hiredOn());
        rules.add(cite(proofDays.parameter(), proofDays.source(), proofDays.confidence()));
        for (Reason reason : deadlines.reasons()) {
            rules.add(cite(reason.parameter(), reason.source(), reason.confidence()));
        }
        apply(new AssistantHired(command.assistantId(), List.copyOf(command.contractIds()), command.employerType(),
                command.permanentContract(), command.weeklyHours(), command.hiredOn(), List.copyOf(held),
                command.formerSecretary(), command.replacesAssistantId(),
                command.hiredOn().plusDays(proofDays.asInt()), deadlines.trainingStartBy(), deadlines.qualifiedBy(),
                deadlines.secretaryReplacedBy(), version.name(), rulebook.revision(), rules, command.caisseCode()));
    }

    @CommandHandler
    void handle(SubmitHiringProofCommand command) {
        requireEmployed();
        requireOnOrAfterHiring(command.submittedOn());
        if (proofSubmitted) {
            throw new BusinessRuleViolation("PROOF_ALREADY_SUBMITTED", "the proof of hiring is in already");
        }
        apply(new HiringProofSubmitted(assistantId, command.submittedOn(),
                                       !command.submittedOn().isAfter(hiringProofBy), hiredOn, contractIds));
    }

    @CommandHandler
    void handle(StartTrainingCommand command) {
        requireEmployed();
        requireOnOrAfterHiring(command.startedOn());
        if (!TRAININGS.contains(command.training())) {
            throw new BusinessRuleViolation("TRAINING_UNKNOWN", "the training leads to " + TRAININGS);
        }
        if (qualified || trainingStarted) {
            throw new BusinessRuleViolation("TRAINING_NOT_EXPECTED",
                                            qualified ? "the assistant is qualified" : "the training has started");
        }
        apply(new TrainingStarted(assistantId, command.startedOn(), command.training(),
                                  trainingStartBy == null || !command.startedOn().isAfter(trainingStartBy)));
    }

    @CommandHandler
    void handle(RecordQualificationCommand command, Rulebooks rulebooks) {
        requireEmployed();
        requireOnOrAfterHiring(command.obtainedOn());
        RegulatoryVersion recorded = RegulatoryVersion.valueOf(regulatoryVersion);
        Rulebook rulebook = rulebooks.currentFor(recorded.kind());
        RegulatoryVersion version = employmentVersion(recorded, hiredOn, rulebook);
        Resolved known = rulebook.resolve("assistant.qualifications", version, hiredOn);
        Resolved needFae = rulebook.resolve("assistant.diplomasRequiringFae", version, hiredOn);
        if (!known.includes(command.qualification()) && !"FAE".equals(command.qualification())) {
            throw new BusinessRuleViolation("QUALIFICATION_UNKNOWN", command.qualification()
                                            + " is not a qualification for an assistant médical " + known.asCodes());
        }
        Set<String> after = new HashSet<>(qualifications);
        after.add(command.qualification());
        boolean diploma = after.stream().anyMatch(needFae::includes);
        boolean complete;
        if (recorded.kind() == RegulatoryVersion.Kind.COLLECTIVE) {
            // the collective aid asks for the CQP unless a diploma dispenses from it (S38): no FAE route
            Resolved exempt = rulebook.resolve("collective.assistant.exemptQualifications", recorded,
                                               CollectiveHiring.readOn(hiredOn, rulebook));
            complete = after.stream().anyMatch(exempt::includes);
        } else {
            complete = after.contains("CQP") || (diploma && after.contains("FAE"));
        }
        apply(new QualificationObtained(assistantId, command.qualification(), command.obtainedOn(), complete,
                                        qualifiedBy == null || !command.obtainedOn().isAfter(qualifiedBy)));
    }

    @CommandHandler
    void handle(RecordDepartureCommand command) {
        requireEmployed();
        if (command.leftOn() == null || command.leftOn().isBefore(hiredOn)) {
            throw new BusinessRuleViolation("DEPARTURE_BEFORE_HIRING", "the assistant was hired on " + hiredOn);
        }
        if (!DEPARTURES.contains(command.reason())) {
            throw new BusinessRuleViolation("DEPARTURE_REASON_UNKNOWN", "a departure is one of " + DEPARTURES);
        }
        apply(new AssistantLeft(assistantId, contractIds, command.leftOn(), command.reason()));
    }

    @CommandHandler
    void handle(StartAbsenceCommand command, Rulebooks rulebooks) {
        requireEmployed();
        requireOnOrAfterHiring(command.startedOn());
        if (!ABSENCES.contains(command.kind())) {
            throw new BusinessRuleViolation("ABSENCE_KIND_UNKNOWN", "an absence is one of " + ABSENCES);
        }
        if (absentSince != null) {
            throw new BusinessRuleViolation("ABSENCE_ONGOING", "the assistant is absent since " + absentSince);
        }
        RegulatoryVersion recorded = RegulatoryVersion.valueOf(regulatoryVersion);
        Rulebook rulebook = rulebooks.currentFor(recorded.kind());
        Resolved months = rulebook.resolve("assistant.longAbsenceMonths",
                                           employmentVersion(recorded, hiredOn, rulebook), command.startedOn());
        apply(new AbsenceStarted(assistantId, contractIds, command.startedOn(), command.kind(),
                                 command.startedOn().plusMonths(months.asInt()), rulebook.revision()));
    }

    @CommandHandler
    void handle(EndAbsenceCommand command) {
        requireEmployed();
        if (absentSince == null) {
            throw new BusinessRuleViolation("NO_ABSENCE", "the assistant is not absent");
        }
        if (command.endedOn() == null || command.endedOn().isBefore(absentSince)) {
            throw new BusinessRuleViolation("ABSENCE_END_BEFORE_START", "the absence began on " + absentSince);
        }
        apply(new AbsenceEnded(assistantId, absentSince, command.endedOn()));
    }

    @CommandHandler
    void handle(RecordSecretaryReplacementCommand command) {
        requireEmployed();
        if (!formerSecretary) {
            throw new BusinessRuleViolation("NOT_A_FORMER_SECRETARY", "the assistant was not the doctor's secretary");
        }
        if (secretaryReplaced) {
            throw new BusinessRuleViolation("SECRETARY_ALREADY_REPLACED", "the post is filled already");
        }
        if (!SECRETARIAT.contains(command.how())) {
            throw new BusinessRuleViolation("SECRETARIAT_UNKNOWN", "the post is filled by one of " + SECRETARIAT);
        }
        requireOnOrAfterHiring(command.on());
        // no deadline (a collective contract's assistant: none is stated) is met whenever the post is filled
        apply(new SecretaryPostReplaced(assistantId, command.on(), command.how(),
                                        secretaryReplacedBy == null || !command.on().isAfter(secretaryReplacedBy)));
    }

    @CommandHandler
    void handle(RecordMissedDeadlineCommand command) {
        requireEmployed();
        boolean met = switch (String.valueOf(command.kind())) {
            case "HIRING_PROOF" -> proofSubmitted;
            case "TRAINING_START" -> trainingStarted || qualified;
            case "QUALIFICATION" -> qualified;
            case "SECRETARY_REPLACEMENT" -> secretaryReplaced || !formerSecretary;
            case "LONG_ABSENCE" -> absentSince == null;
            default -> throw new BusinessRuleViolation("DEADLINE_KIND_UNKNOWN", "no deadline " + command.kind());
        };
        if (met || missed.contains(command.kind() + "#" + command.dueOn())) {
            throw new BusinessRuleViolation("DEADLINE_NOT_MISSED", command.kind() + " is met or recorded already");
        }
        apply(new DeadlineMissed(assistantId, contractIds, command.kind(), command.dueOn(), regulatoryVersion,
                                 rulebookRevision));
    }

    @EventSourcingHandler
    void on(DeadlineMissed event) {
        missed.add(event.kind() + "#" + event.dueOn());
    }

    @EventSourcingHandler
    void on(AssistantHired event) {
        assistantId = event.assistantId();
        contractIds = event.contractIds();
        hiredOn = event.hiredOn();
        hiringProofBy = event.hiringProofBy();
        trainingStartBy = event.trainingStartBy();
        qualifiedBy = event.qualifiedBy();
        secretaryReplacedBy = event.secretaryReplacedBy();
        regulatoryVersion = event.regulatoryVersion();
        rulebookRevision = event.rulebookRevision();
        formerSecretary = event.formerSecretary();
        qualifications.addAll(event.qualifications());
        qualified = event.qualifiedBy() == null;
    }

    @EventSourcingHandler
    void on(HiringProofSubmitted event) {
        proofSubmitted = true;
    }

    @EventSourcingHandler
    void on(TrainingStarted event) {
        trainingStarted = true;
    }

    @EventSourcingHandler
    void on(QualificationObtained event) {
        qualifications.add(event.qualification());
        qualified = qualified || event.qualified();
    }

    @EventSourcingHandler
    void on(AbsenceStarted event) {
        absentSince = event.startedOn();
    }

    @EventSourcingHandler
    void on(AbsenceEnded event) {
        absentSince = null;
    }

    @EventSourcingHandler
    void on(SecretaryPostReplaced event) {
        secretaryReplaced = true;
    }

    @EventSourcingHandler
    void on(AssistantLeft event) {
        left = true;
    }

    /**
     * The version whose general employment rules (proof delay, absences, qualifications) apply: the recorded one,
     * or for a collective contract's assistant the individual version in force on the hiring date, S38 stating no
     * rule of its own for these.
     */
    private static RegulatoryVersion employmentVersion(RegulatoryVersion recorded, LocalDate hired,
                                                       Rulebook rulebook) {
        return recorded.kind() == RegulatoryVersion.Kind.COLLECTIVE ? rulebook.versionOn(hired) : recorded;
    }

    private void requireEmployed() {
        if (left) {
            throw new BusinessRuleViolation("ASSISTANT_LEFT", "the assistant has left");
        }
    }

    private void requireOnOrAfterHiring(LocalDate date) {
        if (date == null || date.isBefore(hiredOn)) {
            throw new BusinessRuleViolation("BEFORE_HIRING", "the assistant was hired on " + hiredOn);
        }
    }

    private static String cite(String parameter, String source, fr.cnam.aam.regulation.Confidence confidence) {
        return parameter + " (" + source + ", " + (confidence == null ? "?" : confidence.code()) + ")";
    }
}

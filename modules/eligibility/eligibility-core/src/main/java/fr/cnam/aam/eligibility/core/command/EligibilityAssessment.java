package fr.cnam.aam.eligibility.core.command;

import fr.cnam.aam.regulation.referential.Specialties;
import fr.cnam.aam.regulation.referential.Departements;
import fr.cnam.aam.regulation.referential.Caisses;
import fr.cnam.aam.eligibility.api.AssessEligibilityCommand;
import fr.cnam.aam.eligibility.api.AssessmentReason;
import fr.cnam.aam.eligibility.api.DoctorDeclaration;
import fr.cnam.aam.eligibility.api.EligibilityAssessed;
import fr.cnam.aam.kernel.BusinessRuleViolation;
import fr.cnam.aam.kernel.Rpps;
import fr.cnam.aam.regulation.DoctorProfile;
import fr.cnam.aam.regulation.EligibilityDecision;
import fr.cnam.aam.regulation.EligibilityRules;
import fr.cnam.aam.regulation.Rulebook;
import fr.cnam.aam.regulation.Rulebooks;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One assessment, decided once: the event records the decision and everything that made it, so a replay shows
 * what was decided then and never re-runs today's rules.
 */
@Aggregate
class EligibilityAssessment {

    @AggregateIdentifier
    private String assessmentId;

    EligibilityAssessment() {
    }

    @CommandHandler
    EligibilityAssessment(AssessEligibilityCommand command, Rulebooks rulebooks) {
        new Rpps(command.rpps());
        Caisses.requireKnown(command.caisseCode());
        String inputsSource = command.inputsSource() == null ? "DECLARED" : command.inputsSource();
        if (!inputsSource.equals("DECLARED") && !inputsSource.equals("CAISSE_STATISTICS")) {
            throw new BusinessRuleViolation("INPUTS_SOURCE_UNKNOWN",
                    "inputs are DECLARED or from the CAISSE_STATISTICS, not '" + inputsSource + "'");
        }
        DoctorDeclaration d = command.declaration();
        if (d == null) {
            throw new BusinessRuleViolation("DECLARATION_REQUIRED", "the doctor's declaration is required");
        }
        // an unknown specialty would be assessed as "not excluded": refused instead, as a false fact
        Specialties.requireKnown(d.specialty());
        if (d.departement() != null) {
            Departements.requireKnown(d.departement());
        }
        Rulebook rulebook = rulebooks.current();
        EligibilityDecision decision = EligibilityRules.assess(new DoctorProfile(d.specialty(), d.sector(),
                d.mtPatients(), d.fileActive(), d.shareUnder16(), d.departement(), d.priorityZone(),
                d.groupPractice(), d.coordinatedPractice(), d.newlyInstalled(), d.disabledWorker(),
                d.longTermIllness(), d.clinicalFeeShare(), d.age()), command.assessedOn(), rulebook);
        apply(new EligibilityAssessed(command.assessmentId(), command.rpps(), command.caisseCode(),
                command.assessedOn(), d, decision.status().name(), decision.regulatoryVersion().name(),
                decision.rulebookRevision(), decision.options(),
                decision.reasons().stream().map(r -> new AssessmentReason(r.code(), r.message(), r.parameter(),
                        r.source(), r.confidence() == null ? null : r.confidence().code())).toList(),
                inputsSource));
    }

    @EventSourcingHandler
    void on(EligibilityAssessed event) {
        assessmentId = event.assessmentId();
    }
}

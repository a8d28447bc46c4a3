package fr.cnam.aam.contracting.core.command;

import fr.cnam.aam.contracting.api.AidOption;
import fr.cnam.aam.contracting.api.AmendContractCommand;
import fr.cnam.aam.contracting.api.ContractAmended;
import fr.cnam.aam.contracting.api.ContractSigned;
import fr.cnam.aam.contracting.api.SignContractCommand;
import fr.cnam.aam.kernel.BusinessRuleViolation;
import fr.cnam.aam.kernel.Rpps;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

@Aggregate(cache = "aggregateCache")
class Contract {

    @AggregateIdentifier
    private String contractId;
    private String option;
    private LocalDate signedOn;

    Contract() {
        // for Axon: state comes from the events
    }

    @CommandHandler
    Contract(SignContractCommand command) {
        new Rpps(command.rpps());
        requireText(command.caisseCode(), "CAISSE_REQUIRED", "the caisse code is required");
        requireDepartement(command.departement());
        requireOption(command.option());
        if (command.signedOn() == null) {
            throw new BusinessRuleViolation("SIGNATURE_DATE_REQUIRED", "the signature date is required");
        }
        apply(new ContractSigned(command.contractId(), command.rpps(), command.caisseCode(),
                                 command.departement(), command.option(), command.signedOn()));
    }

    @CommandHandler
    void handle(AmendContractCommand command) {
        requireText(command.avenantReference(), "AVENANT_REFERENCE_REQUIRED", "an avenant needs its reference");
        requireOption(command.option());
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

    @EventSourcingHandler
    void on(ContractSigned event) {
        contractId = event.contractId();
        option = event.option();
        signedOn = event.signedOn();
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

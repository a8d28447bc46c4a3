package fr.cnam.aam.employment.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * An assistant hired on a CDI for the contracts listed (one assistant may serve several doctors).
 * {@code employerType}: DOCTOR, DOCTORS_GROUP, SISA or EMPLOYERS_GROUP; {@code replacesAssistantId} when the hire
 * replaces an assistant who left; {@code caisseCode}, the caisse that follows the assistant's contracts.
 */
public record HireAssistantCommand(@TargetAggregateIdentifier String assistantId, List<String> contractIds,
                                   String employerType, boolean permanentContract, int weeklyHours,
                                   LocalDate hiredOn, List<String> qualifications, boolean formerSecretary,
                                   String replacesAssistantId, String caisseCode) {

    public HireAssistantCommand(String assistantId, List<String> contractIds, String employerType,
                                boolean permanentContract, int weeklyHours, LocalDate hiredOn,
                                List<String> qualifications, boolean formerSecretary, String replacesAssistantId) {
        this(assistantId, contractIds, employerType, permanentContract, weeklyHours, hiredOn, qualifications,
             formerSecretary, replacesAssistantId, null);
    }
}

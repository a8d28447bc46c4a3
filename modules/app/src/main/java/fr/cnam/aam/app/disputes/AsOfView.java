package fr.cnam.aam.app.disputes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A contract as it stood on {@code asOf}, as the caisse knew it at {@code knownAt}: only events recorded by then,
 * and of those only what was in force on that date. Amounts in euros.
 */
public record AsOfView(String contractId, LocalDate asOf, Instant knownAt, ContractState contract,
                List<AssistantState> assistants, List<LineState> lines, Totals totals, List<TimelineEntry> timeline,
                CollectiveState collective) {

    /**
     * A collective contract's own terms (null for an individual contract): the company, the ETP financed, its
     * members with the day each joined (and left), once it ended the day its members may sign again, and the terms
     * recorded from each date.
     */
    public record CollectiveState(String structure, String companyIdentifier, int etpPermille,
                                  List<Map<String, Object>> members, LocalDate waitingUntil,
                                  List<Terms> terms) {
    }

    /** What the group financed from a date (the signature, then each avenant): its ETP and each year's aid. */
    public record Terms(LocalDate from, int etpPermille, List<BigDecimal> aidByYear) {
    }

    /** The contract's terms in force. {@code status}: NOT_SIGNED, ACTIVE, SUSPENDED, TERMINATED, TERM_REACHED. */
    public record ContractState(String caisseCode, String rpps, LocalDate signedOn, LocalDate endsOn, String option,
                         String activityBand, String regulatoryVersion, String rulebookRevision, String status,
                         LocalDate suspendedSince, LocalDate terminationNotifiedOn, LocalDate terminatesOn,
                         List<Map<String, Object>> avenants, List<Map<String, Object>> evaluations,
                         List<Map<String, Object>> revaluations) {
    }

    public record AssistantState(String assistantId, LocalDate hiredOn, LocalDate hiringProvenOn, LocalDate leftOn,
                          List<String> qualifications) {
    }

    /** A payment line: its figure and status, and the rule, parameter, source and revision behind it. */
    public record LineState(String lineId, int contractYear, String kind, LocalDate dueDate, BigDecimal amount,
                     String status, String orderId, LocalDate orderedOn, LocalDate answeredOn, String parameter,
                     String source, String confidence, String amountParameter, String amountSource,
                     String amountConfidence, String regulatoryVersion, String rulebookRevision,
                     String explanation) {
    }

    public record Totals(BigDecimal due, BigDecimal ordered, BigDecimal paid, BigDecimal recovered, BigDecimal netPaid) {
    }

    /**
     * One event of the record as known at {@code knownAt}: recorded when, effective from when (and whether in force
     * on {@code asOf}), who and which request, and its data (every rule, parameter, source and revision it names).
     */
    public record TimelineEntry(String eventId, String stream, long sequence, String type, Instant recordedAt,
                         LocalDate effectiveOn, boolean inForce, String principal, String caisse,
                         String correlationId, String causationId, Object data) {
    }
}

package fr.cnam.aam.payments.api;

import java.time.LocalDate;

/**
 * A change that re-plans a schedule. {@code changeId} is the identifier of the event it comes from, so a redelivered
 * event changes nothing twice. Fields a kind does not use are null: {@code contractYear} (switch, revaluation,
 * evaluation), {@code version} (switch), {@code aidCents} (the evaluated year's modulated aid), {@code until} (the
 * renewed term's last day), {@code reference} (avenant, termination side, hiring…), {@code option} (the option an
 * avenant moves to).
 */
public record ContractChange(String changeId, ChangeKind kind, LocalDate effectiveOn, Integer contractYear,
                             String version, Long aidCents, LocalDate until, String reference, String option) {

    public ContractChange(String changeId, ChangeKind kind, LocalDate effectiveOn, Integer contractYear,
                          String version, Long aidCents, LocalDate until, String reference) {
        this(changeId, kind, effectiveOn, contractYear, version, aidCents, until, reference, null);
    }
}

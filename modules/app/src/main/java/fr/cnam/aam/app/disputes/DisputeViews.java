package fr.cnam.aam.app.disputes;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The as-of view of a contract, for the dispute API, its report and the benchmark that times it. */
@Component
public class DisputeViews {

    private final ContractRecord records;

    DisputeViews(ContractRecord records) {
        this.records = records;
    }

    /** The contract on {@code asOf} as known at {@code knownAt}, or null when no such contract was signed. */
    public AsOfView asOf(String contractId, LocalDate asOf, Instant knownAt) {
        List<RecordedEvent> record = records.of(contractId);
        return record.isEmpty() ? null : AsOfFold.view(contractId, record, asOf, knownAt);
    }
}

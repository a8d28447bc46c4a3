package fr.cnam.aam.contracting.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The contract ends on {@code effectiveOn}; the notice rule that set the date is cited. */
@Revision("1")
public record ContractTerminated(String contractId, String by, String reason, LocalDate notifiedOn,
                                 LocalDate effectiveOn, String noticeParameter, String noticeSource,
                                 String noticeConfidence, String regulatoryVersion, String rulebookRevision)
        implements ContractEvent {
}

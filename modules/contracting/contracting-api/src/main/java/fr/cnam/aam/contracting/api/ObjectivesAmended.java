package fr.cnam.aam.contracting.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** The objectives from {@code effectiveOn}, as the avenant set them after the review of {@code reviewHeldOn}. */
@Revision("1")
public record ObjectivesAmended(String contractId, String avenantReference, LocalDate effectiveOn,
                                LocalDate reviewHeldOn, List<ContractObjective> objectives, String reason)
        implements ContractEvent {
}

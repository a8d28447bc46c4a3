package fr.cnam.aam.contracting.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** An avenant changed the ETP financed, within the cap: the aid of each year and the objectives from then on. */
@Revision("1")
public record CollectiveEtpChanged(String collectiveContractId, String avenantReference, int previousEtpPermille,
                                   int etpPermille, LocalDate effectiveOn, List<Long> aidByYearCents,
                                   int mtPatientsIncrease, int fileActiveIncrease, String rulebookRevision)
        implements CollectiveContractEvent {
}

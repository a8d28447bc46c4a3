package fr.cnam.aam.contracting.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A group's company signed the collective contract: the company (legal form, AM or FINESS number), its members,
 * the ETP it finances within its cap, the aid of each year and the collective objectives as decided under the
 * version and rulebook revision named, with the rules that decided.
 */
@Revision("1")
public record CollectiveContractSigned(String collectiveContractId, String caisseCode, String departement,
                                       String structure, String companyIdentifier, boolean approvedTrainingSite,
                                       LocalDate signedOn,
                                       LocalDate startsOn, LocalDate endsOn, List<CollectiveMember> members,
                                       int etpPermille, int etpCapPermille, double averageMtPatients,
                                       List<Long> aidByYearCents, int mtPatientsIncrease, int fileActiveIncrease,
                                       int objectivesByYear, String regulatoryVersion, String rulebookRevision,
                                       List<String> rules) implements CollectiveContractEvent {
}

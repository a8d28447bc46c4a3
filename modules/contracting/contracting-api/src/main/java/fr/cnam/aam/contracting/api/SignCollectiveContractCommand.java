package fr.cnam.aam.contracting.api;

import java.time.LocalDate;
import java.util.List;

/** A group's company signs the collective contract for its members, financing {@code etpPermille} (2 ETP = 2000). */
public record SignCollectiveContractCommand(String collectiveContractId, String caisseCode, String departement,
                                            String structure, String companyIdentifier, LocalDate signedOn,
                                            int etpPermille, boolean approvedTrainingSite,
                                            List<CollectiveMember> members) {
}

package fr.cnam.aam.contracting.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A year of the group evaluated against its collective objectives: the increases reached, each criterion's rate
 * and the rate applied (per mille), the year's aid and the aid once modulated, with the rules that decided.
 */
@Revision("1")
public record CollectiveObjectivesEvaluated(String collectiveContractId, int contractYear, LocalDate evaluatedOn,
                                            int mtPatientsReached, int fileActiveReached, int mtPatientsRatePermille,
                                            int fileActiveRatePermille, int appliedRatePermille, long aidCents,
                                            long modulatedAidCents, String regulatoryVersion,
                                            String rulebookRevision, List<String> rules)
        implements CollectiveContractEvent {
}

package fr.cnam.aam.contracting.core.query;

import fr.cnam.aam.contracting.api.ContractObjective;
import fr.cnam.aam.contracting.api.ContractView;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;
import java.util.List;

/**
 * The stored contract view. {@code version} is the sequence number of the last event applied, which makes
 * a repeated or replayed event a no-op.
 */
@Document(ContractDocument.COLLECTION)
record ContractDocument(
        @Id String contractId,
        String rpps,
        String caisseCode,
        String departement,
        String option,
        LocalDate signedOn,
        List<ContractView.Avenant> avenants,
        long version,
        String assessmentId,
        String specialty,
        String activityBand,
        Integer initialMtPatients,
        Integer initialFileActive,
        LocalDate startsOn,
        LocalDate endsOn,
        String regulatoryVersion,
        String rulebookRevision,
        int objectivesFromYear,
        List<ContractObjective> objectives,
        String status,
        LocalDate terminatesOn,
        List<ContractView.Step> history) {

    static final String ACTIVE = "ACTIVE";
    static final String SUSPENDED = "SUSPENDED";
    static final String TERMINATED = "TERMINATED";
    static final String TERM_REACHED = "TERM_REACHED";

    static final String COLLECTION = "contract_views";

    ContractView toView() {
        return new ContractView(contractId, rpps, caisseCode, departement, option, signedOn, avenants, version,
                                assessmentId, specialty, activityBand, initialMtPatients, initialFileActive, startsOn,
                                endsOn, regulatoryVersion, rulebookRevision, objectivesFromYear, objectives, status,
                                terminatesOn, history);
    }

    static ContractDocument signed(fr.cnam.aam.contracting.api.ContractSigned e, long sequence) {
        return new ContractDocument(e.contractId(), e.rpps(), e.caisseCode(), e.departement(), e.option(),
                                    e.signedOn(), List.of(), sequence, e.assessmentId(), e.specialty(),
                                    e.activityBand(), e.initialMtPatients(), e.initialFileActive(), e.startsOn(),
                                    e.endsOn(), e.regulatoryVersion(), e.rulebookRevision(), e.objectivesFromYear(),
                                    e.objectives() == null ? List.of() : e.objectives(), ACTIVE, null, List.of());
    }

    ContractDocument amended(String newOption, List<ContractView.Avenant> newAvenants, long sequence) {
        return new ContractDocument(contractId, rpps, caisseCode, departement, newOption, signedOn, newAvenants,
                                    sequence, assessmentId, specialty, activityBand, initialMtPatients,
                                    initialFileActive, startsOn, endsOn, regulatoryVersion, rulebookRevision,
                                    objectivesFromYear, objectives, status, terminatesOn, history);
    }

    ContractDocument renewed(LocalDate newEndsOn, ContractView.Step step, long sequence) {
        ContractDocument longer = new ContractDocument(contractId, rpps, caisseCode, departement, option, signedOn,
                avenants, version, assessmentId, specialty, activityBand, initialMtPatients, initialFileActive,
                startsOn, newEndsOn, regulatoryVersion, rulebookRevision, objectivesFromYear, objectives, status,
                terminatesOn, history);
        return longer.stepped(status, terminatesOn, step, sequence);
    }

    ContractDocument withObjectives(List<ContractObjective> newObjectives, ContractView.Step step, long sequence) {
        ContractDocument changed = new ContractDocument(contractId, rpps, caisseCode, departement, option, signedOn,
                avenants, version, assessmentId, specialty, activityBand, initialMtPatients, initialFileActive,
                startsOn, endsOn, regulatoryVersion, rulebookRevision, objectivesFromYear, newObjectives, status,
                terminatesOn, history);
        return changed.stepped(status, terminatesOn, step, sequence);
    }

    ContractDocument switched(String newVersion, ContractView.Step step, long sequence) {
        ContractDocument moved = new ContractDocument(contractId, rpps, caisseCode, departement, option, signedOn,
                avenants, version, assessmentId, specialty, activityBand, initialMtPatients, initialFileActive,
                startsOn, endsOn, newVersion, rulebookRevision, objectivesFromYear, objectives, status,
                terminatesOn, history);
        return moved.stepped(status, terminatesOn, step, sequence);
    }

    ContractDocument stepped(String newStatus, LocalDate newTerminatesOn, ContractView.Step step, long sequence) {
        List<ContractView.Step> steps = new java.util.ArrayList<>(history == null ? List.of() : history);
        steps.add(step);
        return new ContractDocument(contractId, rpps, caisseCode, departement, option, signedOn, avenants,
                                    sequence, assessmentId, specialty, activityBand, initialMtPatients,
                                    initialFileActive, startsOn, endsOn, regulatoryVersion, rulebookRevision,
                                    objectivesFromYear, objectives, newStatus, newTerminatesOn, steps);
    }
}

package fr.cnam.aam.contracting.core.query;

import fr.cnam.aam.contracting.api.ContractAmended;
import fr.cnam.aam.contracting.api.AnnualActivityRecorded;
import fr.cnam.aam.contracting.api.NonComplianceProcedureOpened;
import fr.cnam.aam.contracting.api.SuspensionProposed;
import fr.cnam.aam.contracting.api.ObjectivesAmended;
import fr.cnam.aam.contracting.api.ContractAnniversaryReached;
import fr.cnam.aam.contracting.api.ContractTermReached;
import fr.cnam.aam.contracting.api.ContractList;
import fr.cnam.aam.contracting.api.ContractRenewed;
import fr.cnam.aam.contracting.api.ContractRevalued;
import fr.cnam.aam.contracting.api.SemestrialReviewHeld;
import fr.cnam.aam.contracting.api.ObjectivesEvaluated;
import fr.cnam.aam.contracting.api.RegulatoryVersionSwitched;
import fr.cnam.aam.contracting.api.ContractResumed;
import fr.cnam.aam.contracting.api.ContractSigned;
import fr.cnam.aam.contracting.api.ContractSuspended;
import fr.cnam.aam.contracting.api.ContractTerminated;
import fr.cnam.aam.contracting.api.FindContractsQuery;
import fr.cnam.aam.contracting.api.ContractView;
import fr.cnam.aam.contracting.api.FindContractQuery;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Contract views in MongoDB. Every write is a read and a replace by {@code _id} (the only query shape the embedded
 * server serves from an index); one segment owns an aggregate's events, so the read-then-replace does not race.
 */
@Component
@ProcessingGroup(ContractProjection.PROCESSING_GROUP)
class ContractProjection {

    static final String PROCESSING_GROUP = "contracts";

    private final MongoTemplate mongo;

    ContractProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(ContractSigned event, @SequenceNumber long sequence) {
        if (find(event.contractId()) != null) {
            return; // already applied: the signature is always the first event
        }
        mongo.save(ContractDocument.signed(event, sequence));
    }

    @EventHandler
    void on(ContractAmended event, @SequenceNumber long sequence) {
        ContractDocument current = find(event.contractId());
        if (current == null || current.version() >= sequence) {
            return;
        }
        List<ContractView.Avenant> avenants = new ArrayList<>(current.avenants());
        avenants.add(new ContractView.Avenant(event.avenantReference(), event.previousOption(), event.option(),
                                              event.effectiveOn(), event.reason()));
        mongo.save(current.amended(event.option(), avenants, sequence));
    }

    @EventHandler
    void on(ContractSuspended event, @SequenceNumber long sequence) {
        step(event.contractId(), sequence, ContractDocument.SUSPENDED, null,
             new ContractView.Step("SUSPENDED", event.effectiveOn(), event.avenantReference(), event.reason()));
    }

    @EventHandler
    void on(ContractResumed event, @SequenceNumber long sequence) {
        step(event.contractId(), sequence, ContractDocument.ACTIVE, null,
             new ContractView.Step("RESUMED", event.effectiveOn(), event.avenantReference(), event.reason()));
    }

    @EventHandler
    void on(ContractTerminated event, @SequenceNumber long sequence) {
        step(event.contractId(), sequence, ContractDocument.TERMINATED, event.effectiveOn(),
             new ContractView.Step("TERMINATED_BY_" + event.by(), event.effectiveOn(), null, event.reason()));
    }

    @EventHandler
    void on(AnnualActivityRecorded event, @SequenceNumber long sequence) {
        ContractDocument current = find(event.contractId());
        if (current != null && current.version() < sequence) {
            mongo.save(current.stepped(current.status(), current.terminatesOn(), new ContractView.Step(
                    "ACTIVITY_RECORDED", event.recordedOn(), null, "year " + event.contractYear() + ": MT "
                    + event.mtPatients() + ", file active " + event.fileActive()), sequence));
        }
    }

    @EventHandler
    void on(ObjectivesEvaluated event, @SequenceNumber long sequence) {
        ContractDocument current = find(event.contractId());
        if (current != null && current.version() < sequence) {
            mongo.save(current.stepped(current.status(), current.terminatesOn(), new ContractView.Step(
                    "OBJECTIVES_EVALUATED", event.evaluatedOn(), null, "year " + event.contractYear() + ": "
                    + event.achievementRate() + " % achieved, aid " + event.aidCents() + " → "
                    + event.modulatedAidCents() + " cents"), sequence));
        }
    }

    @EventHandler
    void on(RegulatoryVersionSwitched event, @SequenceNumber long sequence) {
        ContractDocument current = find(event.contractId());
        if (current != null && current.version() < sequence) {
            mongo.save(current.switched(event.toVersion(), new ContractView.Step("VERSION_SWITCHED",
                    event.effectiveOn(), null, event.fromVersion() + " → " + event.toVersion() + ": year "
                    + event.contractYear() + " aid " + event.aidBeforeCents() + " → " + event.aidAfterCents()
                    + " cents"), sequence));
        }
    }

    @EventHandler
    void on(ContractRevalued event, @SequenceNumber long sequence) {
        ContractDocument current = find(event.contractId());
        if (current != null && current.version() < sequence) {
            mongo.save(current.stepped(current.status(), current.terminatesOn(), new ContractView.Step(
                    "REVALUED", event.anniversaryOn(), null, "amounts of " + event.amountsOf() + " from year "
                    + event.contractYear() + ": " + event.aidBeforeCents() + " → " + event.aidAfterCents()
                    + " cents"), sequence));
        }
    }

    @EventHandler
    void on(ContractRenewed event, @SequenceNumber long sequence) {
        ContractDocument current = find(event.contractId());
        if (current != null && current.version() < sequence) {
            mongo.save(current.renewed(event.newTermEndsOn(), new ContractView.Step("RENEWED",
                    event.newTermStartsOn(), null, "new term until " + event.newTermEndsOn()), sequence));
        }
    }

    @EventHandler
    void on(SemestrialReviewHeld event, @SequenceNumber long sequence) {
        ContractDocument current = find(event.contractId());
        if (current != null && current.version() < sequence) {
            mongo.save(current.stepped(current.status(), current.terminatesOn(), new ContractView.Step(
                    "SEMESTRIAL_REVIEW", event.heldOn(), null, event.summary()), sequence));
        }
    }

    @EventHandler
    void on(ContractAnniversaryReached event, @SequenceNumber long sequence) {
        ContractDocument current = find(event.contractId());
        if (current != null && current.version() < sequence) {
            mongo.save(current.stepped(current.status(), current.terminatesOn(), new ContractView.Step(
                    "YEAR_BEGINS", event.anniversaryOn(), null, "year " + event.contractYear()
                    + (event.evaluationDue() ? "; evaluation of year " + (event.contractYear() - 1) + " due" : "")),
                    sequence));
        }
    }

    @EventHandler
    void on(ContractTermReached event, @SequenceNumber long sequence) {
        step(event.contractId(), sequence, ContractDocument.TERM_REACHED, null,
             new ContractView.Step("TERM_REACHED", event.endedOn(), null, "renew or terminate at term"));
    }

    @EventHandler
    void on(ObjectivesAmended event, @SequenceNumber long sequence) {
        ContractDocument current = find(event.contractId());
        if (current != null && current.version() < sequence) {
            mongo.save(current.withObjectives(event.objectives(), new ContractView.Step("OBJECTIVES_AMENDED",
                    event.effectiveOn(), event.avenantReference(), event.reason()), sequence));
        }
    }

    @EventHandler
    void on(SuspensionProposed event, @SequenceNumber long sequence) {
        ContractDocument current = find(event.contractId());
        if (current != null && current.version() < sequence) {
            mongo.save(current.stepped(current.status(), current.terminatesOn(), new ContractView.Step(
                    "SUSPENSION_PROPOSED", event.since(), null, event.cause() + " (" + event.assistantId() + ")"),
                    sequence));
        }
    }

    @EventHandler
    void on(NonComplianceProcedureOpened event, @SequenceNumber long sequence) {
        ContractDocument current = find(event.contractId());
        if (current != null && current.version() < sequence) {
            mongo.save(current.stepped(current.status(), current.terminatesOn(), new ContractView.Step(
                    "NON_COMPLIANCE_PROCEDURE", event.missedOn(), null, event.obligation() + " ("
                    + event.assistantId() + ")"), sequence));
        }
    }

    private void step(String contractId, long sequence, String status, LocalDate terminatesOn,
                      ContractView.Step step) {
        ContractDocument current = find(contractId);
        if (current == null || current.version() >= sequence) {
            return;
        }
        mongo.save(current.stepped(status, terminatesOn, step, sequence));
    }

    @QueryHandler
    ContractList handle(FindContractsQuery query) {
        Query filter = new Query();
        addFilter(filter, "caisseCode", query.caisseCode());
        addFilter(filter, "departement", query.departement());
        addFilter(filter, "status", query.status());
        addFilter(filter, "regulatoryVersion", query.regulatoryVersion());
        addFilter(filter, "option", query.option());
        long total = mongo.count(filter, ContractDocument.class);
        filter.with(Sort.by("_id")).skip((long) query.page() * query.size()).limit(query.size());
        List<ContractView> page = mongo.find(filter, ContractDocument.class).stream()
                                       .map(ContractDocument::toView).toList();
        return new ContractList(page, total, query.page(), query.size());
    }

    private static void addFilter(Query filter, String field, String value) {
        if (value != null && !value.isBlank()) {
            filter.addCriteria(Criteria.where(field).is(value));
        }
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), ContractDocument.COLLECTION);
    }

    @QueryHandler
    ContractView handle(FindContractQuery query) {
        ContractDocument document = find(query.contractId());
        return document == null ? null : document.toView();
    }

    private ContractDocument find(String contractId) {
        return mongo.findById(contractId, ContractDocument.class);
    }
}

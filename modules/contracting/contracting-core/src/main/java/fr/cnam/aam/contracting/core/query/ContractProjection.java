package fr.cnam.aam.contracting.core.query;

import fr.cnam.aam.contracting.api.ContractAmended;
import fr.cnam.aam.contracting.api.ContractSigned;
import fr.cnam.aam.contracting.api.ContractView;
import fr.cnam.aam.contracting.api.FindContractQuery;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

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

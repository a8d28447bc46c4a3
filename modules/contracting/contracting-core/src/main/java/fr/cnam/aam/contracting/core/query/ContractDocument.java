package fr.cnam.aam.contracting.core.query;

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
        long version) {

    static final String COLLECTION = "contract_views";

    ContractView toView() {
        return new ContractView(contractId, rpps, caisseCode, departement, option, signedOn, avenants, version);
    }
}

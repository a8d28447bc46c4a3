package fr.cnam.aam.app.dashboard;

import fr.cnam.aam.contracting.api.CollectiveContractSigned;
import fr.cnam.aam.contracting.api.CollectiveContractTermReached;
import fr.cnam.aam.contracting.api.CollectiveContractTerminated;
import fr.cnam.aam.contracting.api.CollectiveEtpChanged;
import fr.cnam.aam.contracting.api.CollectiveObjectivesEvaluated;
import fr.cnam.aam.contracting.api.ContractAmended;
import fr.cnam.aam.contracting.api.ContractRenewed;
import fr.cnam.aam.contracting.api.ContractResumed;
import fr.cnam.aam.contracting.api.ContractSigned;
import fr.cnam.aam.contracting.api.ContractSuspended;
import fr.cnam.aam.contracting.api.ContractTermReached;
import fr.cnam.aam.contracting.api.ContractTerminated;
import fr.cnam.aam.contracting.api.ObjectivesEvaluated;
import fr.cnam.aam.contracting.api.RegulatoryVersionSwitched;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The contracts as the dashboards count them (collection {@code dashboard_contracts}): one flat document per
 * contract with what the figures group by (caisse, département, specialty, option, version), the dates it was in
 * force under each option and version (for the series over time), its last suspension with the dates it holds
 * between, its last day once ended, and its evaluations. Dates are kept as the events give them and read against
 * the day asked (a suspension or a termination recorded ahead of its date is not in force before it). Each event is
 * applied once: a document keeps the sequence number of the last event applied, a replayed one is skipped.
 * Rebuilt from the events by a replay of processing group {@value #GROUP}.
 */
@Component
@ProcessingGroup(DashboardProjection.GROUP)
class DashboardProjection {

    static final String GROUP = "dashboard";
    static final String CONTRACTS = "dashboard_contracts";
    /** The option code of a collective contract's row (its ETP are its own, not an option's share). */
    static final String COLLECTIVE = "COLLECTIVE";

    private final MongoTemplate mongo;

    DashboardProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(ContractSigned e, @SequenceNumber long sequence) {
        if (mongo.findById(e.contractId(), Document.class, CONTRACTS) != null) {
            return;
        }
        // a first-release signature (revision 1) carried no start or end: it starts on its signature, its end is
        // unknown here (the contract stays counted until its termination or term is recorded)
        LocalDate start = e.startsOn() != null ? e.startsOn() : e.signedOn();
        mongo.save(new Document("_id", e.contractId()).append("caisseCode", e.caisseCode())
                .append("departement", e.departement()).append("specialty", e.specialty())
                .append("option", e.option()).append("regulatoryVersion", e.regulatoryVersion())
                .append("status", "ACTIVE").append("signedOn", str(e.signedOn()))
                .append("startsOn", str(start)).append("endsOn", str(e.endsOn()))
                .append("options", new ArrayList<>(List.of(change(start, "option", e.option()))))
                .append("versions", new ArrayList<>(List.of(change(start, "version", e.regulatoryVersion()))))
                .append("evaluations", new ArrayList<>()).append("seq", sequence), CONTRACTS);
    }

    @EventHandler
    void on(ContractAmended e, @SequenceNumber long sequence) {
        update(e.contractId(), sequence, c -> {
            c.put("option", e.option());
            c.getList("options", Document.class).add(change(e.effectiveOn(), "option", e.option()));
        });
    }

    @EventHandler
    void on(RegulatoryVersionSwitched e, @SequenceNumber long sequence) {
        update(e.contractId(), sequence, c -> {
            c.put("regulatoryVersion", e.toVersion());
            c.getList("versions", Document.class).add(change(e.effectiveOn(), "version", e.toVersion()));
        });
    }

    /** The status is the term's (ACTIVE, TERMINATED, TERM_REACHED); a suspension is read from its own dates. */
    @EventHandler
    void on(ContractSuspended e, @SequenceNumber long sequence) {
        update(e.contractId(), sequence, c -> {
            c.append("suspendedFrom", str(e.effectiveOn())).append("suspensionReason", e.reason());
            c.remove("resumedFrom");
        });
    }

    @EventHandler
    void on(ContractResumed e, @SequenceNumber long sequence) {
        update(e.contractId(), sequence, c -> c.append("resumedFrom", str(e.effectiveOn())));
    }

    @EventHandler
    void on(ContractTerminated e, @SequenceNumber long sequence) {
        // the effective date is the last day in force, as the payment schedule counts it (it is still paid):
        // a doctor's notice keeps the contract running until then
        update(e.contractId(), sequence, c -> c.append("status", "TERMINATED").append("lastDay", str(e.effectiveOn()))
                                               .append("terminatedBy", e.by()).append("terminationReason", e.reason()));
    }

    @EventHandler
    void on(ContractTermReached e, @SequenceNumber long sequence) {
        update(e.contractId(), sequence, c -> {
            if (!"TERMINATED".equals(c.getString("status"))) {
                c.append("status", "TERM_REACHED").append("lastDay", str(e.endedOn()));
            }
        });
    }

    @EventHandler
    void on(ContractRenewed e, @SequenceNumber long sequence) {
        update(e.contractId(), sequence, c -> {
            c.put("status", "ACTIVE");
            c.put("endsOn", str(e.newTermEndsOn()));
            c.remove("lastDay");
        });
    }

    @EventHandler
    void on(ObjectivesEvaluated e, @SequenceNumber long sequence) {
        update(e.contractId(), sequence, c -> c.getList("evaluations", Document.class).add(
                new Document("contractYear", e.contractYear()).append("evaluatedOn", str(e.evaluatedOn()))
                        .append("achievementRate", e.achievementRate()).append("aidCents", e.aidCents())
                        .append("modulatedAidCents", e.modulatedAidCents())));
    }

    /**
     * A group's collective contract: one row, option COLLECTIVE, its ETP from the signature then each avenant
     * (not an option's share), its members' specialty.
     */
    @EventHandler
    void on(CollectiveContractSigned e, @SequenceNumber long sequence) {
        if (mongo.findById(e.collectiveContractId(), Document.class, CONTRACTS) != null) {
            return;
        }
        String specialty = e.members().isEmpty() ? null : e.members().get(0).specialty();
        mongo.save(new Document("_id", e.collectiveContractId()).append("kind", "COLLECTIVE")
                .append("caisseCode", e.caisseCode()).append("departement", e.departement())
                .append("specialty", specialty).append("option", COLLECTIVE)
                .append("regulatoryVersion", e.regulatoryVersion()).append("status", "ACTIVE")
                .append("signedOn", str(e.signedOn())).append("startsOn", str(e.startsOn()))
                .append("endsOn", str(e.endsOn()))
                .append("options", new ArrayList<>(List.of(change(e.startsOn(), "option", COLLECTIVE))))
                .append("versions", new ArrayList<>(List.of(change(e.startsOn(), "version",
                                                                   e.regulatoryVersion()))))
                .append("etps", new ArrayList<>(List.of(etp(e.startsOn(), e.etpPermille()))))
                .append("evaluations", new ArrayList<>()).append("seq", sequence), CONTRACTS);
    }

    @EventHandler
    void on(CollectiveEtpChanged e, @SequenceNumber long sequence) {
        update(e.collectiveContractId(), sequence,
               c -> c.getList("etps", Document.class).add(etp(e.effectiveOn(), e.etpPermille())));
    }

    @EventHandler
    void on(CollectiveObjectivesEvaluated e, @SequenceNumber long sequence) {
        // the rate applied to the year's aid, in per cent as an individual contract's
        update(e.collectiveContractId(), sequence, c -> c.getList("evaluations", Document.class).add(
                new Document("contractYear", e.contractYear()).append("evaluatedOn", str(e.evaluatedOn()))
                        .append("achievementRate", e.appliedRatePermille() / 10).append("aidCents", e.aidCents())
                        .append("modulatedAidCents", e.modulatedAidCents())));
    }

    @EventHandler
    void on(CollectiveContractTerminated e, @SequenceNumber long sequence) {
        update(e.collectiveContractId(), sequence, c -> c.append("status", "TERMINATED")
                .append("lastDay", str(e.effectiveOn())).append("terminatedBy", e.by())
                .append("terminationReason", e.reason()));
    }

    @EventHandler
    void on(CollectiveContractTermReached e, @SequenceNumber long sequence) {
        update(e.collectiveContractId(), sequence,
               c -> c.append("status", "TERM_REACHED").append("lastDay", str(e.endedOn())));
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), CONTRACTS);
    }

    private void update(String contractId, long sequence, Consumer<Document> change) {
        Document contract = mongo.findById(contractId, Document.class, CONTRACTS);
        if (contract == null || contract.get("seq", Number.class).longValue() >= sequence) {
            return; // not signed here (cannot happen in order) or already applied
        }
        change.accept(contract);
        contract.put("seq", sequence);
        mongo.save(contract, CONTRACTS);
    }

    private static Document etp(LocalDate from, int etpPermille) {
        return new Document("from", str(from)).append("etpPermille", etpPermille);
    }

    private static Document change(LocalDate from, String field, String value) {
        return new Document("from", str(from)).append(field, value);
    }

    private static String str(LocalDate date) {
        return date == null ? null : date.toString();
    }
}

package fr.cnam.aam.contracting.core.query;

import fr.cnam.aam.contracting.api.CollectiveContractSigned;
import fr.cnam.aam.contracting.api.CollectiveContractTermReached;
import fr.cnam.aam.contracting.api.CollectiveContractTerminated;
import fr.cnam.aam.contracting.api.WaitingPeriodWaived;
import fr.cnam.aam.contracting.api.CollectiveEtpChanged;
import fr.cnam.aam.contracting.api.CollectiveMemberJoined;
import fr.cnam.aam.contracting.api.CollectiveMemberLeft;
import fr.cnam.aam.contracting.api.CollectiveObjectivesEvaluated;
import fr.cnam.aam.contracting.api.FindCollectiveContractQuery;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The collective contracts as read (collection {@code collective_contract_views}): company, members with their
 * dates, ETP, aid by year, objectives, evaluations, end and waiting period. A document keeps the sequence number of
 * the last event applied, so a redelivered or replayed event changes nothing.
 */
@Component
@ProcessingGroup(CollectiveContractProjection.GROUP)
class CollectiveContractProjection {

    static final String GROUP = "collective-contracts";
    static final String COLLECTION = "collective_contract_views";

    private final MongoTemplate mongo;

    CollectiveContractProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(CollectiveContractSigned e, @SequenceNumber long sequence) {
        if (mongo.findById(e.collectiveContractId(), Document.class, COLLECTION) != null) {
            return;
        }
        ArrayList<Document> members = new ArrayList<>();
        e.members().forEach(m -> members.add(new Document("rpps", m.rpps()).append("joinedOn", str(e.signedOn()))
                                                     .append("mtPatients", m.mtPatients())
                                                     .append("fileActive", m.fileActive())));
        mongo.save(new Document("_id", e.collectiveContractId()).append("collectiveContractId", e.collectiveContractId())
                .append("caisseCode", e.caisseCode()).append("departement", e.departement())
                .append("structure", e.structure()).append("companyIdentifier", e.companyIdentifier())
                .append("signedOn", str(e.signedOn())).append("endsOn", str(e.endsOn())).append("status", "ACTIVE")
                .append("etpPermille", e.etpPermille()).append("etpCapPermille", e.etpCapPermille())
                .append("averageMtPatients", e.averageMtPatients()).append("members", members)
                .append("aidByYearCents", e.aidByYearCents()).append("mtPatientsIncrease", e.mtPatientsIncrease())
                .append("fileActiveIncrease", e.fileActiveIncrease()).append("objectivesByYear", e.objectivesByYear())
                .append("regulatoryVersion", e.regulatoryVersion()).append("rulebookRevision", e.rulebookRevision())
                .append("rules", e.rules()).append("avenants", new ArrayList<>())
                .append("evaluations", new ArrayList<>()).append("version", sequence), COLLECTION);
    }

    @EventHandler
    void on(CollectiveMemberJoined e, @SequenceNumber long sequence) {
        update(e.collectiveContractId(), sequence, v -> {
            v.getList("members", Document.class).add(new Document("rpps", e.member().rpps())
                    .append("joinedOn", str(e.joinedOn())).append("mtPatients", e.member().mtPatients())
                    .append("fileActive", e.member().fileActive()));
            v.put("etpCapPermille", e.etpCapPermille());
        });
    }

    @EventHandler
    void on(CollectiveMemberLeft e, @SequenceNumber long sequence) {
        update(e.collectiveContractId(), sequence, v -> {
            for (Document member : v.getList("members", Document.class)) {
                if (e.rpps().equals(member.getString("rpps")) && member.get("leftOn") == null) {
                    member.append("leftOn", str(e.leftOn())).append("reason", e.reason());
                }
            }
            v.put("etpCapPermille", e.etpCapPermille());
        });
    }

    @EventHandler
    void on(CollectiveEtpChanged e, @SequenceNumber long sequence) {
        update(e.collectiveContractId(), sequence, v -> {
            v.getList("avenants", Document.class).add(new Document("avenantReference", e.avenantReference())
                    .append("previousEtpPermille", e.previousEtpPermille()).append("etpPermille", e.etpPermille())
                    .append("effectiveOn", str(e.effectiveOn())));
            v.append("etpPermille", e.etpPermille()).append("aidByYearCents", e.aidByYearCents())
             .append("mtPatientsIncrease", e.mtPatientsIncrease()).append("fileActiveIncrease", e.fileActiveIncrease());
        });
    }

    @EventHandler
    void on(CollectiveObjectivesEvaluated e, @SequenceNumber long sequence) {
        update(e.collectiveContractId(), sequence, v -> v.getList("evaluations", Document.class).add(
                new Document("contractYear", e.contractYear()).append("evaluatedOn", str(e.evaluatedOn()))
                        .append("mtPatientsReached", e.mtPatientsReached())
                        .append("fileActiveReached", e.fileActiveReached())
                        .append("appliedRatePermille", e.appliedRatePermille()).append("aidCents", e.aidCents())
                        .append("modulatedAidCents", e.modulatedAidCents()).append("rules", e.rules())));
    }

    @EventHandler
    void on(CollectiveContractTerminated e, @SequenceNumber long sequence) {
        update(e.collectiveContractId(), sequence, v -> v.append("status", "TERMINATED")
                .append("terminatedBy", e.by()).append("terminationReason", e.reason())
                .append("lastDay", str(e.effectiveOn())).append("waitingUntil", str(e.waitingUntil())));
    }

    @EventHandler
    void on(CollectiveContractTermReached e, @SequenceNumber long sequence) {
        update(e.collectiveContractId(), sequence, v -> v.append("status", "TERM_REACHED")
                .append("lastDay", str(e.endedOn())).append("waitingUntil", str(e.waitingUntil())));
    }

    /** The director's exceptions to the waiting period, each with its decision. */
    @EventHandler
    void on(WaitingPeriodWaived e, @SequenceNumber long sequence) {
        update(e.collectiveContractId(), sequence, v -> {
            List<Document> waivers = v.getList("waitingPeriodWaivers", Document.class);
            List<Document> all = waivers == null ? new java.util.ArrayList<>() : new java.util.ArrayList<>(waivers);
            all.add(new Document("rpps", e.rpps()).append("decidedOn", str(e.decidedOn()))
                            .append("decisionReference", e.decisionReference()).append("reason", e.reason()));
            v.put("waitingPeriodWaivers", all);
        });
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), COLLECTION);
    }

    @QueryHandler
    @SuppressWarnings("rawtypes")
    Map handle(FindCollectiveContractQuery query) {
        Document view = mongo.findById(query.collectiveContractId(), Document.class, COLLECTION);
        if (view == null) {
            return null;
        }
        view.remove("_id");
        return view;
    }

    private void update(String id, long sequence, Consumer<Document> change) {
        Document view = mongo.findById(id, Document.class, COLLECTION);
        if (view == null || view.get("version", Number.class).longValue() >= sequence) {
            return;
        }
        change.accept(view);
        view.put("version", sequence);
        mongo.save(view, COLLECTION);
    }

    private static String str(LocalDate date) {
        return date == null ? null : date.toString();
    }
}

package fr.cnam.aam.employment.core.query;

import fr.cnam.aam.employment.api.AbsenceEnded;
import fr.cnam.aam.employment.api.AbsenceStarted;
import fr.cnam.aam.employment.api.AssistantHired;
import fr.cnam.aam.employment.api.AssistantLeft;
import fr.cnam.aam.employment.api.DeadlineMissed;
import fr.cnam.aam.employment.api.FindAssistantQuery;
import fr.cnam.aam.employment.api.HiringProofSubmitted;
import fr.cnam.aam.employment.api.QualificationObtained;
import fr.cnam.aam.employment.api.SecretaryPostReplaced;
import fr.cnam.aam.employment.api.TrainingStarted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The assistant as the caisse sees it: status, deadlines and what met them. Each document remembers the sequence
 * number of the last event applied, so a repeated or replayed event changes nothing.
 */
@Component
@ProcessingGroup("assistants")
class AssistantProjection {

    static final String COLLECTION = "assistant_views";

    private final MongoTemplate mongo;

    AssistantProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(AssistantHired e, @SequenceNumber long sequence) {
        if (mongo.findById(e.assistantId(), Document.class, COLLECTION) != null) {
            return;
        }
        Document view = new Document("_id", e.assistantId()).append("assistantId", e.assistantId())
                .append("caisseCode", e.caisseCode()).append("contractIds", e.contractIds()).append("employerType", e.employerType())
                .append("weeklyHours", e.weeklyHours()).append("hiredOn", str(e.hiredOn()))
                .append("qualifications", new ArrayList<>(e.qualifications()))
                .append("formerSecretary", e.formerSecretary()).append("replacesAssistantId", e.replacesAssistantId())
                .append("status", "EMPLOYED").append("qualified", e.qualifiedBy() == null)
                .append("regulatoryVersion", e.regulatoryVersion()).append("rulebookRevision", e.rulebookRevision())
                .append("deadlines", new Document("hiringProof", deadline(e.hiringProofBy()))
                        .append("trainingStart", deadline(e.trainingStartBy()))
                        .append("qualification", deadline(e.qualifiedBy()))
                        .append("secretaryReplacement", deadline(e.secretaryReplacedBy())))
                .append("version", sequence);
        mongo.save(view, COLLECTION);
    }

    @EventHandler
    void on(HiringProofSubmitted e, @SequenceNumber long sequence) {
        update(e.assistantId(), sequence, v -> met(v, "hiringProof", str(e.submittedOn()), e.inTime()));
    }

    @EventHandler
    void on(TrainingStarted e, @SequenceNumber long sequence) {
        update(e.assistantId(), sequence, v -> met(v, "trainingStart", str(e.startedOn()), e.inTime()));
    }

    @EventHandler
    void on(QualificationObtained e, @SequenceNumber long sequence) {
        update(e.assistantId(), sequence, v -> {
            v.getList("qualifications", String.class).add(e.qualification());
            if (e.qualified()) {
                v.put("qualified", true);
                met(v, "qualification", str(e.obtainedOn()), e.inTime());
            }
        });
    }

    @EventHandler
    void on(SecretaryPostReplaced e, @SequenceNumber long sequence) {
        update(e.assistantId(), sequence, v -> met(v, "secretaryReplacement", str(e.replacedOn()), e.inTime()));
    }

    @EventHandler
    void on(AbsenceStarted e, @SequenceNumber long sequence) {
        update(e.assistantId(), sequence, v -> v.append("status", "ABSENT").append("absentSince", str(e.startedOn()))
                                                .append("longAbsenceFrom", str(e.longAbsenceFrom())));
    }

    @EventHandler
    void on(AbsenceEnded e, @SequenceNumber long sequence) {
        update(e.assistantId(), sequence, v -> {
            v.put("status", "EMPLOYED");
            v.remove("absentSince");
            v.remove("longAbsenceFrom");
        });
    }

    @EventHandler
    void on(AssistantLeft e, @SequenceNumber long sequence) {
        update(e.assistantId(), sequence, v -> v.append("status", "LEFT").append("leftOn", str(e.leftOn()))
                                                .append("departureReason", e.reason()));
    }

    @EventHandler
    void on(DeadlineMissed e, @SequenceNumber long sequence) {
        update(e.assistantId(), sequence, v -> {
            String name = switch (e.kind()) {
                case "HIRING_PROOF" -> "hiringProof";
                case "TRAINING_START" -> "trainingStart";
                case "QUALIFICATION" -> "qualification";
                case "SECRETARY_REPLACEMENT" -> "secretaryReplacement";
                default -> null;
            };
            if (name == null) {
                v.put("longAbsence", true);
                return;
            }
            Document deadline = v.get("deadlines", Document.class).get(name, Document.class);
            if (deadline != null) {
                deadline.put("status", "MISSED");
            }
        });
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), COLLECTION);
    }

    @QueryHandler
    @SuppressWarnings("rawtypes")
    Map handle(FindAssistantQuery query) {
        Document view = mongo.findById(query.assistantId(), Document.class, COLLECTION);
        if (view == null) {
            return null;
        }
        view.remove("_id");
        return view;
    }

    private void update(String assistantId, long sequence, Consumer<Document> change) {
        Document view = mongo.findById(assistantId, Document.class, COLLECTION);
        if (view == null || view.get("version", Number.class).longValue() >= sequence) {
            return;
        }
        change.accept(view);
        view.put("version", sequence);
        mongo.save(view, COLLECTION);
    }

    private static Document deadline(java.time.LocalDate due) {
        return due == null ? null : new Document("dueOn", str(due)).append("status", "OPEN");
    }

    private static void met(Document view, String name, String on, boolean inTime) {
        Document deadlines = view.get("deadlines", Document.class);
        Document deadline = deadlines.get(name, Document.class);
        if (deadline != null) {
            deadline.append("status", inTime ? "MET" : "MET_LATE").append("metOn", on);
        }
    }

    private static String str(java.time.LocalDate date) {
        return date == null ? null : date.toString();
    }
}

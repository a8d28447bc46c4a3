package fr.cnam.aam.app.disputes;

import fr.cnam.aam.app.axon.AuditMetaData;
import fr.cnam.aam.contracting.api.CollectiveContractSigned;
import fr.cnam.aam.contracting.api.CollectiveContractTermReached;
import fr.cnam.aam.contracting.api.CollectiveContractTerminated;
import fr.cnam.aam.contracting.api.CollectiveEtpChanged;
import fr.cnam.aam.contracting.api.CollectiveMemberJoined;
import fr.cnam.aam.contracting.api.CollectiveMemberLeft;
import fr.cnam.aam.contracting.api.CollectiveObjectivesEvaluated;
import fr.cnam.aam.contracting.api.ContractAmended;
import fr.cnam.aam.contracting.api.ContractRenewed;
import fr.cnam.aam.contracting.api.ContractResumed;
import fr.cnam.aam.contracting.api.ContractRevalued;
import fr.cnam.aam.contracting.api.ContractSigned;
import fr.cnam.aam.contracting.api.ContractSuspended;
import fr.cnam.aam.contracting.api.ContractTermReached;
import fr.cnam.aam.contracting.api.ContractTerminated;
import fr.cnam.aam.contracting.api.ObjectivesEvaluated;
import fr.cnam.aam.contracting.api.RegulatoryVersionSwitched;
import fr.cnam.aam.contracting.api.WaitingPeriodWaived;
import fr.cnam.aam.employment.api.AssistantHired;
import fr.cnam.aam.employment.api.AssistantLeft;
import fr.cnam.aam.employment.api.HiringProofSubmitted;
import fr.cnam.aam.employment.api.QualificationObtained;
import fr.cnam.aam.payments.api.PaymentLineCancelled;
import fr.cnam.aam.payments.api.PaymentLinePlanned;
import fr.cnam.aam.payments.api.PaymentLineRevised;
import fr.cnam.aam.payments.api.PaymentLinesChanged;
import fr.cnam.aam.payments.api.PaymentOrderIssued;
import fr.cnam.aam.payments.api.PaymentOrderPaid;
import fr.cnam.aam.payments.api.PaymentOrderRejected;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds a contract's record into its state on {@code asOf} as known at {@code knownAt}: a pure function of the
 * events (no clock, no store), so the same record always gives the same view. An event counts when it was recorded
 * by {@code knownAt} and is in force on {@code asOf}; a termination notified by then but effective later shows as
 * notified, not yet as ended.
 */
final class AsOfFold {

    private final LocalDate asOf;
    private final Instant knownAt;
    private Contract contract;
    private final Map<String, Assistant> assistants = new LinkedHashMap<>();
    private final Map<String, Line> lines = new LinkedHashMap<>();
    private final List<AsOfView.TimelineEntry> timeline = new ArrayList<>();

    private AsOfFold(LocalDate asOf, Instant knownAt) {
        this.asOf = asOf;
        this.knownAt = knownAt;
    }

    static AsOfView view(String contractId, List<RecordedEvent> record, LocalDate asOf, Instant knownAt) {
        AsOfFold fold = new AsOfFold(asOf, knownAt);
        for (RecordedEvent event : record) {
            if (event.knownAt(knownAt)) {
                fold.timeline.add(entry(event, event.inForceOn(asOf)));
                fold.apply(event);
            }
        }
        return fold.view(contractId);
    }

    private void apply(RecordedEvent event) {
        Object e = event.payload();
        if (e instanceof ContractTerminated t && contract != null && !t.notifiedOn().isAfter(asOf)) {
            terminate(t.notifiedOn(), t.effectiveOn());
            return;
        }
        if (e instanceof CollectiveContractTerminated t && contract != null && !t.notifiedOn().isAfter(asOf)) {
            terminate(t.notifiedOn(), t.effectiveOn());
            contract.waitingUntil = t.waitingUntil();
            return;
        }
        if (e instanceof CollectiveContractTermReached reached && contract != null) {
            if (reached.endedOn().isBefore(asOf)) {
                contract.status = "TERM_REACHED";
                contract.waitingUntil = reached.waitingUntil();
            }
            return;
        }
        if (e instanceof ContractTermReached reached && contract != null) {
            if (reached.endedOn().isBefore(asOf)) {
                contract.status = "TERM_REACHED";
            }
            return;
        }
        if (e instanceof PaymentLinesChanged && !event.inForceOn(asOf)
            && !event.recordedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate().isAfter(asOf)) {
            // a re-plan is the schedule's decision when it is recorded (orders follow it at once), even for a
            // change effective later
            applyPayment(e);
            return;
        }
        if (!event.inForceOn(asOf)) {
            return;
        }
        if (e instanceof ContractSigned s) {
            contract = new Contract(s);
        } else if (e instanceof CollectiveContractSigned s) {
            contract = new Contract(s);
        } else if (contract == null) {
            return; // nothing holds before the signature
        } else if (e instanceof CollectiveMemberJoined j) {
            contract.members.put(j.member().rpps(), map("rpps", j.member().rpps(), "joinedOn", j.joinedOn(),
                                                        "leftOn", null));
        } else if (e instanceof CollectiveMemberLeft l && contract.members.containsKey(l.rpps())) {
            contract.members.get(l.rpps()).put("leftOn", l.leftOn());
        } else if (e instanceof WaitingPeriodWaived w && contract.members.containsKey(w.rpps())) {
            contract.members.get(w.rpps()).put("waitingPeriodWaived", map("decidedOn", w.decidedOn(),
                    "decisionReference", w.decisionReference(), "reason", w.reason()));
        } else if (e instanceof CollectiveEtpChanged c) {
            contract.etpPermille = c.etpPermille();
            contract.terms.add(terms(c.effectiveOn(), c.etpPermille(), c.aidByYearCents()));
            contract.avenants.add(avenant(c.avenantReference(), c.previousEtpPermille(), c.etpPermille(),
                                          c.effectiveOn(), event));
        } else if (e instanceof CollectiveObjectivesEvaluated o) {
            contract.evaluations.add(evaluation(o.contractYear(), o.evaluatedOn(), o.appliedRatePermille() / 10.0,
                    o.aidCents(), o.modulatedAidCents(), o.regulatoryVersion(), o.rulebookRevision(), o.rules()));
        } else if (e instanceof ContractAmended a) {
            contract.option = a.option();
            contract.avenants.add(avenant(a.avenantReference(), a.previousOption(), a.option(), a.effectiveOn(),
                                          event));
        } else if (e instanceof ContractSuspended s) {
            contract.status = "SUSPENDED";
            contract.suspendedSince = s.effectiveOn();
        } else if (e instanceof ContractResumed) {
            contract.status = "ACTIVE";
            contract.suspendedSince = null;
        } else if (e instanceof RegulatoryVersionSwitched v) {
            contract.regulatoryVersion = v.toVersion();
            contract.rulebookRevision = v.rulebookRevision();
        } else if (e instanceof ContractRenewed r) {
            contract.endsOn = r.newTermEndsOn();
        } else if (e instanceof ContractRevalued r) {
            contract.revaluations.add(map("contractYear", r.contractYear(), "anniversaryOn", r.anniversaryOn(),
                    "amountsOf", r.amountsOf(), "aidBefore", euros(r.aidBeforeCents()),
                    "aidAfter", euros(r.aidAfterCents()), "parameter", r.parameter(), "source", r.source(),
                    "confidence", r.confidence(), "rulebookRevision", r.rulebookRevision()));
        } else if (e instanceof ObjectivesEvaluated o) {
            contract.evaluations.add(evaluation(o.contractYear(), o.evaluatedOn(), o.achievementRate(),
                    o.aidCents(), o.modulatedAidCents(), o.regulatoryVersion(), o.rulebookRevision(), o.rules()));
        } else {
            applyAssistant(e);
            applyPayment(e);
        }
    }

    /** Notified by {@code asOf}: shown as notified, and as ended once its last day ({@code effectiveOn}) is past. */
    private void terminate(LocalDate notifiedOn, LocalDate effectiveOn) {
        contract.terminationNotifiedOn = notifiedOn;
        contract.terminatesOn = effectiveOn;
        if (effectiveOn.isBefore(asOf)) {
            // its effective date is the contract's last day (paid, as the schedule counts it): ended after it
            contract.status = "TERMINATED";
            contract.suspendedSince = null;
        }
    }

    private void applyAssistant(Object e) {
        if (e instanceof AssistantHired h) {
            assistants.put(h.assistantId(), new Assistant(h.assistantId(), h.hiredOn(), h.qualifications()));
        } else if (e instanceof HiringProofSubmitted p && assistants.containsKey(p.assistantId())) {
            assistants.get(p.assistantId()).provenOn = p.submittedOn();
        } else if (e instanceof AssistantLeft l && assistants.containsKey(l.assistantId())) {
            assistants.get(l.assistantId()).leftOn = l.leftOn();
        } else if (e instanceof QualificationObtained q && assistants.containsKey(q.assistantId())) {
            assistants.get(q.assistantId()).qualifications.add(q.qualification());
        }
    }

    private void applyPayment(Object e) {
        if (e instanceof PaymentLinesChanged changed) {
            for (PaymentLineCancelled c : changed.cancelled()) {
                lines.computeIfPresent(c.lineId(), (id, line) -> line.status("CANCELLED"));
            }
            for (PaymentLineRevised r : changed.revised()) {
                Line line = lines.get(r.lineId());
                if (line != null) {
                    line.figure(r.amountCents(), r.dueDate(), r.amountParameter(), r.amountSource(),
                                r.amountConfidence(), r.regulatoryVersion(), r.rulebookRevision(), r.reason());
                }
            }
            for (PaymentLinePlanned p : changed.planned()) {
                lines.put(p.lineId(), new Line(p));
            }
        } else if (e instanceof PaymentOrderIssued o && lines.containsKey(o.lineId())) {
            Line line = lines.get(o.lineId()).status("ORDERED");
            // what was ordered is the recorded figure, whatever the plan in force on the date said
            line.amountCents = o.amountCents();
            line.dueDate = o.dueDate();
            line.orderId = o.orderId();
            line.orderedOn = o.issuedOn();
            line.answeredOn = null;
        } else if (e instanceof PaymentOrderPaid p && lines.containsKey(p.lineId())) {
            lines.get(p.lineId()).status("PAID").answeredOn = p.paidOn();
        } else if (e instanceof PaymentOrderRejected r && lines.containsKey(r.lineId())) {
            lines.get(r.lineId()).status("REJECTED").answeredOn = r.rejectedOn();
        }
    }

    private AsOfView view(String contractId) {
        List<AsOfView.LineState> states = lines.values().stream().map(Line::state).toList();
        long due = 0;
        long ordered = 0;
        long paid = 0;
        long recovered = 0;
        for (Line line : lines.values()) {
            if (!"CANCELLED".equals(line.status)) {
                due += line.amountCents;
            }
            if ("ORDERED".equals(line.status) || "PAID".equals(line.status)) {
                ordered += line.amountCents;
            }
            if ("PAID".equals(line.status)) {
                if (line.amountCents >= 0) {
                    paid += line.amountCents;
                } else {
                    recovered -= line.amountCents;
                }
            }
        }
        return new AsOfView(contractId, asOf, knownAt, contract == null ? notSigned() : contract.state(asOf),
                            assistants.values().stream().map(Assistant::state).toList(), states,
                            new AsOfView.Totals(euros(due), euros(ordered), euros(paid), euros(recovered),
                                                euros(paid - recovered)),
                            List.copyOf(timeline), contract == null ? null : contract.collective());
    }

    private static AsOfView.ContractState notSigned() {
        return new AsOfView.ContractState(null, null, null, null, null, null, null, null, "NOT_SIGNED", null, null,
                                          null, List.of(), List.of(), List.of());
    }

    private static AsOfView.TimelineEntry entry(RecordedEvent event, boolean inForce) {
        Map<String, Object> meta = event.metaData();
        return new AsOfView.TimelineEntry(event.eventId(), event.stream(), event.sequence(), event.type(),
                event.recordedAt(), event.effectiveOn(), inForce, text(meta.get(AuditMetaData.PRINCIPAL)),
                text(meta.get(AuditMetaData.CAISSE)), text(meta.get(AuditMetaData.CORRELATION_ID)),
                text(meta.get(AuditMetaData.CAUSATION_ID)), event.payload());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    static BigDecimal euros(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    private static AsOfView.Terms terms(LocalDate from, int etpPermille, List<Long> aidByYearCents) {
        return new AsOfView.Terms(from, etpPermille, aidByYearCents.stream().map(AsOfFold::euros).toList());
    }

    /** An avenant as the view shows it: what it moved from and to (an option, or a collective contract's ETP). */
    private static Map<String, Object> avenant(String reference, Object from, Object to, LocalDate effectiveOn,
                                               RecordedEvent event) {
        return map("avenantReference", reference, "from", from, "to", to, "effectiveOn", effectiveOn,
                   "recordedAt", event.recordedAt());
    }

    private static Map<String, Object> evaluation(int year, LocalDate evaluatedOn, Object achievementRate,
                                                  long aidCents, long modulatedAidCents, String version,
                                                  String revision, List<String> rules) {
        return map("contractYear", year, "evaluatedOn", evaluatedOn, "achievementRate", achievementRate,
                   "aid", euros(aidCents), "modulatedAid", euros(modulatedAidCents), "regulatoryVersion", version,
                   "rulebookRevision", revision, "rules", rules);
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** The contract's terms as the fold goes. */
    private static final class Contract {
        final String caisseCode;
        final String rpps;
        final LocalDate signedOn;
        final String activityBand;
        String option;
        String regulatoryVersion;
        String rulebookRevision;
        String status = "ACTIVE";
        LocalDate suspendedSince;
        LocalDate terminationNotifiedOn;
        LocalDate terminatesOn;
        LocalDate endsOn;
        final List<Map<String, Object>> avenants = new ArrayList<>();
        final List<Map<String, Object>> evaluations = new ArrayList<>();
        final List<Map<String, Object>> revaluations = new ArrayList<>();
        /** A collective contract's company, ETP and members (null structure for an individual contract). */
        final String structure;
        final String companyIdentifier;
        int etpPermille;
        final Map<String, Map<String, Object>> members = new LinkedHashMap<>();
        LocalDate waitingUntil;
        final List<AsOfView.Terms> terms = new ArrayList<>();

        Contract(ContractSigned signed) {
            this.caisseCode = signed.caisseCode();
            this.rpps = signed.rpps();
            this.signedOn = signed.signedOn();
            this.activityBand = signed.activityBand();
            this.option = signed.option();
            this.regulatoryVersion = signed.regulatoryVersion();
            this.rulebookRevision = signed.rulebookRevision();
            this.endsOn = signed.endsOn();
            this.structure = null;
            this.companyIdentifier = null;
        }

        Contract(CollectiveContractSigned signed) {
            this.caisseCode = signed.caisseCode();
            this.rpps = null;
            this.signedOn = signed.signedOn();
            this.activityBand = null;
            this.regulatoryVersion = signed.regulatoryVersion();
            this.rulebookRevision = signed.rulebookRevision();
            this.endsOn = signed.endsOn();
            this.structure = signed.structure();
            this.companyIdentifier = signed.companyIdentifier();
            this.etpPermille = signed.etpPermille();
            this.terms.add(terms(signed.signedOn(), signed.etpPermille(), signed.aidByYearCents()));
            signed.members().forEach(m -> members.put(m.rpps(), map("rpps", m.rpps(), "joinedOn",
                                                                    signed.signedOn(), "leftOn", null)));
        }

        AsOfView.ContractState state(LocalDate asOf) {
            // no calendar records a collective contract's term: past its last day, it has reached it
            String shown = structure != null && "ACTIVE".equals(status) && asOf.isAfter(endsOn) ? "TERM_REACHED"
                           : status;
            return new AsOfView.ContractState(caisseCode, rpps, signedOn, endsOn, option, activityBand,
                    regulatoryVersion, rulebookRevision, shown, suspendedSince, terminationNotifiedOn, terminatesOn,
                    List.copyOf(avenants), List.copyOf(evaluations), List.copyOf(revaluations));
        }

        AsOfView.CollectiveState collective() {
            return structure == null ? null : new AsOfView.CollectiveState(structure, companyIdentifier,
                    etpPermille, members.values().stream().map(m -> (Map<String, Object>) new LinkedHashMap<>(m))
                                        .toList(), waitingUntil, List.copyOf(terms));
        }
    }

    private static final class Assistant {
        final String id;
        final LocalDate hiredOn;
        LocalDate provenOn;
        LocalDate leftOn;
        final List<String> qualifications = new ArrayList<>();

        Assistant(String id, LocalDate hiredOn, List<String> qualifications) {
            this.id = id;
            this.hiredOn = hiredOn;
            if (qualifications != null) {
                this.qualifications.addAll(qualifications);
            }
        }

        AsOfView.AssistantState state() {
            return new AsOfView.AssistantState(id, hiredOn, provenOn, leftOn, List.copyOf(qualifications));
        }
    }

    private static final class Line {
        final PaymentLinePlanned planned;
        long amountCents;
        LocalDate dueDate;
        String status = "PLANNED";
        String orderId;
        LocalDate orderedOn;
        LocalDate answeredOn;
        String amountParameter;
        String amountSource;
        String amountConfidence;
        String regulatoryVersion;
        String rulebookRevision;
        String explanation;

        Line(PaymentLinePlanned planned) {
            this.planned = planned;
            figure(planned.amountCents(), planned.dueDate(), planned.amountParameter(), planned.amountSource(),
                   planned.amountConfidence(), planned.regulatoryVersion(), planned.rulebookRevision(),
                   planned.explanation());
        }

        /** The line's figure and the rule behind it, as planned or as last revised. */
        void figure(long amountCents, LocalDate dueDate, String amountParameter, String amountSource,
                    String amountConfidence, String regulatoryVersion, String rulebookRevision, String explanation) {
            this.amountCents = amountCents;
            this.dueDate = dueDate;
            this.amountParameter = amountParameter;
            this.amountSource = amountSource;
            this.amountConfidence = amountConfidence;
            this.regulatoryVersion = regulatoryVersion;
            this.rulebookRevision = rulebookRevision;
            this.explanation = explanation;
        }

        Line status(String status) {
            this.status = status;
            return this;
        }

        AsOfView.LineState state() {
            return new AsOfView.LineState(planned.lineId(), planned.contractYear(), planned.kind(), dueDate,
                    euros(amountCents), status, orderId, orderedOn, answeredOn, planned.parameter(),
                    planned.source(), planned.confidence(), amountParameter, amountSource, amountConfidence,
                    regulatoryVersion, rulebookRevision, explanation);
        }
    }
}

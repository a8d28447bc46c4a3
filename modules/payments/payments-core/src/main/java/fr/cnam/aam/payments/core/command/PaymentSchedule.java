package fr.cnam.aam.payments.core.command;

import fr.cnam.aam.kernel.BusinessRuleViolation;
import fr.cnam.aam.payments.api.AnswerPaymentOrderCommand;
import fr.cnam.aam.payments.api.ChangeKind;
import fr.cnam.aam.payments.api.CollectiveAidChanged;
import fr.cnam.aam.payments.api.CollectivePaymentSchedulePlanned;
import fr.cnam.aam.payments.api.ContractChange;
import fr.cnam.aam.payments.api.ContractChangeRecorded;
import fr.cnam.aam.payments.api.IssuePaymentOrderCommand;
import fr.cnam.aam.payments.api.OrderOutcome;
import fr.cnam.aam.payments.api.PaymentIds;
import fr.cnam.aam.payments.api.PaymentLineCancelled;
import fr.cnam.aam.payments.api.PaymentLinePlanned;
import fr.cnam.aam.payments.api.PaymentLinesChanged;
import fr.cnam.aam.payments.api.PaymentLineRevised;
import fr.cnam.aam.payments.api.PaymentOrderIssued;
import fr.cnam.aam.payments.api.PaymentOrderPaid;
import fr.cnam.aam.payments.api.PaymentOrderRejected;
import fr.cnam.aam.payments.api.PaymentSchedulePlanned;
import fr.cnam.aam.payments.api.PaymentYearDetermined;
import fr.cnam.aam.payments.api.PaymentYearIndeterminate;
import fr.cnam.aam.payments.api.PlanCollectivePaymentScheduleCommand;
import fr.cnam.aam.payments.api.PlanPaymentScheduleCommand;
import fr.cnam.aam.payments.api.RecordCollectiveAidChangeCommand;
import fr.cnam.aam.payments.api.RecordContractChangeCommand;
import fr.cnam.aam.regulation.Confidence;
import fr.cnam.aam.regulation.MissingParameter;
import fr.cnam.aam.regulation.Payment;
import fr.cnam.aam.regulation.Reason;
import fr.cnam.aam.regulation.RegulatoryVersion;
import fr.cnam.aam.regulation.Rulebook;
import fr.cnam.aam.regulation.Rulebooks;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A contract's payment schedule. Each contract year is due an amount the rulebook and the contract's changes decide
 * ({@link YearPlanner}); the lines not yet ordered are re-planned to pay exactly that, the lines ordered or paid are
 * never rewritten, and what they paid too much or too little becomes a recovery or a complement line. Line and
 * order identifiers are deterministic ({@link PaymentIds}), so a retried order, a redelivered change or a replayed
 * policy never pays twice. A collective contract's schedule pays the group's company the aid its contract recorded
 * ({@link CollectiveYearPlanner}) through the same lines and orders.
 */
@Aggregate(cache = "aggregateCache")
class PaymentSchedule {

    private static final Set<ChangeKind> COLLECTIVE_CHANGES = java.util.EnumSet.of(ChangeKind.HIRING_PROVEN,
            ChangeKind.OBJECTIVES_EVALUATED, ChangeKind.TERMINATED);

    @AggregateIdentifier
    private String scheduleId;
    private String contractId;
    private String caisseCode;
    private LocalDate startsOn;
    private final TreeMap<LocalDate, String> optionFrom = new TreeMap<>();
    private String activityBand;
    private LocalDate hiredOn;
    private final TreeMap<Integer, String> versionFromYear = new TreeMap<>();
    private final Map<Integer, Long> modulatedAid = new HashMap<>();
    private final List<Period> suspensions = new ArrayList<>();
    private LocalDate suspendedSince;
    private LocalDate lastDay;
    private int lastYear;
    private final Set<String> changes = new HashSet<>();
    private final Set<Integer> indeterminateYears = new HashSet<>();
    private final Map<String, Line> lines = new LinkedHashMap<>();
    /** A collective contract's schedule: the aid recorded from each date, and the ETP it finances. */
    private boolean collective;
    private final TreeMap<LocalDate, List<Long>> aidFrom = new TreeMap<>();
    private final TreeMap<LocalDate, Integer> etpFrom = new TreeMap<>();

    PaymentSchedule() {
    }

    @CommandHandler
    PaymentSchedule(PlanPaymentScheduleCommand command, Rulebooks rulebooks) {
        Rulebook rulebook = rulebooks.current();
        int years = rulebook.resolve("contract.durationYears", RegulatoryVersion.valueOf(command.regulatoryVersion()),
                                     command.signedOn()).asInt();
        apply(new PaymentSchedulePlanned(command.scheduleId(), command.contractId(), command.caisseCode(),
                command.signedOn(), command.regulatoryVersion(), command.option(), command.activityBand(), years,
                rulebook.revision()))
                // during construction an event reaches the state only once applied, hence andThen
                .andThen(() -> replan(1, years, command.signedOn(), "signed on " + command.signedOn(), rulebook));
    }

    @CommandHandler
    PaymentSchedule(PlanCollectivePaymentScheduleCommand command, Rulebooks rulebooks) {
        if (command.signedOn() == null || command.etpPermille() <= 0 || command.aidByYearCents() == null
            || command.aidByYearCents().isEmpty() || command.aidByYearCents().stream().anyMatch(a -> a == null || a < 0)
            || command.regulatoryVersion() == null) {
            throw new BusinessRuleViolation("PLAN_INCOMPLETE", "a collective schedule needs the signature date, "
                    + "the version, the ETP financed and the aid recorded for each year");
        }
        Rulebook rulebook = rulebooks.currentFor(RegulatoryVersion.Kind.COLLECTIVE);
        int years = command.aidByYearCents().size();
        apply(new CollectivePaymentSchedulePlanned(command.scheduleId(), command.collectiveContractId(),
                command.caisseCode(), command.signedOn(), command.regulatoryVersion(), command.etpPermille(),
                List.copyOf(command.aidByYearCents()), years, rulebook.revision()))
                .andThen(() -> replan(1, years, command.signedOn(), "signed on " + command.signedOn(), rulebook));
    }

    @CommandHandler
    void handle(RecordCollectiveAidChangeCommand command, Rulebooks rulebooks) {
        if (command.changeId() != null && changes.contains(command.changeId())) {
            return; // a redelivered event: taken in already
        }
        if (!collective) {
            throw new BusinessRuleViolation("CHANGE_INCOMPLETE", scheduleId + " pays an individual contract");
        }
        if (command.changeId() == null || command.effectiveOn() == null || command.etpPermille() <= 0
            || command.aidByYearCents() == null || command.aidByYearCents().size() != lastYear
            || command.aidByYearCents().stream().anyMatch(a -> a == null || a < 0)) {
            throw new BusinessRuleViolation("CHANGE_INCOMPLETE", "an ETP change needs its id, effective date and "
                                            + "the aid of each of the " + lastYear + " years");
        }
        Rulebook rulebook = rulebookFor(rulebooks);
        apply(new CollectiveAidChanged(scheduleId, contractId, command.changeId(), command.effectiveOn(),
                command.etpPermille(), List.copyOf(command.aidByYearCents()), command.reference(),
                rulebook.revision()));
        String cause = "ETP_CHANGED on " + command.effectiveOn()
                       + (command.reference() == null ? "" : " (" + command.reference() + ")");
        replan(Math.max(1, yearOf(command.effectiveOn())), lastYear, command.effectiveOn(), cause, rulebook);
    }

    @CommandHandler
    void handle(RecordContractChangeCommand command, Rulebooks rulebooks) {
        ContractChange change = command.change();
        if (change == null || change.changeId() == null || change.kind() == null || change.effectiveOn() == null
            || change.kind() == ChangeKind.OPTION_CHANGED && change.option() == null
            || change.kind() == ChangeKind.VERSION_SWITCHED && change.version() == null
            || change.kind() == ChangeKind.OBJECTIVES_EVALUATED && change.aidCents() == null
            || change.kind() == ChangeKind.RENEWED && change.until() == null) {
            throw new BusinessRuleViolation("CHANGE_INCOMPLETE", "a change needs its id, kind and effective date, "
                    + "and what its kind changes (option, version, modulated aid, end of the new term)");
        }
        if (collective && !COLLECTIVE_CHANGES.contains(change.kind())) {
            throw new BusinessRuleViolation("CHANGE_NOT_COLLECTIVE", change.kind() + " does not happen to a "
                    + "collective contract (its ETP changes by RecordCollectiveAidChangeCommand)");
        }
        if (changes.contains(change.changeId())) {
            return; // a redelivered event: taken in already
        }
        Rulebook rulebook = rulebookFor(rulebooks);
        int yearBefore = lastYear;
        LocalDate suspendedBefore = suspendedSince;
        apply(new ContractChangeRecorded(scheduleId, contractId, change, rulebook.revision()));
        int effectiveYear = Math.max(1, yearOf(change.effectiveOn()));
        String cause = change.kind() + " on " + change.effectiveOn()
                       + (change.reference() == null ? "" : " (" + change.reference() + ")");
        switch (change.kind()) {
            case HIRING_PROVEN -> replan(1, 1, change.effectiveOn(), cause, rulebook);
            case OPTION_CHANGED -> replan(effectiveYear, lastYear, change.effectiveOn(), cause, rulebook);
            case VERSION_SWITCHED, REVALUED -> replan(yearOr(change, effectiveYear), lastYear, change.effectiveOn(),
                                                      cause, rulebook);
            case OBJECTIVES_EVALUATED -> replan(yearOr(change, effectiveYear), yearOr(change, effectiveYear),
                                                change.effectiveOn(), cause, rulebook);
            case RESUMED -> {
                if (suspendedBefore != null) {
                    replan(Math.max(1, yearOf(suspendedBefore)), Math.min(lastYear, effectiveYear),
                           change.effectiveOn(), cause, rulebook);
                }
            }
            case RENEWED -> replan(yearBefore + 1, lastYear, change.effectiveOn(), cause, rulebook);
            case TERMINATED -> replan(Math.min(effectiveYear, lastYear), lastYear, change.effectiveOn(), cause,
                                      rulebook);
            case SUSPENDED -> {
                // nothing is ordered while suspended; the days are settled at the resumption or the termination
            }
        }
    }

    @CommandHandler
    String handle(IssuePaymentOrderCommand command, Rulebooks rulebooks) {
        Line line = lines.get(command.lineId());
        if (line == null) {
            throw new BusinessRuleViolation("LINE_UNKNOWN", "no line " + command.lineId() + " in " + scheduleId);
        }
        if (line.frozen()) {
            return line.orderId; // ordered already: the same order, not a second one
        }
        if (line.status == Line.Status.CANCELLED) {
            throw new BusinessRuleViolation("LINE_CANCELLED", command.lineId() + " is no longer due");
        }
        if (command.issuedOn() == null || line.dueDate.isAfter(command.issuedOn())) {
            throw new BusinessRuleViolation("NOT_YET_DUE", command.lineId() + " is due on " + line.dueDate);
        }
        if (suspendedSince != null && line.amountCents > 0) {
            throw new BusinessRuleViolation("PAYMENTS_SUSPENDED", "the contract is suspended since "
                                            + suspendedSince);
        }
        if (hiredOn == null && line.amountCents > 0) {
            String awaiting = HiringProofRule.awaitedBy(line, startsOn, versionFromYear.floorEntry(line.year)
                                                                                     .getValue(), rulebookFor(rulebooks));
            if (awaiting != null) {
                throw new BusinessRuleViolation("HIRING_NOT_PROVEN", command.lineId() + " waits for the proof of "
                                                + "the assistant's hiring (" + awaiting + ")");
            }
        }
        String orderId = PaymentIds.order(line.id, line.rejectedOrders.size() + 1);
        apply(new PaymentOrderIssued(scheduleId, contractId, caisseCode, orderId, line.id, line.amountCents,
                                     line.dueDate, command.issuedOn()));
        return orderId;
    }

    @CommandHandler
    String handle(AnswerPaymentOrderCommand command) {
        Line line = lines.get(PaymentIds.lineOfOrder(command.orderId()));
        if (line == null || !command.orderId().equals(line.orderId)
                            && !line.rejectedOrders.contains(command.orderId())) {
            throw new BusinessRuleViolation("ORDER_UNKNOWN", "no order " + command.orderId());
        }
        if (command.outcome() == null || command.answeredOn() == null) {
            throw new BusinessRuleViolation("ANSWER_INCOMPLETE", "an answer needs its outcome and date");
        }
        OrderOutcome known = line.rejectedOrders.contains(command.orderId()) ? OrderOutcome.REJECTED
                             : line.status == Line.Status.PAID ? OrderOutcome.PAID : null;
        if (known != null) {
            if (known != command.outcome()) {
                throw new BusinessRuleViolation("ORDER_ALREADY_ANSWERED", command.orderId() + " was answered "
                                                + known + " already");
            }
            return known.name(); // the same answer again: nothing more happens
        }
        if (command.answeredOn().isBefore(line.orderIssuedOn)) {
            throw new BusinessRuleViolation("ANSWER_BEFORE_ORDER", command.orderId() + " was issued on "
                                            + line.orderIssuedOn + ": it cannot be answered on "
                                            + command.answeredOn());
        }
        if (command.outcome() == OrderOutcome.PAID) {
            apply(new PaymentOrderPaid(scheduleId, command.orderId(), line.id, line.amountCents,
                                       command.answeredOn(), command.reference()));
        } else {
            if (command.reason() == null || command.reason().isBlank()) {
                throw new BusinessRuleViolation("REASON_REQUIRED", "a rejection needs its reason");
            }
            // the line is open again at the amount recorded: a rejection by the bank is no reason to re-price
            // the year (what changed while the order was out is already a complement or a recovery line)
            apply(new PaymentOrderRejected(scheduleId, command.orderId(), line.id, command.answeredOn(),
                                           command.reason()));
        }
        return command.outcome().name();
    }

    private void replan(int fromYear, int toYear, LocalDate effectiveOn, String cause, Rulebook rulebook) {
        LineChanges changed = new LineChanges();
        ScheduleFacts facts = collective ? null : new ScheduleFacts(startsOn, optionFrom, activityBand, hiredOn,
                versionFromYear, modulatedAid, suspensions, lastDay);
        CollectiveScheduleFacts collectiveFacts = collective ? new CollectiveScheduleFacts(startsOn,
                versionFromYear.get(1), aidFrom, etpFrom, modulatedAid, lastDay) : null;
        for (int year = fromYear; year <= toYear; year++) {
            YearTarget target;
            try {
                target = collective ? CollectiveYearPlanner.target(collectiveFacts, year, rulebook)
                                    : YearPlanner.target(facts, year, rulebook);
            } catch (MissingParameter missing) {
                // no figure published: the year's lines stay as they were, and the schedule says why
                apply(new PaymentYearIndeterminate(scheduleId, year, missing.parameter(), missing.getMessage(),
                                                   rulebook.revision()));
                continue;
            }
            if (indeterminateYears.contains(year)) {
                apply(new PaymentYearDetermined(scheduleId, year, rulebook.revision()));
            }
            reconcile(target, effectiveOn, cause, rulebook.revision(), changed);
        }
        if (!changed.isEmpty()) {
            apply(new PaymentLinesChanged(scheduleId, contractId, cause, effectiveOn, changed.planned,
                                          changed.revised, changed.cancelled));
        }
    }

    /** Makes the year's lines pay {@code target.dueCents()}: open lines first, then a complement or a recovery. */
    private void reconcile(YearTarget target, LocalDate effectiveOn, String cause, String revision,
                           LineChanges changed) {
        List<Line> ofYear = lines.values().stream()
                                 .filter(l -> l.year == target.year() && l.status != Line.Status.CANCELLED).toList();
        long frozen = ofYear.stream().filter(Line::frozen).mapToLong(l -> l.amountCents).sum();
        Map<String, Payment> slots = new LinkedHashMap<>();
        Map<String, Long> amounts = new LinkedHashMap<>();
        for (int i = 0; i < target.slots().size(); i++) {
            String slot = String.valueOf(i + 1);
            Line line = find(ofYear, slot);
            if (line == null || line.open()) {
                slots.put(slot, target.slots().get(i));
                amounts.put(slot, target.slots().get(i).amountCents());
            }
        }
        long remainder = target.dueCents() - frozen - amounts.values().stream().mapToLong(Long::longValue).sum();
        List<String> keys = new ArrayList<>(amounts.keySet());
        for (int i = keys.size() - 1; i >= 0 && remainder != 0; i--) {
            long take = remainder > 0 ? remainder : -Math.min(amounts.get(keys.get(i)), -remainder);
            amounts.merge(keys.get(i), take, Long::sum);
            remainder -= take;
        }
        String why = cause + " — " + target.explanation();
        for (String slot : keys) {
            Payment payment = slots.get(slot);
            Line line = find(ofYear, slot);
            long amount = amounts.get(slot);
            if (line == null && amount != 0) {
                Reason calendar = payment.rule();
                changed.planned.add(line(target, PaymentIds.line(scheduleId, target.year(), slot),
                                         payment.dueDate(), amount, calendar.code(), calendar, revision, why));
            } else if (line != null && amount == 0) {
                changed.cancelled.add(new PaymentLineCancelled(scheduleId, line.id, why));
            } else if (line != null && (line.amountCents != amount || !line.dueDate.equals(payment.dueDate()))) {
                changed.revised.add(revision(target, line, amount, payment.dueDate(), revision, why));
            }
        }
        for (Line line : ofYear) {
            if (line.open() && !line.adjustment() && !slots.containsKey(line.slot)) {
                changed.cancelled.add(new PaymentLineCancelled(scheduleId, line.id, why));
            }
        }
        Line adjustment = ofYear.stream().filter(l -> l.open() && l.adjustment()).findFirst().orElse(null);
        if (adjustment != null && (remainder == 0 || Long.signum(remainder) != Long.signum(adjustment.amountCents))) {
            changed.cancelled.add(new PaymentLineCancelled(scheduleId, adjustment.id, why));
            adjustment = null;
        }
        if (adjustment != null && adjustment.amountCents != remainder) {
            changed.revised.add(revision(target, adjustment, remainder, adjustment.dueDate, revision, why));
        } else if (adjustment == null && remainder != 0) {
            long made = lines.values().stream().filter(l -> l.year == target.year() && l.adjustment()).count();
            changed.planned.add(line(target, PaymentIds.line(scheduleId, target.year(), "A" + (made + 1)),
                                     effectiveOn, remainder, remainder > 0 ? "COMPLEMENT" : "RECOVERY",
                                     target.adjustedBy(), revision, why));
        }
    }

    private PaymentLinePlanned line(YearTarget target, String lineId, LocalDate dueDate, long amount, String kind,
                                    Reason rule, String revision, String why) {
        Reason amountRule = target.adjustedBy();
        return new PaymentLinePlanned(scheduleId, contractId, caisseCode, lineId, dueDate, amount, target.year(),
                kind, rule.parameter(), rule.source(), code(rule.confidence()), amountRule.parameter(),
                amountRule.source(), code(amountRule.confidence()), target.version(), revision, why);
    }

    private PaymentLineRevised revision(YearTarget target, Line line, long amount, LocalDate dueDate,
                                        String revision, String why) {
        Reason amountRule = target.adjustedBy();
        return new PaymentLineRevised(scheduleId, line.id, line.amountCents, amount, line.dueDate, dueDate,
                                      amountRule.parameter(), amountRule.source(), code(amountRule.confidence()),
                                      target.version(), revision, why);
    }

    /** The rulebook of this schedule's kind (a caisse chain begun before the collective aid never knew it). */
    private Rulebook rulebookFor(Rulebooks rulebooks) {
        return collective ? rulebooks.currentFor(RegulatoryVersion.Kind.COLLECTIVE) : rulebooks.current();
    }

    private static Line find(List<Line> lines, String slot) {
        return lines.stream().filter(l -> l.slot.equals(slot)).findFirst().orElse(null);
    }

    private static int yearOr(ContractChange change, int otherwise) {
        return change.contractYear() != null ? change.contractYear() : otherwise;
    }

    private int yearOf(LocalDate date) {
        return fr.cnam.aam.kernel.Anniversaries.yearOf(startsOn, date);
    }

    private static String code(Confidence confidence) {
        return confidence == null ? null : confidence.code();
    }

    @EventSourcingHandler
    void on(PaymentSchedulePlanned event) {
        scheduleId = event.scheduleId();
        contractId = event.contractId();
        caisseCode = event.caisseCode();
        startsOn = event.signedOn();
        optionFrom.put(event.signedOn(), event.option());
        activityBand = event.activityBand();
        versionFromYear.put(1, event.regulatoryVersion());
        lastYear = event.contractYears();
    }

    @EventSourcingHandler
    void on(CollectivePaymentSchedulePlanned event) {
        scheduleId = event.scheduleId();
        contractId = event.collectiveContractId();
        caisseCode = event.caisseCode();
        startsOn = event.signedOn();
        collective = true;
        aidFrom.put(event.signedOn(), event.aidByYearCents());
        etpFrom.put(event.signedOn(), event.etpPermille());
        versionFromYear.put(1, event.regulatoryVersion());
        lastYear = event.contractYears();
    }

    @EventSourcingHandler
    void on(CollectiveAidChanged event) {
        changes.add(event.changeId());
        aidFrom.put(event.effectiveOn(), event.aidByYearCents());
        etpFrom.put(event.effectiveOn(), event.etpPermille());
    }

    @EventSourcingHandler
    void on(ContractChangeRecorded event) {
        ContractChange change = event.change();
        changes.add(change.changeId());
        switch (change.kind()) {
            case HIRING_PROVEN -> hiredOn = change.effectiveOn();
            case OPTION_CHANGED -> optionFrom.put(change.effectiveOn(), change.option());
            case VERSION_SWITCHED -> versionFromYear.put(yearOr(change, yearOf(change.effectiveOn())),
                                                         change.version());
            case OBJECTIVES_EVALUATED -> modulatedAid.put(yearOr(change, yearOf(change.effectiveOn())),
                                                          change.aidCents());
            case SUSPENDED -> suspendedSince = suspendedSince == null ? change.effectiveOn() : suspendedSince;
            case RESUMED -> {
                if (suspendedSince != null) {
                    suspensions.add(new Period(suspendedSince, change.effectiveOn()));
                    suspendedSince = null;
                }
            }
            case RENEWED -> lastYear = Math.max(lastYear, yearOf(change.until()));
            case TERMINATED -> {
                lastDay = change.effectiveOn();
                if (suspendedSince != null) {
                    suspensions.add(new Period(suspendedSince, lastDay.plusDays(1)));
                    suspendedSince = null;
                }
            }
            case REVALUED -> {
                // the amounts come from the rulebook; the change only re-plans
            }
        }
    }

    @EventSourcingHandler
    void on(PaymentYearIndeterminate event) {
        indeterminateYears.add(event.contractYear());
    }

    @EventSourcingHandler
    void on(PaymentYearDetermined event) {
        indeterminateYears.remove(event.contractYear());
    }

    @EventSourcingHandler
    void on(PaymentLinesChanged event) {
        event.cancelled().forEach(c -> lines.get(c.lineId()).status = Line.Status.CANCELLED);
        for (PaymentLineRevised r : event.revised()) {
            Line line = lines.get(r.lineId());
            line.amountCents = r.amountCents();
            line.dueDate = r.dueDate();
        }
        for (PaymentLinePlanned p : event.planned()) {
            String slot = p.lineId().substring(p.lineId().lastIndexOf('.') + 1);
            lines.put(p.lineId(), new Line(p.lineId(), p.contractYear(), slot, p.kind(), p.dueDate(),
                                          p.amountCents()));
        }
    }

    @EventSourcingHandler
    void on(PaymentOrderIssued event) {
        Line line = lines.get(event.lineId());
        line.status = Line.Status.ORDERED;
        line.orderId = event.orderId();
        line.orderIssuedOn = event.issuedOn();
    }

    @EventSourcingHandler
    void on(PaymentOrderPaid event) {
        lines.get(event.lineId()).status = Line.Status.PAID;
    }

    @EventSourcingHandler
    void on(PaymentOrderRejected event) {
        Line line = lines.get(event.lineId());
        line.status = Line.Status.OPEN;
        line.rejectedOrders.add(event.orderId());
        line.orderId = null;
        line.orderIssuedOn = null;
    }
}

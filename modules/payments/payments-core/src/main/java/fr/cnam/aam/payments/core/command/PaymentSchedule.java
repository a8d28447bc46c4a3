package fr.cnam.aam.payments.core.command;

import fr.cnam.aam.payments.api.PaymentLinePlanned;
import fr.cnam.aam.payments.api.PaymentLineRescheduled;
import fr.cnam.aam.payments.api.PaymentSchedulePlanned;
import fr.cnam.aam.payments.api.PlanPaymentScheduleCommand;
import fr.cnam.aam.payments.api.SetHiringDateCommand;
import fr.cnam.aam.regulation.AidRequest;
import fr.cnam.aam.regulation.AidRules;
import fr.cnam.aam.regulation.AidSimulation;
import fr.cnam.aam.regulation.Payment;
import fr.cnam.aam.regulation.RegulatoryVersion;
import fr.cnam.aam.regulation.Rulebook;
import fr.cnam.aam.regulation.Rulebooks;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A contract's payment schedule: every due line with its date, amount, contract year and the rule behind it. Line
 * identifiers are the schedule's and the line's rank: a replayed or retried plan never makes a second line.
 */
@Aggregate
class PaymentSchedule {

    @AggregateIdentifier
    private String scheduleId;
    private LocalDate signedOn;
    private String regulatoryVersion;
    private String option;
    private String activityBand;
    private final Map<String, LocalDate> dueDates = new HashMap<>();

    PaymentSchedule() {
    }

    @CommandHandler
    PaymentSchedule(PlanPaymentScheduleCommand command, Rulebooks rulebooks) {
        Rulebook rulebook = rulebooks.current();
        apply(new PaymentSchedulePlanned(command.scheduleId(), command.contractId(), command.caisseCode(),
                command.signedOn(), command.regulatoryVersion(), command.option(), command.activityBand(),
                rulebook.revision()));
        List<Payment> payments = simulate(command.signedOn(), command.regulatoryVersion(), command.option(),
                                          command.activityBand(), null, rulebook).payments();
        for (int i = 0; i < payments.size(); i++) {
            Payment p = payments.get(i);
            apply(new PaymentLinePlanned(command.scheduleId(), command.contractId(), lineId(command.scheduleId(), i),
                    p.dueDate(), p.amountCents(), p.year(), p.rule().code(), p.rule().parameter(), p.rule().source(),
                    p.rule().confidence() == null ? null : p.rule().confidence().code(), command.regulatoryVersion(),
                    rulebook.revision()));
        }
    }

    @CommandHandler
    void handle(SetHiringDateCommand command, Rulebooks rulebooks) {
        List<Payment> payments = simulate(signedOn, regulatoryVersion, option, activityBand, command.hiredOn(),
                                          rulebooks.current()).payments();
        for (int i = 0; i < payments.size(); i++) {
            String lineId = lineId(scheduleId, i);
            LocalDate planned = dueDates.get(lineId);
            if (planned != null && !planned.equals(payments.get(i).dueDate())) {
                apply(new PaymentLineRescheduled(scheduleId, lineId, planned, payments.get(i).dueDate(),
                                                 "hiring proven: assistant hired on " + command.hiredOn()));
            }
        }
    }

    private static AidSimulation simulate(LocalDate signedOn, String version, String option, String band,
                                          LocalDate hiredOn, Rulebook rulebook) {
        return AidRules.simulate(new AidRequest(signedOn, RegulatoryVersion.valueOf(version), option, band, hiredOn,
                                                null), rulebook);
    }

    private static String lineId(String scheduleId, int rank) {
        return scheduleId + "#" + rank;
    }

    @EventSourcingHandler
    void on(PaymentSchedulePlanned event) {
        scheduleId = event.scheduleId();
        signedOn = event.signedOn();
        regulatoryVersion = event.regulatoryVersion();
        option = event.option();
        activityBand = event.activityBand();
    }

    @EventSourcingHandler
    void on(PaymentLinePlanned event) {
        dueDates.put(event.lineId(), event.dueDate());
    }

    @EventSourcingHandler
    void on(PaymentLineRescheduled event) {
        dueDates.put(event.lineId(), event.dueDate());
    }
}

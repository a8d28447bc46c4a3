package fr.cnam.aam.payments.core.command;

import fr.cnam.aam.payments.api.PaymentLineCancelled;
import fr.cnam.aam.payments.api.PaymentLinePlanned;
import fr.cnam.aam.payments.api.PaymentLineRevised;
import fr.cnam.aam.payments.api.PaymentLinesChanged;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A schedule's story in an Axon fixture, for the schedule tests: each command runs on the events so far, and a
 * re-plan's one event is read as the line changes it holds.
 */
final class ScheduleStory {

    /** After a step: every event of the schedule, and those the step produced (line changes one by one). */
    record Step(List<Object> history, List<Object> produced) {
    }

    private ScheduleStory() {
    }

    static Step step(AggregateTestFixture<PaymentSchedule> fixture, String scheduleId, List<Object> history,
                     Object command) {
        ResultValidator<PaymentSchedule> result = (history.isEmpty() ? fixture.givenNoPriorActivity()
                                                                     : fixture.given(history)).when(command);
        result.expectSuccessfulHandlerExecution();
        List<Object> all = fixture.getEventStore().readEvents(scheduleId).asStream()
                                  .map(m -> (Object) m.getPayload()).toList();
        List<Object> produced = all.subList(history.size(), all.size()).stream()
                                   .flatMap(ScheduleStory::lineByLine).toList();
        return new Step(new ArrayList<>(all), produced);
    }

    /** A re-plan's one event, read as the line changes it holds, in the order the schedule applies them. */
    static Stream<Object> lineByLine(Object event) {
        if (event instanceof PaymentLinesChanged changed) {
            return Stream.of(changed.cancelled().stream(), changed.revised().stream(), changed.planned().stream())
                         .flatMap(s -> s.map(o -> (Object) o));
        }
        return Stream.of(event);
    }

    /** Open and settled lines as they stand: id → amount (cents), cancelled lines left out. */
    static Map<String, Long> lines(List<Object> history) {
        Map<String, Long> amounts = new LinkedHashMap<>();
        history.stream().flatMap(ScheduleStory::lineByLine).forEach(event -> {
            if (event instanceof PaymentLinePlanned p) {
                amounts.put(p.lineId(), p.amountCents());
            } else if (event instanceof PaymentLineRevised r) {
                amounts.put(r.lineId(), r.amountCents());
            } else if (event instanceof PaymentLineCancelled c) {
                amounts.remove(c.lineId());
            }
        });
        return amounts;
    }
}

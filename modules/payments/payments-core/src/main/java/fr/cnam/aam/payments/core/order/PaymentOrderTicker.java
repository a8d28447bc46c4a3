package fr.cnam.aam.payments.core.order;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/** Orders what is due on the business clock's day, with the calendar's polling; off with the calendar. */
@Component
@ConditionalOnProperty(name = "aam.calendar.enabled", havingValue = "true", matchIfMissing = true)
class PaymentOrderTicker {

    private final PaymentOrderRun run;
    private final Clock clock;

    PaymentOrderTicker(PaymentOrderRun run, Clock clock) {
        this.run = run;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${aam.calendar.poll-millis:60000}",
               initialDelayString = "${aam.calendar.initial-delay-millis:10000}")
    void tick() {
        LocalDate today = LocalDate.now(clock);
        run.run(today, today, null);
    }
}

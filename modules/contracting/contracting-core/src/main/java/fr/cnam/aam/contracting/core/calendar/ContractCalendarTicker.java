package fr.cnam.aam.contracting.core.calendar;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Looks for due deadlines every {@code aam.calendar.poll-millis}; off with {@code aam.calendar.enabled=false}. */
@Component
@ConditionalOnProperty(name = "aam.calendar.enabled", havingValue = "true", matchIfMissing = true)
class ContractCalendarTicker {

    private final ContractCalendar calendar;

    ContractCalendarTicker(ContractCalendar calendar) {
        this.calendar = calendar;
    }

    @Scheduled(fixedDelayString = "${aam.calendar.poll-millis:60000}",
               initialDelayString = "${aam.calendar.initial-delay-millis:10000}")
    void tick() {
        calendar.fireDue();
    }
}

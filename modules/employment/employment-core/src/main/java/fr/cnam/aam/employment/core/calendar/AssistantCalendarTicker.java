package fr.cnam.aam.employment.core.calendar;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Looks for due assistant deadlines with the contract calendar's settings ({@code aam.calendar.*}). */
@Component
@ConditionalOnProperty(name = "aam.calendar.enabled", havingValue = "true", matchIfMissing = true)
class AssistantCalendarTicker {

    private final AssistantCalendar calendar;

    AssistantCalendarTicker(AssistantCalendar calendar) {
        this.calendar = calendar;
    }

    @Scheduled(fixedDelayString = "${aam.calendar.poll-millis:60000}",
               initialDelayString = "${aam.calendar.initial-delay-millis:10000}")
    void tick() {
        calendar.fireDue();
    }
}

package fr.cnam.aam.app;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Instant;

/**
 * The one place the system clock enters; everything else takes the {@link Clock} bean. With
 * {@code aam.clock.start} set, business time starts there and moves only when told ({@link SettableClock}).
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock(@Value("${aam.clock.start:}") String start,
                @Value("${aam.demo.generate.doctors:0}") int demoDoctors) {
        if (!start.isBlank()) {
            return new SettableClock(Instant.parse(start));
        }
        if (demoDoctors > 0) {
            // the demo generator moves business time through 2019–2026, then back to the present
            SettableClock clock = new SettableClock(Instant.now());
            clock.followSystemClock();
            return clock;
        }
        return Clock.systemUTC();
    }
}

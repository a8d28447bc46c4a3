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
    Clock clock(@Value("${aam.clock.start:}") String start) {
        return start.isBlank() ? Clock.systemUTC() : new SettableClock(Instant.parse(start));
    }
}

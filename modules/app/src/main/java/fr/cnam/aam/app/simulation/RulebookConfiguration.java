package fr.cnam.aam.app.simulation;

import fr.cnam.aam.regulation.Rulebook;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RulebookConfiguration {

    @Bean
    Rulebook rulebook() {
        return Rulebook.shipped();
    }
}

package fr.cnam.aam.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication(scanBasePackages = "fr.cnam.aam")
@ConfigurationPropertiesScan
@EnableScheduling
public class AamApplication {

    public static void main(String[] args) {
        disableVendorUpdateCheck();
        SpringApplication.run(AamApplication.class, args);
    }

    /** Axon Framework reports usage to its vendor unless told not to; a caisse system does not phone home. */
    public static void disableVendorUpdateCheck() {
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
    }
}

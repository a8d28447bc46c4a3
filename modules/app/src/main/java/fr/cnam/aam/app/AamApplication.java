package fr.cnam.aam.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication(scanBasePackages = "fr.cnam.aam")
@ConfigurationPropertiesScan
public class AamApplication {

    public static void main(String[] args) {
        SpringApplication.run(AamApplication.class, args);
    }
}

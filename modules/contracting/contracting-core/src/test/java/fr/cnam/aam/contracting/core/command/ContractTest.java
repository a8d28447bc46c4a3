package fr.cnam.aam.contracting.core.command;

import fr.cnam.aam.contracting.api.AmendContractCommand;
import fr.cnam.aam.contracting.api.ContractAmended;
import fr.cnam.aam.contracting.api.ContractSigned;
import fr.cnam.aam.contracting.api.SignContractCommand;
import fr.cnam.aam.kernel.BusinessRuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

class ContractTest {

    private static final String ID = "Contract:c-1";
    private static final String RPPS = "10000000009";
    private static final LocalDate SIGNED = LocalDate.of(2023, 6, 1);

    private AggregateTestFixture<Contract> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contract.class);
    }

    private static ContractSigned signed() {
        return new ContractSigned(ID, RPPS, "751", "75", "FULL_TIME", SIGNED);
    }

    @Test
    void signingRecordsTheContract() {
        fixture.givenNoPriorActivity()
               .when(new SignContractCommand(ID, RPPS, "751", "75", "FULL_TIME", SIGNED))
               .expectSuccessfulHandlerExecution()
               .expectEvents(signed());
    }

    @Test
    void signingWithAnInvalidRppsIsRejected() {
        fixture.givenNoPriorActivity()
               .when(new SignContractCommand(ID, "10000000008", "751", "75", "FULL_TIME", SIGNED))
               .expectException(BusinessRuleViolation.class)
               .expectExceptionMessage(org.hamcrest.Matchers.containsString("Luhn"))
               .expectNoEvents();
    }

    @Test
    void signingWithAnUnknownOptionOrDepartementIsRejected() {
        fixture.givenNoPriorActivity()
               .when(new SignContractCommand(ID, RPPS, "751", "75", "QUARTER_TIME", SIGNED))
               .expectException(BusinessRuleViolation.class)
               .expectNoEvents();
        fixture.givenNoPriorActivity()
               .when(new SignContractCommand(ID, RPPS, "751", "96", "FULL_TIME", SIGNED))
               .expectException(BusinessRuleViolation.class)
               .expectNoEvents();
    }

    @Test
    void anAvenantChangesTheOption() {
        fixture.given(signed())
               .when(new AmendContractCommand(ID, "AV-2024-01", "HALF_TIME", LocalDate.of(2024, 1, 1), "fewer hours"))
               .expectEvents(new ContractAmended(ID, "AV-2024-01", "FULL_TIME", "HALF_TIME",
                                                 LocalDate.of(2024, 1, 1), "fewer hours"));
    }

    @Test
    void anAvenantBeforeTheSignatureIsRejected() {
        fixture.given(signed())
               .when(new AmendContractCommand(ID, "AV-1", "HALF_TIME", SIGNED.minusDays(1), null))
               .expectException(BusinessRuleViolation.class)
               .expectNoEvents();
    }

    @Test
    void anAvenantThatChangesNothingIsRejected() {
        fixture.given(signed())
               .when(new AmendContractCommand(ID, "AV-1", "FULL_TIME", SIGNED.plusMonths(2), null))
               .expectException(BusinessRuleViolation.class)
               .expectNoEvents();
    }

    @Test
    void theOptionAfterAnAvenantIsTheNewOne() {
        fixture.given(signed(), new ContractAmended(ID, "AV-1", "FULL_TIME", "HALF_TIME", SIGNED.plusMonths(6), null))
               .when(new AmendContractCommand(ID, "AV-2", "HALF_TIME", SIGNED.plusMonths(9), null))
               .expectException(BusinessRuleViolation.class);
    }
}

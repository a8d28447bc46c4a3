package fr.cnam.aam.app;

import fr.cnam.aam.employment.api.HiringProofSubmitted;
import org.junit.jupiter.api.Test;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A 2019 contract's payments, and the advance dated from the hiring once it is proven. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PaymentScheduleApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventBus events;

    private Map<?, ?> firstLine(String contractId, String dueDate) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> {
            Map<?, ?> schedule = http.getForObject("/api/v1/payments/contracts/" + contractId, Map.class);
            List<Map<?, ?>> lines = schedule == null ? null : (List<Map<?, ?>>) schedule.get("lines");
            return lines == null || lines.isEmpty() ? null : lines.get(0);
        }, line -> line != null && dueDate.equals(line.get("dueDate")));
    }

    /** A GP with 900 MT patients in a group practice, eligible in 2020 (SEED-003), signs on 15 January 2020. */
    private String signIn2020(String suffix, String option) {
        String rpps = Signatures.newRpps();
        assertThat(JsonPost.post(http, "/api/v1/eligibility/assessments", """
                {"assessmentId":"pay-%s","rpps":"%s","caisseCode":"751","date":"2020-01-02",
                 "specialty":"MEDECINE_GENERALE","sector":"SECTOR_1","mtPatients":900,"fileActive":1500,
                 "departement":"75","groupPractice":true,"coordinatedPractice":true,"age":50}
                """.formatted(suffix, rpps)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(JsonPost.post(http, "/api/v1/contracts", """
                {"contractId":"pay-%s","assessmentId":"pay-%s","rpps":"%s","caisseCode":"751","departement":"75",
                 "option":"%s","activityBand":"P50_P70","initialMtPatients":900,"initialFileActive":1500,
                 "signedOn":"2020-01-15"}
                """.formatted(suffix, suffix, rpps, option)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return "Contract:pay-" + suffix;
    }

    @Test
    void theAdvanceIsSeventyPercentOfYearOneWithinFifteenDaysOfTheProvenHiring() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String contract = signIn2020(suffix, "HALF_TIME");
        // SEED-003 / §1.5: 70 % of the year-1 aid (18 000 € for 1/2 ETP) = 12 600 €, within 15 days of the hiring;
        // before any hiring is proven, it is dated from the signature
        Map<?, ?> advance = firstLine(contract, "2020-01-30");
        assertThat(advance.get("kind")).isEqualTo("ADVANCE");
        assertThat(advance.get("amount")).isEqualTo(12600.0);
        assertThat(advance.get("parameter")).isEqualTo("payment.advance.percent");

        String assistant = "pay-" + suffix;
        JsonPost.post(http, "/api/v1/assistants", """
                {"assistantId":"%s","contractIds":["%s"],"employerType":"DOCTOR","permanentContract":true,
                 "weeklyHours":35,"hiredOn":"2020-02-01","qualifications":["CQP"]}
                """.formatted(assistant, contract));
        JsonPost.post(http, "/api/v1/assistants/" + assistant + "/hiring-proof", "{\"on\":\"2020-02-05\"}");
        Map<?, ?> dated = firstLine(contract, "2020-02-16");
        assertThat(dated.get("amount")).isEqualTo(12600.0);
        assertThat(((List<Map<?, ?>>) dated.get("revisions")).get(0).get("reason").toString())
                .contains("hired on 2020-02-01");
    }

    @Test
    void aProofOfHiringReceivedBeforeTheScheduleExistsIsKeptAndDatesTheAdvanceOnceItIsPlanned() {
        // the proof reaches the payments policies first (the signature's policy still running, or parked): it must
        // not be lost. Published here ahead of the signature to force that order.
        String suffix = "early-" + UUID.randomUUID().toString().substring(0, 8);
        String contract = "Contract:pay-" + suffix;
        events.publish(GenericEventMessage.asEventMessage(new HiringProofSubmitted("Assistant:" + suffix,
                LocalDate.of(2020, 3, 5), true, LocalDate.of(2020, 3, 1), List.of(contract))));
        signIn2020(suffix, "HALF_TIME");
        // S12: within 15 days of the hiring (1 March 2020), not of the signature (15 January)
        Map<?, ?> advance = firstLine(contract, "2020-03-16");
        assertThat(advance.get("kind")).isEqualTo("ADVANCE");
        assertThat(advance.get("amount")).isEqualTo(12600.0); // SEED-003, §1.5: 70 % of 18 000 € at 1/2 ETP
    }
}

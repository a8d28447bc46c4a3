package fr.cnam.aam.app;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who did what: every event carries the principal, the agent's caisse, the request's correlation id and the id of
 * the message that caused it — across modules, through the policies.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AuditMetadataTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestOperatorTokens tokens;
    @Autowired
    EventStore eventStore;

    private ResponseEntity<Map> post(String path, String json, String correlationId) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(tokens.token("agent-dupont", List.of("CPAM_AGENT"), "751"));
        if (correlationId != null) {
            headers.set("X-Correlation-Id", correlationId);
        }
        return http.postForEntity(path, new HttpEntity<>(json, headers), Map.class);
    }

    private List<DomainEventMessage<?>> stream(String id) {
        List<DomainEventMessage<?>> events = new java.util.ArrayList<>();
        eventStore.readEvents(id).asStream().forEach(events::add);
        return events;
    }

    @Test
    void aSignatureAndThePaymentScheduleItCausesNameTheAgentTheCaisseAndTheRequest() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String rpps = Signatures.newRpps();
        String correlation = "audit-" + suffix;
        ResponseEntity<Map> assessed = post("/api/v1/eligibility/assessments", """
                {"assessmentId":"audit-%s","rpps":"%s","caisseCode":"751","date":"2023-05-15",
                 "specialty":"MEDECINE_GENERALE","sector":"SECTOR_1","mtPatients":1300,"fileActive":2000,
                 "departement":"75","age":50}""".formatted(suffix, rpps), null);
        assertThat(assessed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String generated = assessed.getHeaders().getFirst("X-Correlation-Id");
        assertThat(generated).as("a correlation id is made when none is given").isNotBlank();
        assertThat(stream("Assessment:audit-" + suffix).get(0).getMetaData())
                .containsEntry("correlationId", generated).containsEntry("principal", "agent-dupont");

        ResponseEntity<Map> signed = post("/api/v1/contracts", """
                {"contractId":"audit-%s","assessmentId":"audit-%s","rpps":"%s","caisseCode":"751","departement":"75",
                 "option":"FULL_TIME","activityBand":"P50_P70","initialMtPatients":1300,"initialFileActive":2000,
                 "signedOn":"2023-06-01"}""".formatted(suffix, suffix, rpps), correlation);
        assertThat(signed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(signed.getHeaders().getFirst("X-Correlation-Id")).isEqualTo(correlation);

        DomainEventMessage<?> contractSigned = stream("Contract:audit-" + suffix).get(0);
        assertThat(contractSigned.getMetaData()).containsEntry("principal", "agent-dupont")
                                                .containsEntry("caisse", "751")
                                                .containsEntry("correlationId", correlation)
                                                .containsKey("causationId");
        Object signCommand = contractSigned.getMetaData().get("causationId");
        assertThat(signCommand).isNotEqualTo(correlation);

        // the payments module plans the schedule by a policy: same request, same agent, caused by the command the
        // policy sent on ContractSigned
        List<DomainEventMessage<?>> schedule = await().atMost(Duration.ofSeconds(15))
                .until(() -> stream("Schedule:audit-" + suffix), events -> !events.isEmpty());
        assertThat(schedule.get(0).getMetaData()).containsEntry("principal", "agent-dupont")
                                                 .containsEntry("caisse", "751")
                                                 .containsEntry("correlationId", correlation);
        assertThat(schedule.get(0).getMetaData().get("causationId")).isNotIn(signCommand,
                                                                             contractSigned.getIdentifier());
    }

    @Test
    void anInsaneCorrelationIdIsReplacedNotRecorded() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(tokens.token("auditor-1", List.of("AUDITOR"), null));
        headers.set("X-Correlation-Id", "<script>" + "x".repeat(300));
        ResponseEntity<String> answer = http.exchange("/api/v1/contracts?caisse=751", org.springframework.http.HttpMethod.GET,
                                                      new HttpEntity<>(headers), String.class);
        assertThat(answer.getHeaders().getFirst("X-Correlation-Id")).matches("[0-9a-f-]{36}");
    }
}

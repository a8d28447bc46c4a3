package fr.cnam.aam.app;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The assistant's story over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AssistantApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    CommandGateway commands;

    private Map<?, ?> view(String id, long version) {
        return Views.atVersion(http, "/api/v1/assistants/" + id, version);
    }

    @Test
    void hiredWithADiplomaThenQualifiedAbsentAndGone() {
        String contract = "Contract:as-" + UUID.randomUUID();
        Signatures.assessAndSign(commands, contract, LocalDate.of(2023, 6, 1));
        String id = "as-" + UUID.randomUUID();
        ResponseEntity<Map> hired = JsonPost.post(http, "/api/v1/assistants", """
                {"assistantId":"%s","contractIds":["%s"],"employerType":"DOCTOR","permanentContract":true,
                 "weeklyHours":35,"hiredOn":"2023-07-01","qualifications":["DEI"],"formerSecretary":false}
                """.formatted(id, contract));
        assertThat(hired.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Map<?, ?> view = view(id, 0);
        // §1.7: a DEI also needs the FAE, within 3 years of a hiring before 22 June 2024 (S32, S21)
        assertThat(((Map<?, ?>) ((Map<?, ?>) view.get("deadlines")).get("qualification")).get("dueOn"))
                .isEqualTo("2026-07-01");

        assertThat(JsonPost.post(http, "/api/v1/assistants/" + id + "/hiring-proof", "{\"on\":\"2023-07-10\"}")
                           .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(JsonPost.post(http, "/api/v1/assistants/" + id + "/qualifications",
                                 "{\"on\":\"2024-03-01\",\"code\":\"FAE\"}").getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<?, ?> qualified = view(id, 2);
        assertThat(qualified.get("qualified")).isEqualTo(true);
        assertThat(((Map<?, ?>) ((Map<?, ?>) qualified.get("deadlines")).get("hiringProof")).get("status"))
                .isEqualTo("MET");

        ResponseEntity<Map> early = JsonPost.post(http, "/api/v1/assistants/" + id + "/departure",
                                                  "{\"on\":\"2023-01-01\",\"code\":\"RESIGNATION\"}");
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(early.getBody()).containsEntry("rule", "DEPARTURE_BEFORE_HIRING");
        assertThat(JsonPost.post(http, "/api/v1/assistants/" + id + "/departure",
                                 "{\"on\":\"2024-09-30\",\"code\":\"RESIGNATION\"}").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(view(id, 3).get("status")).isEqualTo("LEFT");
        assertThat(JsonPost.post(http, "/api/v1/assistants", "{\"contractIds\":[],\"employerType\":\"X\"}")
                           .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private Map<?, ?> contract(String id, java.util.function.Predicate<Map<?, ?>> until) {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> http.getForObject("/api/v1/contracts/" + id, Map.class),
                v -> v != null && v.get("history") != null && until.test(v));
    }

    @Test
    void aDepartureProposesASuspensionAndAReplacementResumesTheContract() {
        String contract = "Contract:pol-" + UUID.randomUUID();
        Signatures.assessAndSign(commands, contract, LocalDate.of(2023, 6, 1));
        String first = "pol-" + UUID.randomUUID();
        JsonPost.post(http, "/api/v1/assistants", """
                {"assistantId":"%s","contractIds":["%s"],"employerType":"DOCTOR","permanentContract":true,
                 "weeklyHours":35,"hiredOn":"2023-07-01","qualifications":["CQP"]}
                """.formatted(first, contract));
        assertThat(JsonPost.post(http, "/api/v1/assistants/" + first + "/departure",
                                 "{\"on\":\"2024-02-01\",\"code\":\"RESIGNATION\"}").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        // S27: no immediate replacement → the caisse may suspend: the contract shows the proposal
        contract(contract, v -> v.get("history").toString().contains("SUSPENSION_PROPOSED"));
        assertThat(JsonPost.post(http, "/api/v1/contracts/" + contract + "/suspensions",
                "{\"avenantReference\":\"AV-S1\",\"reason\":\"assistant left\",\"effectiveOn\":\"2024-02-01\"}")
                           .getStatusCode()).isEqualTo(HttpStatus.OK);
        contract(contract, v -> "SUSPENDED".equals(v.get("status")));

        String second = "pol-" + UUID.randomUUID();
        assertThat(JsonPost.post(http, "/api/v1/assistants", """
                {"assistantId":"%s","contractIds":["%s"],"employerType":"DOCTOR","permanentContract":true,
                 "weeklyHours":35,"hiredOn":"2024-04-01","qualifications":["CQP"],"replacesAssistantId":"%s"}
                """.formatted(second, contract, first)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        // S27: reactivated once a new assistant is hired
        Map<?, ?> resumed = contract(contract, v -> "ACTIVE".equals(v.get("status")));
        assertThat(resumed.get("history").toString()).contains("RESUMED", "2024-04-01");
    }

    @Test
    void aHiringNamesContractsThatRunAndAnAssistantThatExists() {
        // issue 11: a hiring for an unknown or terminated contract, or replacing an unknown assistant, was recorded
        String hire = """
                {"assistantId":"%s","contractIds":["%s"],"employerType":"DOCTOR","permanentContract":true,
                 "weeklyHours":35,"hiredOn":"2023-07-01","qualifications":["CQP"]%s}
                """;
        ResponseEntity<Map> unknown = JsonPost.post(http, "/api/v1/assistants",
                hire.formatted("h-" + UUID.randomUUID(), "Contract:never-signed-" + UUID.randomUUID(), ""));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(unknown.getBody()).containsEntry("rule", "CONTRACT_UNKNOWN");

        String contract = "Contract:ended-" + UUID.randomUUID();
        Signatures.assessAndSign(commands, contract, LocalDate.of(2023, 6, 1));
        ResponseEntity<Map> replacingNobody = JsonPost.post(http, "/api/v1/assistants",
                hire.formatted("h-" + UUID.randomUUID(), contract, ",\"replacesAssistantId\":\"nobody-here\""));
        assertThat(replacingNobody.getBody()).containsEntry("rule", "ASSISTANT_UNKNOWN");

        commands.sendAndWait(new fr.cnam.aam.contracting.api.TerminateContractCommand(contract, "DOCTOR",
                                                                                       "retirement",
                                                                                       LocalDate.of(2023, 6, 20)));
        ResponseEntity<Map> terminated = JsonPost.post(http, "/api/v1/assistants",
                hire.formatted("h-" + UUID.randomUUID(), contract, ""));
        assertThat(terminated.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(terminated.getBody()).containsEntry("rule", "CONTRACT_TERMINATED");
    }
}

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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Suspension, resumption and termination over HTTP, and the contract list with its filters. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ContractLifecycleApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    CommandGateway commands;

    private Map<?, ?> view(String id, long version) {
        return Views.atVersion(http, "/api/v1/contracts/" + id, version);
    }

    @Test
    void suspendResumeAndTerminateAContract() {
        String id = "Contract:life-" + UUID.randomUUID();
        Signatures.assessAndSign(commands, id, LocalDate.of(2023, 6, 1));

        ResponseEntity<Map> suspended = JsonPost.post(http, "/api/v1/contracts/" + id + "/suspensions",
                "{\"avenantReference\":\"AV-S1\",\"reason\":\"assistant absent more than 3 months\","
                + "\"effectiveOn\":\"2024-02-01\"}");
        assertThat(suspended.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(view(id, 1).get("status")).isEqualTo("SUSPENDED");

        assertThat(JsonPost.post(http, "/api/v1/contracts/" + id + "/resumptions",
                "{\"avenantReference\":\"AV-R1\",\"reason\":\"replacement hired\",\"effectiveOn\":\"2024-04-01\"}")
                           .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(view(id, 2).get("status")).isEqualTo("ACTIVE");

        ResponseEntity<Map> terminated = JsonPost.post(http, "/api/v1/contracts/" + id + "/termination",
                "{\"by\":\"DOCTOR\",\"reason\":\"retirement\",\"notifiedOn\":\"2025-03-10\"}");
        assertThat(terminated.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<?, ?> ended = view(id, 3);
        assertThat(ended.get("status")).isEqualTo("TERMINATED");
        assertThat(ended.get("terminatesOn")).isEqualTo("2025-05-10"); // §5: 2 months' notice
        assertThat((List<?>) ended.get("history")).hasSize(3);
        // its calendar (4 anniversaries and the term) is called off
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            List<Map<?, ?>> deadlines = http.getForObject("/api/v1/contracts/" + id + "/deadlines", List.class);
            return deadlines.size() == 5 && deadlines.stream().allMatch(d -> "CANCELLED".equals(d.get("status")));
        });

        ResponseEntity<Map> again = JsonPost.post(http, "/api/v1/contracts/" + id + "/suspensions",
                "{\"avenantReference\":\"AV-S2\",\"reason\":\"x\",\"effectiveOn\":\"2025-06-01\"}");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(again.getBody()).containsEntry("rule", "CONTRACT_TERMINATED");
        assertThat(JsonPost.post(http, "/api/v1/contracts/" + id + "/termination",
                "{\"by\":\"SOMEONE\",\"reason\":\"x\",\"notifiedOn\":\"2025-06-01\"}").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void theListFiltersByCaisseStatusVersionAndOption() {
        String caisse = "T" + (100_000 + (int) (Math.random() * 900_000)); // a test caisse (caisses-extra.json)
        for (int i = 0; i < 3; i++) {
            Signatures.assessAndSign(commands, "Contract:list-" + caisse + "-" + i, caisse,
                                     i == 0 ? "HALF_TIME" : "FULL_TIME", LocalDate.of(2023, 6, 1));
        }
        Map<?, ?> all = await().atMost(Duration.ofSeconds(10)).until(
                () -> http.getForObject("/api/v1/contracts?caisse=" + caisse, Map.class),
                m -> ((Number) m.get("total")).intValue() == 3);
        assertThat((List<?>) all.get("contracts")).hasSize(3);
        Map<?, ?> halfTime = http.getForObject("/api/v1/contracts?caisse=" + caisse + "&option=HALF_TIME", Map.class);
        assertThat(halfTime.get("total")).isEqualTo(1);
        Map<?, ?> ra = http.getForObject("/api/v1/contracts?caisse=" + caisse + "&version=RA_2023&status=ACTIVE"
                                         + "&size=2&page=1", Map.class);
        assertThat(ra.get("total")).isEqualTo(3);
        assertThat((List<?>) ra.get("contracts")).hasSize(1);
        assertThat(http.getForEntity("/api/v1/contracts?size=0", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aYearThreeEvaluationAndAVersionSwitchOverHttp() {
        // a GP signed on 1 June 2023 (RA 2023), full time from P70_P90, 1 300 MT / 2 000 file active
        String id = "Contract:eval-" + UUID.randomUUID();
        Signatures.assessAndSign(commands, id, LocalDate.of(2023, 6, 1));
        assertThat(JsonPost.post(http, "/api/v1/contracts/" + id + "/activity",
                "{\"contractYear\":3,\"mtPatients\":1560,\"fileActive\":2400,\"recordedOn\":\"2026-05-20\"}")
                           .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(JsonPost.post(http, "/api/v1/contracts/" + id + "/evaluations",
                "{\"contractYear\":3,\"evaluatedOn\":\"2026-06-01\"}").getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<?, ?> evaluated = view(id, 2);
        // objectives reached (the targets): the year-3 aid is kept — 22 000 € (2024 amounts from 1 June 2025)
        assertThat(evaluated.get("history").toString()).contains("100 % achieved, aid 2200000 → 2200000");

        ResponseEntity<Map> early = JsonPost.post(http, "/api/v1/contracts/" + id + "/evaluations",
                "{\"contractYear\":2,\"evaluatedOn\":\"2025-06-01\"}");
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(early.getBody()).containsEntry("rule", "OBJECTIVES_NOT_YET");

        ResponseEntity<Map> switched = JsonPost.post(http, "/api/v1/contracts/" + id + "/version-switch",
                "{\"toVersion\":\"CONV_2024\",\"requestedOn\":\"2026-07-01\",\"reason\":\"doctor's request\"}");
        assertThat(switched.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(view(id, 3).get("regulatoryVersion")).isEqualTo("CONV_2024");
    }
}

package fr.cnam.aam.app;

import com.mongodb.client.MongoClient;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A 2023 full-time contract's money over HTTP, from signature to recovery: orders and the payment system's answers
 * (paid, rejected, the same answer twice), a year-3 evaluation below 75 %, a termination that leaves an indu, the
 * ledger by caisse and month, overdue lines; then replays that pay nothing twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "aam.clock.start=2023-07-05T08:00:00Z") // the context of AssistantCalendarTest
@ActiveProfiles("test")
@SuppressWarnings({"rawtypes", "unchecked"})
class PaymentsEndToEndTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    MongoClient mongo;
    @Autowired
    MongoProperties mongoProperties;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    org.axonframework.extensions.mongo.MongoTemplate axonMongo;
    @Autowired
    Clock clock;

    private final String caisse = "T" + (100_000 + ThreadLocalRandom.current().nextInt(900_000));

    private Map<String, Object> ok(String path, String json) {
        ResponseEntity<Map> answer = JsonPost.post(http, path, json);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as(path + " → " + answer.getBody()).isTrue();
        return answer.getBody();
    }

    private Map<String, Object> schedule(String id, Predicate<Map<String, Object>> until) {
        return await().atMost(Duration.ofSeconds(15)).until(
                () -> (Map<String, Object>) http.getForObject("/api/v1/payments/contracts/" + id, Map.class),
                s -> s != null && s.get("lines") != null && until.test(s));
    }

    private static Map<String, Object> line(Map<String, Object> schedule, String suffix) {
        return ((List<Map<String, Object>>) schedule.get("lines")).stream()
                .filter(l -> l.get("lineId").toString().endsWith(suffix)).findFirst().orElseThrow();
    }

    private static String status(Map<String, Object> schedule, String suffix) {
        return line(schedule, suffix).get("status").toString();
    }

    private static BigDecimal euros(Object value) {
        return new BigDecimal(value.toString()).setScale(2, RoundingMode.UNNECESSARY);
    }

    private static BigDecimal euros(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    /** Business time: orders are issued on the clock's day, and no answer can be dated after it. */
    private void today(String date) {
        BusinessTime.today(clock, date);
    }

    @AfterEach
    void backToTheContextsStart() {
        today(BusinessTime.CONTEXT_START);
    }

    private List<String> run(String upTo) {
        return (List<String>) ok("/api/v1/payments/order-runs",
                                 "{\"upTo\":\"%s\",\"caisseCode\":\"%s\"}".formatted(upTo, caisse)).get("orders");
    }

    private ResponseEntity<Map> answer(String orderId, String json) {
        return JsonPost.post(http, "/api/v1/payments/orders/" + orderId + "/answer", json);
    }

    private long events(String scheduleId, String payloadType) {
        Document query = new Document("aggregateIdentifier", scheduleId);
        if (payloadType != null) {
            query.append("payloadType", payloadType);
        }
        return mongo.getDatabase(mongoProperties.getMongoClientDatabase()).getCollection("domain_events")
                    .countDocuments(query);
    }

    private boolean caughtUp(String processor) {
        return Processors.caughtUp(http, processor);
    }

    @Test
    void everyEuroDueOrderedPaidAndRecoveredWithItsRuleAndNothingPaidTwice() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String id = "Contract:pe2e-" + suffix;
        String rpps = Signatures.newRpps();
        // a GP with 1 300 MT patients is eligible under the 2023 rules (worked example 2)
        ok("/api/v1/eligibility/assessments", """
                {"assessmentId":"pe2e-%s","rpps":"%s","caisseCode":"%s","date":"2023-05-15",
                 "specialty":"MEDECINE_GENERALE","sector":"SECTOR_1","mtPatients":1300,"fileActive":2000,
                 "departement":"75","age":50}
                """.formatted(suffix, rpps, caisse));
        ok("/api/v1/contracts", """
                {"contractId":"%s","assessmentId":"pe2e-%s","rpps":"%s","caisseCode":"%s","departement":"75",
                 "option":"FULL_TIME","activityBand":"P50_P70","initialMtPatients":1300,"initialFileActive":2000,
                 "signedOn":"2023-06-01"}
                """.formatted(id, suffix, rpps, caisse));

        // S33 / SEED-000: 36 000 € the month after signature, 27 000 € at the first anniversary; from year 3 the
        // 2024 amounts (22 000 €, §3.1 S1) in two halves
        Map<String, Object> planned = schedule(id, s -> ((List<?>) s.get("lines")).size() == 8);
        assertThat(line(planned, ".Y1.1")).containsEntry("dueDate", "2023-07-31").containsEntry("amount", 36000.0)
                                          .containsEntry("kind", "YEAR_1_IN_FULL")
                                          .containsEntry("parameter", "payment.year1.inFullMonthAfterSignature")
                                          .containsEntry("amountParameter", "aid.FULL_TIME.year1");
        assertThat(line(planned, ".Y2.1")).containsEntry("dueDate", "2024-06-01").containsEntry("amount", 27000.0);
        assertThat(line(planned, ".Y3.2")).containsEntry("dueDate", "2025-12-01").containsEntry("amount", 11000.0);
        assertThat(euros(((Map<?, ?>) planned.get("totals")).get("due")))
                .isEqualByComparingTo(euros(3_600_000L + 2_700_000L + 3 * 2_200_000L));

        // orders for what is due by 1 June 2025: years 1, 2 and the first half of year 3
        today("2025-06-01");
        List<String> orders = run("2025-06-01");
        assertThat(orders).hasSize(3).allMatch(o -> o.startsWith("Order:pe2e-" + suffix + ".Y"));
        assertThat(run("2025-06-01")).as("a second run orders nothing new").containsExactlyInAnyOrderElementsOf(
                orders);
        await().atMost(Duration.ofSeconds(15)).until(() -> ((List<?>) http.getForObject(
                "/api/v1/payments/orders?caisse=" + caisse, List.class)).size() == 3);
        Map<String, Object> overdue = http.getForObject("/api/v1/payments/overdue?caisse=" + caisse
                                                        + "&asOf=2025-06-02", Map.class);
        assertThat((List<?>) overdue.get("lines")).hasSize(3);

        String year1 = orders.stream().filter(o -> o.contains(".Y1.")).findFirst().orElseThrow();
        String year2 = orders.stream().filter(o -> o.contains(".Y2.")).findFirst().orElseThrow();
        String year3 = orders.stream().filter(o -> o.contains(".Y3.")).findFirst().orElseThrow();
        String paid = "{\"status\":\"paid\",\"answeredOn\":\"%s\",\"reference\":\"VIR-%s\"}";
        // an answer is not dated before its order, nor after today
        assertThat(answer(year1, paid.formatted("2025-05-31", 1)).getBody())
                .containsEntry("rule", "ANSWER_BEFORE_ORDER");
        assertThat(answer(year1, paid.formatted("2025-06-02", 1)).getBody())
                .containsEntry("rule", "ANSWER_IN_FUTURE");
        today("2025-06-10");
        assertThat(answer(year1, paid.formatted("2025-06-02", 1)).getBody()).containsEntry("status", "PAID");
        assertThat(answer(year1, paid.formatted("2025-06-02", 1)).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<Map> contrary = answer(year1, "{\"status\":\"rejected\",\"reason\":\"late\"}");
        assertThat(contrary.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(contrary.getBody()).containsEntry("rule", "ORDER_ALREADY_ANSWERED");
        ok("/api/v1/payments/orders/" + year2 + "/answer", paid.formatted("2025-06-03", 2));
        ResponseEntity<Map> noReason = answer(year3, "{\"status\":\"rejected\"}");
        assertThat(noReason.getBody()).containsEntry("rule", "REASON_REQUIRED");
        ok("/api/v1/payments/orders/" + year3 + "/answer",
           "{\"status\":\"REJECTED\",\"answeredOn\":\"2025-06-03\",\"reason\":\"IBAN invalide\"}");
        Map<String, Object> rejected = schedule(id, s -> "REJECTED".equals(status(s, ".Y3.1")));
        assertThat(line(rejected, ".Y3.1").get("rejections").toString()).contains("IBAN invalide");
        List<String> again = run("2025-06-01");
        assertThat(again).containsExactly(year3.substring(0, year3.lastIndexOf('.')) + ".2");
        ok("/api/v1/payments/orders/" + again.get(0) + "/answer", paid.formatted("2025-06-10", 3));

        // year 3 evaluated: 60 % of the objective is below the 75 % that keeps the aid (SEED-004), so the year's
        // aid is pro rata: 22 000 × 60 % = 13 200 €, of which 11 000 € are paid: the second half becomes 2 200 €
        Map<String, Object> contract = await().atMost(Duration.ofSeconds(15)).until(
                () -> (Map<String, Object>) http.getForObject("/api/v1/contracts/" + id, Map.class),
                c -> c != null && c.get("objectives") != null);
        today("2026-06-15");
        StringBuilder activity = new StringBuilder("{\"contractYear\":3,\"recordedOn\":\"2026-06-05\"");
        for (Map<String, Object> objective : (List<Map<String, Object>>) contract.get("objectives")) {
            int initial = ((Number) objective.get("initial")).intValue();
            int target = ((Number) objective.get("target")).intValue();
            assertThat((target - initial) * 60 % 100).as("an exact 60 %% of %s", objective).isZero();
            String field = "MT_PATIENTS".equals(objective.get("criterion")) ? "mtPatients" : "fileActive";
            activity.append(",\"").append(field).append("\":").append(initial + (target - initial) * 60 / 100);
        }
        ok("/api/v1/contracts/" + id + "/activity", activity.append('}').toString());
        ok("/api/v1/contracts/" + id + "/evaluations", "{\"contractYear\":3,\"evaluatedOn\":\"2026-06-15\"}");
        Map<String, Object> modulated = schedule(id, s -> line(s, ".Y3.2").get("amount").equals(2200.0));
        assertThat(line(modulated, ".Y3.2").get("explanation").toString()).contains("OBJECTIVES_EVALUATED");

        // year 4 (from 1 June 2026): its first half and the rest of year 3 are ordered and paid; then the doctor
        // ends the contract, notified on 1 July 2026, effective two months later (S33): 1 September 2026
        today("2026-06-20");
        List<String> more = run("2026-06-01");
        assertThat(more).hasSize(2);
        more.forEach(o -> ok("/api/v1/payments/orders/" + o + "/answer", paid.formatted("2026-06-20", 4)));
        schedule(id, s -> "PAID".equals(status(s, ".Y4.1")));
        today("2026-07-01");
        ok("/api/v1/contracts/" + id + "/termination",
           "{\"by\":\"DOCTOR\",\"reason\":\"départ\",\"notifiedOn\":\"2026-07-01\"}");
        // the days of year 4 after 1 September 2026 are not due (pro rata temporis, the rulebook's unverified
        // inference, regulation.md §5): 22 000 € × 93 / 365 are due, the rest of the 11 000 € paid is an indu
        // worked by hand: year 4 has 365 days, 1 June – 1 September 2026 = 30+31+31+1 = 93 served:
        // 22 000 € × 93 / 365 = 5 605.48 € due; of the 11 000 € paid, 5 394.52 € are an indu
        BigDecimal year4Due = new BigDecimal("5605.48");
        BigDecimal indu = new BigDecimal("5394.52");
        Map<String, Object> ended = schedule(id, s -> ((List<Map<String, Object>>) s.get("lines")).stream()
                .anyMatch(l -> "RECOVERY".equals(l.get("kind"))));
        Map<String, Object> recovery = line(ended, ".Y4.A1");
        assertThat(euros(recovery.get("amount"))).isEqualByComparingTo(indu.negate());
        assertThat(recovery).containsEntry("parameter", "payment.termination.proRataTemporis")
                            .containsEntry("confidence", "unverified").containsEntry("dueDate", "2026-09-01");
        assertThat(status(ended, ".Y4.2")).isEqualTo("CANCELLED");
        assertThat(status(ended, ".Y5.1")).isEqualTo("CANCELLED");

        today("2026-09-20");
        List<String> recoveryOrder = run("2026-09-01");
        assertThat(recoveryOrder).hasSize(1).allMatch(o -> o.contains(".Y4.A1."));
        ok("/api/v1/payments/orders/" + recoveryOrder.get(0) + "/answer", paid.formatted("2026-09-20", 5));
        Map<String, Object> settled = schedule(id, s -> "PAID".equals(status(s, ".Y4.A1")));
        Map<String, Object> totals = (Map<String, Object>) settled.get("totals");
        BigDecimal entitled = euros(3_600_000L + 2_700_000L + 1_320_000L).add(year4Due);
        assertThat(euros(totals.get("paid"))).isEqualByComparingTo(euros(3_600_000L + 2_700_000L + 1_320_000L
                                                                         + 1_100_000L));
        assertThat(euros(totals.get("recovered"))).isEqualByComparingTo(indu);
        assertThat(euros(totals.get("netPaid"))).isEqualByComparingTo(entitled);

        // the caisse's ledger by month shows the same money
        Map<String, Object> ledger = http.getForObject("/api/v1/payments/ledger?caisse=" + caisse
                                                       + "&from=2023-01&to=2027-12", Map.class);
        assertThat(euros(((Map<?, ?>) ledger.get("totals")).get("netPaid"))).isEqualByComparingTo(entitled);
        Map<String, Object> july2023 = ((List<Map<String, Object>>) ledger.get("months")).stream()
                .filter(m -> "2023-07".equals(m.get("month"))).findFirst().orElseThrow();
        assertThat(euros(july2023.get("paid"))).isEqualByComparingTo(euros(3_600_000L));
        assertThat((List<?>) http.getForObject("/api/v1/payments/overdue?caisse=" + caisse + "&asOf=2026-10-01",
                                               Map.class).get("lines")).isEmpty();

        // the policies are never replayed (the admin API refuses); a lost token makes them read the whole store
        // again as new events, and the schedules take nothing in twice. The ledger replays to the same documents.
        String scheduleId = "Schedule:pe2e-" + suffix;
        assertThat(events(scheduleId, "fr.cnam.aam.payments.api.PaymentOrderIssued")).isEqualTo(7);
        assertThat(events(scheduleId, "fr.cnam.aam.payments.api.PaymentOrderPaid")).isEqualTo(6);
        await().atMost(Duration.ofSeconds(30)).until(() -> caughtUp("payments-policies"));
        long history = events(scheduleId, null);
        assertThat(JsonPost.post(http, "/api/v1/admin/processors/payments-policies/replay", "").getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        StreamingEventProcessor policies = processing.eventProcessor("payments-policies",
                                                                     StreamingEventProcessor.class).orElseThrow();
        policies.shutDown();
        axonMongo.trackingTokensCollection().deleteMany(new Document("processorName", "payments-policies"));
        policies.start();
        await().atMost(Duration.ofSeconds(120)).until(() -> caughtUp("payments-policies"));
        assertThat(events(scheduleId, null)).isEqualTo(history);
        await().atMost(Duration.ofSeconds(30)).until(() -> caughtUp("payment-ledger"));
        assertThat(JsonPost.post(http, "/api/v1/admin/processors/payment-ledger/replay", "").getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(60)).until(() -> caughtUp("payment-ledger"));
        assertThat(run("2026-09-01")).isEmpty();
        assertThat(http.getForObject("/api/v1/payments/contracts/" + id, Map.class)).isEqualTo(settled);
    }

    @Test
    void badAnswersAndRunsAreClearErrors() {
        assertThat(answer("not-an-order", "{\"status\":\"paid\"}").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer("Order:nobody.Y1.1.1", "{\"status\":\"paid\"}").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<Map> status = answer("Order:nobody.Y1.1.1", "{\"status\":\"maybe\"}");
        assertThat(status.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(JsonPost.post(http, "/api/v1/payments/order-runs", "{\"upTo\":\"2999-01-01\"}").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.getForEntity("/api/v1/payments/ledger?from=2024-13", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.getForEntity("/api/v1/payments/overdue?size=0", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.getForEntity("/api/v1/payments/orders?page=-1", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.getForEntity("/api/v1/payments/contracts/nobody", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }
}

package fr.cnam.aam.app;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A contract's life, as a dispute handler sees it afterwards: signed under Avenant 7 (2020), the advance rejected
 * then paid, a switch to the 2023 rules, a year-3 evaluation, a late-recorded avenant, the 2024 amounts at the
 * anniversary, a suspension and its resumption, the later years paid, a termination with a recovery. Snapshots of
 * the projections are kept as it goes; the as-of view of each date, as known then, must show the same; the
 * bitemporal example holds; the PDF prints the figures.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "aam.clock.start=2023-07-05T08:00:00Z") // the context of AssistantCalendarTest
@ActiveProfiles("test")
@SuppressWarnings({"rawtypes", "unchecked"})
class DisputeEndToEndTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    Clock clock;

    private final String caisse = "T" + (100_000 + ThreadLocalRandom.current().nextInt(900_000));
    private final List<Snapshot> snapshots = new ArrayList<>();

    /** What the projections showed on {@code asOf}, recorded by {@code knownAt}. */
    private record Snapshot(String asOf, Instant knownAt, Map<String, Object> contract, Map<String, String> lines) {
    }

    private void today(String date) {
        BusinessTime.today(clock, date);
    }

    @AfterEach
    void backToTheContextsStart() {
        today(BusinessTime.CONTEXT_START);
    }

    private Map<String, Object> ok(String path, String json) {
        ResponseEntity<Map> answer = JsonPost.post(http, path, json);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as(path + " → " + answer.getBody()).isTrue();
        return answer.getBody();
    }

    private List<String> run(String upTo) {
        return (List<String>) ok("/api/v1/payments/order-runs",
                                 "{\"upTo\":\"%s\",\"caisseCode\":\"%s\"}".formatted(upTo, caisse)).get("orders");
    }

    private void settled() {
        await().atMost(Duration.ofSeconds(30)).until(() -> Processors.caughtUp(http, "contracts")
                && Processors.caughtUp(http, "payments-policies") && Processors.caughtUp(http, "payment-ledger")
                && Processors.caughtUp(http, "assistants"));
    }

    /** The projections now, for the business date {@code asOf}: the contract's terms and each line's figure. */
    private void snapshot(String contractId, String asOf) {
        settled();
        Map<String, Object> view = http.getForObject("/api/v1/contracts/" + contractId, Map.class);
        Map<String, Object> contract = new LinkedHashMap<>();
        for (String field : List.of("option", "status", "regulatoryVersion", "endsOn")) {
            contract.put(field, view.get(field));
        }
        Map<String, Object> schedule = http.getForObject("/api/v1/payments/contracts/" + contractId, Map.class);
        snapshots.add(new Snapshot(asOf, Instant.now(), contract, lines((List<Map<String, Object>>) schedule.get("lines"))));
    }

    private static Map<String, String> lines(List<Map<String, Object>> lines) {
        Map<String, String> figures = new LinkedHashMap<>();
        for (Map<String, Object> line : lines) {
            figures.put(line.get("lineId").toString(), new BigDecimal(line.get("amount").toString())
                    .setScale(2, java.math.RoundingMode.UNNECESSARY) + " " + line.get("status"));
        }
        return figures;
    }

    private Map<String, Object> asOf(String contractId, String date, Instant knownAt) {
        return http.getForObject("/api/v1/disputes/contracts/" + contractId + "?asOf=" + date + "&knownAt="
                                 + knownAt, Map.class);
    }

    @Test
    void theAsOfViewOfEveryDateShowsWhatTheProjectionsShowedThenAndThePdfPrintsTheFigures() throws Exception {
        String suffix = "disp-" + caisse;
        String id = "Contract:" + suffix;
        String rpps = Signatures.newRpps();
        // §1.1: in 2020 a GP in group practice with 900 MT patients is eligible; 1/2 ETP under Avenant 7
        today("2020-08-20");
        ok("/api/v1/eligibility/assessments", """
                {"assessmentId":"%s","rpps":"%s","caisseCode":"%s","date":"2020-08-15",
                 "specialty":"MEDECINE_GENERALE","sector":"SECTOR_1","mtPatients":900,"fileActive":1500,
                 "departement":"75","groupPractice":true,"coordinatedPractice":true,"age":50}
                """.formatted(suffix, rpps, caisse));
        ok("/api/v1/contracts", """
                {"contractId":"%s","assessmentId":"%s","rpps":"%s","caisseCode":"%s","departement":"75",
                 "option":"HALF_TIME","activityBand":"P30_P50","initialMtPatients":900,"initialFileActive":1500,
                 "signedOn":"2020-09-01"}
                """.formatted(suffix, suffix, rpps, caisse));
        today("2020-09-20");
        ok("/api/v1/assistants", """
                {"assistantId":"%s","contractIds":["%s"],"employerType":"DOCTOR","permanentContract":true,
                 "weeklyHours":35,"hiredOn":"2020-09-15","qualifications":["CQP"]}""".formatted(suffix, id));
        ok("/api/v1/assistants/Assistant:" + suffix + "/hiring-proof", "{\"on\":\"2020-09-20\"}");
        settled();

        // S12: the advance, 70 % of 18 000 € (SEED-003), within 15 days of the hiring: due 30 September 2020
        today("2020-10-05");
        List<String> advance = run("2020-10-05");
        assertThat(advance).hasSize(1);
        today("2020-10-06");
        ok("/api/v1/payments/orders/" + advance.get(0) + "/answer",
           "{\"status\":\"rejected\",\"answeredOn\":\"2020-10-06\",\"reason\":\"IBAN invalide\"}");
        settled();
        today("2020-10-10");
        List<String> again = run("2020-10-10");
        assertThat(again).hasSize(1).doesNotContain(advance.get(0));
        today("2020-10-12");
        ok("/api/v1/payments/orders/" + again.get(0) + "/answer",
           "{\"status\":\"paid\",\"answeredOn\":\"2020-10-12\",\"reference\":\"VIR-1\"}");
        snapshot(id, "2020-10-12");

        // year 3 activity, the switch to the 2023 rules, the year-3 evaluation
        today("2023-09-15");
        ok("/api/v1/contracts/" + id + "/activity",
           "{\"contractYear\":3,\"mtPatients\":1130,\"fileActive\":1900,\"recordedOn\":\"2023-05-15\"}");
        ok("/api/v1/contracts/" + id + "/version-switch",
           "{\"toVersion\":\"RA_2023\",\"requestedOn\":\"2023-06-01\",\"reason\":\"demande du médecin\"}");
        ok("/api/v1/contracts/" + id + "/evaluations", "{\"contractYear\":3,\"evaluatedOn\":\"2023-09-15\"}");
        snapshot(id, "2023-09-15");

        // the bitemporal example: an avenant recorded on 10 March 2024, effective from 1 January 2024
        today("2024-03-10");
        Instant beforeTheAvenant = Instant.now();
        ok("/api/v1/contracts/" + id + "/avenants", """
                {"avenantReference":"AV-2024-01","option":"FULL_TIME","effectiveOn":"2024-01-01",
                 "reason":"temps plein"}""");
        settled();
        Instant afterTheAvenant = Instant.now();
        assertThat(((Map) asOf(id, "2024-02-01", afterTheAvenant).get("contract")).get("option"))
                .isEqualTo("FULL_TIME");
        assertThat(((Map) asOf(id, "2024-02-01", beforeTheAvenant).get("contract")).get("option"))
                .as("in February the caisse did not know of it yet").isEqualTo("HALF_TIME");
        assertThat(((Map) asOf(id, "2023-12-31", afterTheAvenant).get("contract")).get("option"))
                .as("not in force before its effective date").isEqualTo("HALF_TIME");

        // §3.1: the 2024 amounts at the anniversary of 1 September 2024
        today("2024-09-02");
        ok("/api/v1/contracts/" + id + "/revaluations", "{\"anniversaryOn\":\"2024-09-01\"}");
        List<String> due = run("2024-09-02");
        assertThat(due).isNotEmpty();
        for (String order : due) {
            ok("/api/v1/payments/orders/" + order + "/answer",
               "{\"status\":\"paid\",\"answeredOn\":\"2024-09-02\",\"reference\":\"VIR-2\"}");
        }
        snapshot(id, "2024-09-02");

        today("2025-01-02");
        ok("/api/v1/contracts/" + id + "/suspensions",
           "{\"avenantReference\":\"AV-S\",\"reason\":\"congé de l'assistante\",\"effectiveOn\":\"2025-01-01\"}");
        today("2025-03-01");
        ok("/api/v1/contracts/" + id + "/resumptions",
           "{\"avenantReference\":\"AV-R\",\"reason\":\"retour de l'assistante\",\"effectiveOn\":\"2025-03-01\"}");
        settled();
        // the second half of year 5 (due 1 March 2025, lowered for the suspended days) is ordered and paid
        for (String order : run("2025-03-01")) {
            ok("/api/v1/payments/orders/" + order + "/answer",
               "{\"status\":\"paid\",\"answeredOn\":\"2025-03-01\",\"reference\":\"VIR-3\"}");
        }
        snapshot(id, "2025-03-01");

        // the doctor ends the contract on 1 June 2025, effective two months later (S33)
        today("2025-06-01");
        ok("/api/v1/contracts/" + id + "/termination",
           "{\"by\":\"DOCTOR\",\"reason\":\"départ\",\"notifiedOn\":\"2025-06-01\"}");
        settled();
        Map<String, Object> notified = (Map) asOf(id, "2025-06-15", Instant.now()).get("contract");
        assertThat(notified).containsEntry("status", "ACTIVE").containsEntry("terminatesOn", "2025-08-01");
        today("2025-08-02");
        snapshot(id, "2025-08-02");
        Map<String, Object> ended = asOf(id, "2025-08-02", Instant.now());
        assertThat(((Map) ended.get("contract")).get("status")).isEqualTo("TERMINATED");
        assertThat((List<Map<String, Object>>) ended.get("lines"))
                .anyMatch(l -> "RECOVERY".equals(l.get("kind")));

        // every snapshot: the as-of view of that date, as known then, shows what the projections showed
        for (Snapshot snapshot : snapshots) {
            Map<String, Object> view = asOf(id, snapshot.asOf(), snapshot.knownAt());
            Map<String, Object> contract = (Map<String, Object>) view.get("contract");
            for (Map.Entry<String, Object> field : snapshot.contract().entrySet()) {
                assertThat(contract.get(field.getKey())).as(snapshot.asOf() + " " + field.getKey())
                                                        .isEqualTo(field.getValue());
            }
            assertThat(lines((List<Map<String, Object>>) view.get("lines"))).as("lines on " + snapshot.asOf())
                                                                               .isEqualTo(snapshot.lines());
        }

        // the timeline: who recorded each step, from which request, when, and from when it held
        List<Map<String, Object>> timeline = (List<Map<String, Object>>) ended.get("timeline");
        Map<String, Object> avenant = timeline.stream().filter(e -> "ContractAmended".equals(e.get("type")))
                                              .findFirst().orElseThrow();
        assertThat(avenant).containsEntry("effectiveOn", "2024-01-01").containsEntry("principal", "test-operator")
                           .containsEntry("caisse", caisse).containsKey("correlationId").containsKey("recordedAt");

        // the report as PDF, read back
        ResponseEntity<byte[]> pdf = http.getForEntity("/api/v1/disputes/contracts/" + id
                                                       + "/report?format=pdf&asOf=2025-08-02", byte[].class);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("dossier de contestation", id, "12 600,00 €", "AV7_2019", "RA_2023",
                                      "S12", "PaymentOrderRejected",
                                      fr.cnam.aam.regulation.Rulebook.shipped().revision(), "résilié");
        }

        // what-if: the caisse considers correcting the Avenant 7 half-time aid of year 2 (13 500 €, S7 art. 9-5-2-2)
        // to 14 000 € (a made-up correction): year 2 would be +500 €, the other years unchanged
        Map<String, Object> whatIf = ok("/api/v1/disputes/contracts/" + id + "/what-if", """
                {"corrections":[{"parameter":"aid.HALF_TIME.year2","version":"AV7_2019","from":"2019-08-20",
                 "value":1400000,"source":"projet de correction (test)","confidence":"unverified"}]}""");
        List<Map<String, Object>> years = (List<Map<String, Object>>) whatIf.get("years");
        assertThat(years).hasSize(5);
        Map<String, Object> year2 = years.get(1);
        assertThat(year2).containsEntry("recordedVersion", "AV7_2019").containsEntry("whatIfVersion", "AV7_2019");
        assertThat(new BigDecimal(year2.get("recordedAid").toString())).isEqualByComparingTo("13500");
        assertThat(new BigDecimal(year2.get("whatIfAid").toString())).isEqualByComparingTo("14000");
        assertThat(new BigDecimal(year2.get("difference").toString())).isEqualByComparingTo("500");
        assertThat(new BigDecimal(years.get(2).get("difference").toString())).isZero();
        assertThat(new BigDecimal(whatIf.get("totalDifference").toString())).isEqualByComparingTo("500");
        // and a version: from year 4 under the 2023 rules, as recorded, the difference is nil
        Map<String, Object> asRecorded = ok("/api/v1/disputes/contracts/" + id + "/what-if",
                                            "{\"regulatoryVersion\":\"RA_2023\",\"fromYear\":4}");
        assertThat(new BigDecimal(asRecorded.get("totalDifference").toString())).isZero();
        // what a what-if or a dispute read cannot be: refused with its rule, not a 500
        ResponseEntity<Map> notAnAmount = JsonPost.post(http, "/api/v1/disputes/contracts/" + id + "/what-if", """
                {"corrections":[{"parameter":"aid.HALF_TIME.year2","version":"AV7_2019","from":"2019-08-20",
                 "value":"abc","source":"s","confidence":"unverified"}]}""");
        assertThat(notAnAmount.getBody()).containsEntry("rule", "CORRECTION_INVALID");
        ResponseEntity<Map> aVersionStart = JsonPost.post(http, "/api/v1/disputes/contracts/" + id + "/what-if", """
                {"corrections":[{"parameter":"version.start","version":"AV7_2019","from":"2019-08-20",
                 "value":"x","source":"s","confidence":"unverified"}]}""");
        assertThat(aVersionStart.getBody()).containsEntry("rule", "CORRECTION_INVALID");
        assertThat(JsonPost.post(http, "/api/v1/disputes/contracts/" + id + "/what-if", "{\"fromYear\":9}")
                           .getBody()).containsEntry("rule", "YEAR_BEYOND_CONTRACT");
        assertThat(http.getForEntity("/api/v1/disputes/contracts/" + id + "/report?knownAt=9999-01-01T00:00:00Z",
                                     String.class).getStatusCode().value()).isEqualTo(400);

        // computed, never recorded: the contract's record is unchanged
        assertThat(((List<?>) asOf(id, "2025-08-02", Instant.now()).get("timeline")))
                .hasSameSizeAs((List<?>) ended.get("timeline"));
    }
}

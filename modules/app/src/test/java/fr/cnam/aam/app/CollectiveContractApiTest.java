package fr.cnam.aam.app;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A group of 3 GPs signs the collective aid over the API (regulation.md §3b, S38 — secondary): 2 ETP, 76 000 € in
 * year 1; a doctor holding an individual contract is refused until that contract is terminated (and settled pro
 * rata by its payment schedule, as it ends on another date than its anniversary), then joins; an avenant raises
 * the ETP to 3 within the cap of 4; year 3 is paid pro rata; the end holds every member 2 years, so a member's new
 * individual signature is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "aam.clock.start=2023-07-05T08:00:00Z") // the context of AssistantCalendarTest
@ActiveProfiles("test")
class CollectiveContractApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    CommandGateway commands;
    @Autowired
    Clock clock;
    @Autowired
    TestOperatorTokens operator;
    @Autowired
    fr.cnam.aam.eventstore.MongoGlobalSequenceEventStorageEngine store;
    @Autowired
    fr.cnam.aam.contracting.core.calendar.ContractDeadlines contractDeadlines;
    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    @AfterEach
    void backToTheContextsStart() {
        BusinessTime.today(clock, BusinessTime.CONTEXT_START);
    }

    @SuppressWarnings("rawtypes")
    private ResponseEntity<Map> post(String path, String json) {
        return JsonPost.post(http, path, json);
    }

    @SuppressWarnings("rawtypes")
    private Map ok(String path, String json) {
        ResponseEntity<Map> answer = post(path, json);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as(path + " → " + answer.getBody()).isTrue();
        return answer.getBody();
    }

    @SuppressWarnings("rawtypes")
    private void refused(String path, String json, String rule) {
        ResponseEntity<Map> answer = post(path, json);
        assertThat(answer.getStatusCode().value()).as(path + " → " + answer.getBody()).isEqualTo(422);
        assertThat(answer.getBody()).containsEntry("rule", rule);
    }

    /** A GP eligible under the 2024 convention (regulation.md worked example: 1 300 MT patients), in Paris. */
    private static String assessment(String assessmentId, String rpps, String caisse, String date) {
        return """
                {"assessmentId":"%s","rpps":"%s","caisseCode":"%s","date":"%s","specialty":"MEDECINE_GENERALE",
                 "sector":"SECTOR_1","mtPatients":1300,"fileActive":2000,"departement":"75","age":50}"""
                .formatted(assessmentId, rpps, caisse, date);
    }

    private static String signature(String contractId, String assessmentId, String rpps, String caisse,
                                    String signedOn) {
        return """
                {"contractId":"%s","assessmentId":"%s","rpps":"%s","caisseCode":"%s","departement":"75",
                 "option":"FULL_TIME","activityBand":"P70_P90","initialMtPatients":1300,"initialFileActive":2000,
                 "signedOn":"%s"}""".formatted(contractId, assessmentId, rpps, caisse, signedOn);
    }

    private static String member(String rpps, int mtPatients) {
        return """
                {"rpps":"%s","specialty":"MEDECINE_GENERALE","sector":"SECTOR_1","mtPatients":%d,"fileActive":1500,
                 "installedOn":"2015-01-01"}""".formatted(rpps, mtPatients);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    @Test
    void aGroupSignsTakesAMemberFromAnIndividualContractIsPaidProRataAndEndsWithAWaitingPeriod() {
        String caisse = "T" + (100_000 + ThreadLocalRandom.current().nextInt(900_000));
        long feedStart = store.highestAllocatedIndex();
        String a = Signatures.newRpps();
        String b = Signatures.newRpps();
        String c = Signatures.newRpps();
        // D holds an individual contract signed on 1 June 2023
        String individual = "Contract:coll-d-" + caisse;
        String d = Signatures.assessAndSign(commands, individual, caisse, "FULL_TIME", LocalDate.of(2023, 6, 1));

        BusinessTime.today(clock, "2026-04-01");
        String id = "CollectiveContract:grp-" + caisse;
        Map signed = ok("/api/v1/collective-contracts", """
                {"collectiveContractId":"grp-%s","caisseCode":"%s","departement":"75","structure":"SCM",
                 "companyIdentifier":"751234567","signedOn":"2026-04-01","etp":2,"members":[%s,%s,%s]}
                """.formatted(caisse, caisse, member(a, 700), member(b, 800), member(c, 825)));
        assertThat(signed).containsEntry("collectiveContractId", id);
        Map view = await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/collective-contracts/" + id),
                                                                v -> v != null && v.get("etpCapPermille") != null);
        // 2 ETP × 38 000 / 28 000 / 22 000 €; objectives 2 × (+260, +110)
        assertThat((List<Number>) view.get("aidByYearCents")).extracting(Number::longValue)
                .containsExactly(7_600_000L, 5_600_000L, 4_400_000L, 4_400_000L, 4_400_000L);
        assertThat(view).containsEntry("mtPatientsIncrease", 520).containsEntry("fileActiveIncrease", 220)
                        .containsEntry("etpCapPermille", 3000).containsEntry("regulatoryVersion", "COLLECTIVE_2026");
        // an average of 774 is refused
        refused("/api/v1/collective-contracts", """
                {"caisseCode":"%s","departement":"75","structure":"SCM","companyIdentifier":"751234568",
                 "signedOn":"2026-04-01","etp":1,"members":[%s,%s,%s]}
                """.formatted(caisse, member(Signatures.newRpps(), 700), member(Signatures.newRpps(), 800),
                              member(Signatures.newRpps(), 822)), "AVERAGE_PATIENTELE_TOO_LOW");

        // D cannot join while its individual contract is active; the caisse ends it on 1 May 2026 (not its
        // anniversary, 1 June): its schedule settles the year pro rata; then D joins
        refused("/api/v1/collective-contracts/" + id + "/members",
                "{\"member\":%s,\"joinedOn\":\"2026-04-15\"}".formatted(member(d, 900)), "SECOND_ACTIVE_CONTRACT");
        BusinessTime.today(clock, "2026-05-01");
        ok("/api/v1/contracts/" + individual + "/termination",
           "{\"by\":\"CAISSE\",\"reason\":\"adhésion au contrat collectif\",\"notifiedOn\":\"2026-05-01\"}");
        // year 3 (1 June 2025 – 31 May 2026) at the 2024 amount, 22 000 € (S1): served to 1 May 2026, 335 of 365
        // days → 20 191.78 €, in two instalments of 10 095.89 €; years 4 and 5 cancelled
        Map schedule = await().atMost(Duration.ofSeconds(30)).until(
                () -> get("/api/v1/payments/contracts/" + individual),
                body -> body != null && String.valueOf(body.get("lastDay")).equals("2026-05-01")
                        && ((List<Map>) body.get("lines")).stream().anyMatch(l -> "CANCELLED".equals(l.get("status"))));
        List<Map> lines = (List<Map>) schedule.get("lines");
        assertThat(lines.stream().filter(l -> ((Number) l.get("contractYear")).intValue() == 3)
                        .map(l -> ((Number) l.get("amount")).doubleValue()).toList())
                .containsExactly(10095.89, 10095.89);
        assertThat(lines.stream().filter(l -> ((Number) l.get("contractYear")).intValue() >= 4)
                        .map(l -> l.get("status")).toList()).containsOnly("CANCELLED");
        BusinessTime.today(clock, "2026-05-02");
        ok("/api/v1/collective-contracts/" + id + "/members",
           "{\"member\":%s,\"joinedOn\":\"2026-05-02\"}".formatted(member(d, 900)));
        ok("/api/v1/collective-contracts/" + id + "/etp",
           "{\"avenantReference\":\"AV-1\",\"etp\":3,\"effectiveOn\":\"2026-06-01\"}");
        refused("/api/v1/collective-contracts/" + id + "/etp",
                "{\"avenantReference\":\"AV-2\",\"etp\":4.5,\"effectiveOn\":\"2026-06-01\"}", "ETP_ABOVE_CAP");

        // year 3 (1 April 2028 – 31 March 2029) of 3 ETP: 66 000 €; +585 of +780 MT (75 %), +330 of +330 file
        // active (100 %): the mean, 87.5 % (an unverified combination) → 57 750 €
        BusinessTime.today(clock, "2029-04-15");
        ok("/api/v1/collective-contracts/" + id + "/evaluations",
           "{\"contractYear\":3,\"evaluatedOn\":\"2029-04-15\",\"mtPatientsReached\":585,\"fileActiveReached\":330}");
        Map evaluated = await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/collective-contracts/" + id),
                                                                     v -> !((List) v.get("evaluations")).isEmpty());
        Map year3 = (Map) ((List) evaluated.get("evaluations")).get(0);
        assertThat(((Number) year3.get("aidCents")).longValue()).isEqualTo(6_600_000L);
        assertThat(((Number) year3.get("modulatedAidCents")).longValue()).isEqualTo(5_775_000L);

        // the end: every member waits 2 years before any new contract
        BusinessTime.today(clock, "2029-06-30");
        ok("/api/v1/collective-contracts/" + id + "/termination",
           "{\"by\":\"GROUP\",\"reason\":\"dissolution de la SCM\",\"notifiedOn\":\"2029-06-30\"}");
        Map ended = await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/collective-contracts/" + id),
                                                                 v -> "TERMINATED".equals(v.get("status")));
        assertThat(ended).containsEntry("waitingUntil", "2031-06-30");
        BusinessTime.today(clock, "2029-07-01");
        ok("/api/v1/eligibility/assessments", assessment("coll-a-" + caisse, a, caisse, "2029-07-01"));
        refused("/api/v1/contracts",
                signature("coll-a-" + caisse, "coll-a-" + caisse, a, caisse, "2029-07-01"),
                "WAITING_PERIOD");
        // a signature dated at the end of the waiting period is still refused while that day has not come
        refused("/api/v1/contracts",
                signature("coll-a2-" + caisse, "coll-a-" + caisse, a, caisse, "2030-06-30"),
                "WAITING_PERIOD");
        // the caisse director exempts B (decision DIR-2029-17): B signs again at once, A still waits
        ok("/api/v1/collective-contracts/" + id + "/waiting-period-exceptions", """
                {"rpps":"%s","decidedOn":"2029-07-01","decisionReference":"DIR-2029-17",
                 "reason":"reprise d'un cabinet en zone sous-dotée"}""".formatted(b));
        refused("/api/v1/collective-contracts/" + id + "/waiting-period-exceptions", """
                {"rpps":"%s","decidedOn":"2029-07-01","decisionReference":"DIR-2029-18"}""".formatted(b),
                "WAIVER_ALREADY_RECORDED");
        ok("/api/v1/eligibility/assessments", assessment("coll-b-" + caisse, b, caisse, "2029-07-01"));
        ok("/api/v1/contracts", signature("coll-b-" + caisse, "coll-b-" + caisse, b, caisse, "2029-07-01"));
        // on 30 June 2031 it is over
        BusinessTime.today(clock, "2031-06-30");
        ok("/api/v1/eligibility/assessments", assessment("coll-a3-" + caisse, a, caisse, "2031-06-30"));
        ok("/api/v1/contracts",
                signature("coll-a3-" + caisse, "coll-a3-" + caisse, a, caisse, "2031-06-30"));

        // its life is in the feed, for the caisse's agent, in order
        HttpHeaders agent = new HttpHeaders();
        agent.setBearerAuth(operator.token("agent-" + caisse, List.of("CPAM_AGENT"), caisse));
        List<String> types = new java.util.ArrayList<>();
        long after = feedStart;
        for (int page = 0; page < 50; page++) {
            Map feed = http.exchange("/api/v1/feed?after=" + after + "&limit=500", HttpMethod.GET,
                                     new HttpEntity<>(agent), Map.class).getBody();
            for (Map event : (List<Map>) feed.get("events")) {
                if (id.equals(event.get("subject"))) {
                    types.add((String) event.get("type"));
                }
            }
            long next = ((Number) feed.get("next")).longValue();
            if (next == after) {
                break;
            }
            after = next;
        }
        assertThat(types).containsExactly("fr.cnam.aam.collective-contract.signed.v1",
                "fr.cnam.aam.collective-contract.member-joined.v1", "fr.cnam.aam.collective-contract.etp-changed.v1",
                "fr.cnam.aam.collective-contract.objectives-evaluated.v1",
                "fr.cnam.aam.collective-contract.terminated.v1",
                "fr.cnam.aam.collective-contract.waiting-period-waived.v1");

        // another caisse's agent does not see it, nor records a director's exception on it
        HttpHeaders other = new HttpHeaders();
        other.setBearerAuth(operator.token("agent-other", List.of("CPAM_AGENT"), "T000001"));
        assertThat(http.exchange("/api/v1/collective-contracts/" + id, HttpMethod.GET, new HttpEntity<>(other),
                                 Map.class).getStatusCode().value()).isEqualTo(404);
        other.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        assertThat(http.exchange("/api/v1/collective-contracts/" + id + "/waiting-period-exceptions", HttpMethod.POST,
                new HttpEntity<>("{\"rpps\":\"%s\",\"decidedOn\":\"2031-06-30\",\"decisionReference\":\"X\"}"
                        .formatted(c), other), Map.class).getStatusCode().value()).isEqualTo(404);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    @Test
    void atItsTermTheCalendarEndsTheContractAndItsMembersWait() {
        String caisse = "T" + (100_000 + ThreadLocalRandom.current().nextInt(900_000));
        BusinessTime.today(clock, "2026-04-01");
        String id = "CollectiveContract:term-" + caisse;
        String a = Signatures.newRpps();
        ok("/api/v1/collective-contracts", """
                {"collectiveContractId":"term-%s","caisseCode":"%s","departement":"75","structure":"SCP",
                 "companyIdentifier":"750000002","signedOn":"2026-04-01","etp":1,"members":[%s,%s]}
                """.formatted(caisse, caisse, member(a, 800), member(Signatures.newRpps(), 800)));
        // 5 years from 1 April 2026 (S38): the last day is 31 March 2031; the calendar fires the day after
        await().atMost(Duration.ofSeconds(30)).until(() -> contractDeadlines.of(id).stream()
                .anyMatch(d -> "TERM".equals(d.getString("kind")) && "2031-04-01".equals(d.getString("dueOn"))));
        BusinessTime.today(clock, "2031-04-01");
        commands.sendAndWait(new fr.cnam.aam.contracting.api.ReachCollectiveTermCommand(id,
                                                                                         LocalDate.of(2031, 4, 1)));
        Map ended = await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/collective-contracts/" + id),
                                                                 v -> "TERM_REACHED".equals(v.get("status")));
        assertThat(ended).containsEntry("lastDay", "2031-03-31").containsEntry("waitingUntil", "2033-03-31");
        ok("/api/v1/eligibility/assessments", assessment("term-a-" + caisse, a, caisse, "2031-04-01"));
        refused("/api/v1/contracts", signature("term-a-" + caisse, "term-a-" + caisse, a, caisse, "2031-04-01"),
                "WAITING_PERIOD");
        Map dispute = http.getForObject("/api/v1/disputes/collective-contracts/" + id + "?asOf=2031-04-02",
                                        Map.class);
        assertThat((Map) dispute.get("contract")).containsEntry("status", "TERM_REACHED");
        assertThat((Map) dispute.get("collective")).containsEntry("waitingUntil", "2033-03-31");
    }

    @Test
    void aDoctorWhoseContractReachedItsTermBeforeHoldsExistedMayJoinAGroup() {
        String caisse = "T" + (100_000 + ThreadLocalRandom.current().nextInt(900_000));
        String individual = "Contract:legacy-" + caisse;
        // an individual contract signed 1 June 2023 runs 5 years, to 31 May 2028
        String d = Signatures.assessAndSign(commands, individual, caisse, "FULL_TIME", LocalDate.of(2023, 6, 1));
        BusinessTime.today(clock, "2028-06-01");
        commands.sendAndWait(new fr.cnam.aam.contracting.api.ReachTermCommand(individual, LocalDate.of(2028, 6, 1)));
        // as an earlier release left such a doctor: reserved by the ended contract, with no end to it
        mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(d)),
                new org.springframework.data.mongodb.core.query.Update().unset("waitingUntil").unset("waitingPeriod"),
                "doctor_active_contracts");
        BusinessTime.today(clock, "2028-06-02");
        ok("/api/v1/collective-contracts", """
                {"collectiveContractId":"legacy-%s","caisseCode":"%s","departement":"75","structure":"SCM",
                 "companyIdentifier":"750000003","signedOn":"2028-06-02","etp":1,"members":[%s,%s]}
                """.formatted(caisse, caisse, member(d, 900), member(Signatures.newRpps(), 700)));
    }

    /** The company's payment schedule once {@code ready} holds of it. */
    @SuppressWarnings("rawtypes")
    private Map companySchedule(String id, java.util.function.Predicate<Map> ready) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/payments/collective-contracts/" + id),
                                                            body -> body != null && ready.test(body));
    }

    /** The schedule's lines not cancelled: "Y{year}.{slot}" → amount in euros. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Map<String, Double> liveLines(Map schedule) {
        Map<String, Double> out = new java.util.TreeMap<>();
        for (Map line : (List<Map>) schedule.get("lines")) {
            if (!"CANCELLED".equals(line.get("status"))) {
                String id = (String) line.get("lineId");
                out.put(id.substring(id.lastIndexOf(".Y") + 1), ((Number) line.get("amount")).doubleValue());
            }
        }
        return out;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private List<String> orderRun(String upTo, String caisse) {
        return (List<String>) ok("/api/v1/payments/order-runs",
                                 "{\"upTo\":\"%s\",\"caisseCode\":\"%s\"}".formatted(upTo, caisse)).get("orders");
    }

    private void paid(String orderId, String on) {
        ok("/api/v1/payments/orders/" + orderId + "/answer",
           "{\"status\":\"PAID\",\"answeredOn\":\"%s\",\"reference\":\"VIR-%s\"}".formatted(on, on));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    @Test
    void theCompanyEmploysItsAssistantIsPaidPerEtpAndItsRecordShowsAndReplays() throws Exception {
        String caisse = "T" + (100_000 + ThreadLocalRandom.current().nextInt(900_000));
        BusinessTime.today(clock, "2026-04-01");
        String id = "CollectiveContract:pay-" + caisse;
        ok("/api/v1/collective-contracts", """
                {"collectiveContractId":"pay-%s","caisseCode":"%s","departement":"75","structure":"SISA",
                 "companyIdentifier":"750000001","signedOn":"2026-04-01","etp":2,"members":[%s,%s,%s]}
                """.formatted(caisse, caisse, member(Signatures.newRpps(), 700), member(Signatures.newRpps(), 800),
                              member(Signatures.newRpps(), 825)));

        // the company's schedule: 2 ETP × 38 000 / 28 000 / 22 000 € (S38), one payment on the day that opens each
        // year (the calendar S38 does not state: flagged unverified on each line)
        Map planned = companySchedule(id, body -> ((List) body.get("lines")).size() == 5);
        assertThat(planned).containsEntry("kind", "COLLECTIVE").containsEntry("etpPermille", 2000);
        assertThat(liveLines(planned)).containsExactly(Map.entry("Y1.1", 76000.0), Map.entry("Y2.1", 56000.0),
                Map.entry("Y3.1", 44000.0), Map.entry("Y4.1", 44000.0), Map.entry("Y5.1", 44000.0));
        assertThat((List<Map>) planned.get("lines")).extracting(l -> l.get("dueDate")).containsExactly(
                "2026-04-01", "2027-04-01", "2028-04-01", "2029-04-01", "2030-04-01");
        assertThat((List<Map>) planned.get("lines")).allSatisfy(l -> assertThat(l)
                .containsEntry("parameter", "collective.payment.calendar").containsEntry("confidence", "unverified")
                .containsEntry("contractId", id));

        // the caisse's dashboard counts the group's contract with the ETP it finances (not an option's share)
        Map figures = await().atMost(Duration.ofSeconds(40)).until(
                () -> get("/api/v1/dashboard?caisse=" + caisse),
                v -> v != null && ((Number) ((Map) v.get("totals")).get("contractsInForce")).intValue() == 1);
        assertThat(((Number) ((Map) figures.get("totals")).get("fteInForce")).doubleValue()).isEqualTo(2.0);
        assertThat((List<Map>) figures.get("byOption")).singleElement()
                .satisfies(b -> assertThat(b).containsEntry("key", "COLLECTIVE").containsEntry("label", "Aide collective"));

        // its assistant, employed by an employers' group (not by a doctor), with 2 years for the CQP (S38)
        refused("/api/v1/assistants", """
                {"contractIds":["%s"],"employerType":"DOCTOR","permanentContract":true,"weeklyHours":35,
                 "hiredOn":"2026-04-01"}""".formatted(id), "EMPLOYER_NOT_ALLOWED");
        String assistant = (String) ok("/api/v1/assistants", """
                {"contractIds":["%s"],"employerType":"EMPLOYERS_GROUP","permanentContract":true,"weeklyHours":35,
                 "hiredOn":"2026-04-01"}""".formatted(id)).get("assistantId");
        Map hired = await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/assistants/" + assistant),
                                                                 v -> v != null);
        assertThat(hired).containsEntry("regulatoryVersion", "COLLECTIVE_2026");
        assertThat((Map) ((Map) hired.get("deadlines")).get("qualification")).containsEntry("dueOn", "2028-04-01");
        BusinessTime.today(clock, "2026-04-03");
        ok("/api/v1/assistants/" + assistant + "/hiring-proof", "{\"on\":\"2026-04-03\"}");

        // year 1 ordered and paid
        List<String> first = orderRun("2026-04-03", caisse);
        assertThat(first).containsExactly("Order:collective:pay-" + caisse + ".Y1.1.1");
        paid(first.get(0), "2026-04-03");

        // an avenant to 3 ETP from 1 June 2026, in year 1 (1 Apr 2026 – 31 Mar 2027, 365 days): 61 days at 2 ETP
        // (April, May) and 304 days at 3 ETP → 76 000 × 61/365 = 12 701.37 € + 114 000 × 304/365 = 94 947.95 €
        // = 107 649.32 €; 76 000 € paid: a complement of 31 649.32 € on 1 June; from year 2, 3 ETP: 84 000 €,
        // then 66 000 €
        BusinessTime.today(clock, "2026-05-02");
        ok("/api/v1/collective-contracts/" + id + "/etp",
           "{\"avenantReference\":\"AV-1\",\"etp\":3,\"effectiveOn\":\"2026-06-01\"}");
        Map amended = companySchedule(id, body -> liveLines(body).containsKey("Y1.A1"));
        assertThat(liveLines(amended)).containsExactly(Map.entry("Y1.1", 76000.0), Map.entry("Y1.A1", 31649.32),
                Map.entry("Y2.1", 84000.0), Map.entry("Y3.1", 66000.0), Map.entry("Y4.1", 66000.0),
                Map.entry("Y5.1", 66000.0));

        // year 3 evaluated: +585 of +780 MT (75 %), +330 of +330 file active (100 %) → mean 87.5 % (unverified)
        // → 66 000 × 87.5 % = 57 750 €; then everything due is ordered and paid
        BusinessTime.today(clock, "2029-04-15");
        ok("/api/v1/collective-contracts/" + id + "/evaluations",
           "{\"contractYear\":3,\"evaluatedOn\":\"2029-04-15\",\"mtPatientsReached\":585,\"fileActiveReached\":330}");
        companySchedule(id, body -> liveLines(body).get("Y3.1") == 57750.0);
        List<String> due = orderRun("2029-04-15", caisse);
        assertThat(due).hasSize(4);
        due.forEach(order -> paid(order, "2029-04-15"));

        // ended on 30 June 2029, in year 4 (1 Apr 2029 – 31 Mar 2030, 365 days): 91 days served (30 + 31 + 30)
        // → 66 000 × 91/365 = 16 454.79 €; 66 000 € paid: 49 545.21 € to recover; year 5 no longer due
        BusinessTime.today(clock, "2029-06-30");
        ok("/api/v1/collective-contracts/" + id + "/termination",
           "{\"by\":\"CAISSE\",\"reason\":\"patientèle sous son niveau initial\",\"notifiedOn\":\"2029-06-30\"}");
        Map ended = companySchedule(id, body -> "2029-06-30".equals(body.get("lastDay"))
                                                && liveLines(body).containsKey("Y4.A1"));
        assertThat(liveLines(ended)).containsEntry("Y4.A1", -49545.21).doesNotContainKey("Y5.1");
        // paid: 76 000 + 31 649.32 + 84 000 + 57 750 + 66 000 = 315 399.32 €
        Map totals = (Map) ended.get("totals");
        assertThat(((Number) totals.get("paid")).doubleValue()).isEqualTo(315399.32);

        // the caisse's ledger counts the company's payments with the doctors'
        Map ledger = http.getForObject("/api/v1/payments/ledger?caisse=" + caisse + "&from=2026-04&to=2026-04",
                                       Map.class);
        assertThat(((Number) ((Map) ledger.get("totals")).get("paid")).doubleValue()).isEqualTo(76000.0);

        // the dispute view: the contract as it stood, its company, members, assistant and payments
        BusinessTime.today(clock, "2029-07-01");
        // after the avenant and the end, the dashboard's ETP followed: 3 ETP in force to the end of June 2029, none after
        Map late = await().atMost(Duration.ofSeconds(40)).until(() -> get("/api/v1/dashboard?caisse=" + caisse),
                v -> v != null && ((Number) ((Map) v.get("totals")).get("ended")).intValue() == 1);
        assertThat(((Number) ((Map) late.get("totals")).get("contractsInForce")).intValue()).isZero();
        Map june = ((List<Map>) late.get("contracts")).stream().filter(m -> "2029-06".equals(m.get("month")))
                .findFirst().orElseThrow();
        assertThat(((Number) june.get("fte")).doubleValue()).isEqualTo(3.0);

        Map dispute = http.getForObject("/api/v1/disputes/collective-contracts/" + id + "?asOf=2029-07-01",
                                        Map.class);
        assertThat((Map) dispute.get("contract")).containsEntry("status", "TERMINATED")
                .containsEntry("regulatoryVersion", "COLLECTIVE_2026").containsEntry("caisseCode", caisse);
        Map group = (Map) dispute.get("collective");
        assertThat(group).containsEntry("structure", "SISA").containsEntry("etpPermille", 3000)
                         .containsEntry("waitingUntil", "2031-06-30");
        assertThat((List) group.get("members")).hasSize(3);
        assertThat((List<Map>) dispute.get("assistants")).extracting(a -> a.get("assistantId"))
                .containsExactly(assistant);
        assertThat(((Number) ((Map) dispute.get("totals")).get("paid")).doubleValue()).isEqualTo(315399.32);
        Map before = http.getForObject("/api/v1/disputes/collective-contracts/" + id + "?asOf=2026-05-01",
                                       Map.class);
        assertThat((Map) before.get("collective")).containsEntry("etpPermille", 2000);
        assertThat((List<Map>) group.get("terms")).extracting(t -> t.get("from"), t -> t.get("etpPermille"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-04-01", 2000),
                                 org.assertj.core.groups.Tuple.tuple("2026-06-01", 3000));

        // a dispute handler asks: with 24 000 € per ETP from year 3 (a made-up correction), what would the group be
        // due? Years 1–2 unchanged; years 3–4 at 3 ETP: 72 000 € instead of 66 000 €, +6 000 € each; year 5 began
        // after the contract's last day (30 June 2029): no aid either way; +12 000 € in all
        Map whatIf = ok("/api/v1/disputes/collective-contracts/" + id + "/what-if", """
                {"corrections":[{"parameter":"collective.aid.perEtp.year3","version":"COLLECTIVE_2026",
                 "from":"2026-02-25","value":2400000,"source":"test correction","confidence":"unverified"}]}""");
        List<Map> years = (List<Map>) whatIf.get("years");
        assertThat(years).extracting(y -> y.get("recordedAid") == null ? null : ((Number) y.get("recordedAid"))
                .doubleValue()).containsExactly(76000.0, 84000.0, 66000.0, 66000.0, null);
        assertThat(years).extracting(y -> y.get("whatIfAid") == null ? null : ((Number) y.get("whatIfAid"))
                .doubleValue()).containsExactly(76000.0, 84000.0, 72000.0, 72000.0, null);
        assertThat(((Number) whatIf.get("totalDifference")).doubleValue()).isEqualTo(12000.0);
        assertThat(((Number) years.get(3).get("recordedDue")).doubleValue()).isEqualTo(16454.79);
        refused("/api/v1/disputes/collective-contracts/" + id + "/what-if", "{\"regulatoryVersion\":\"CONV_2024\"}",
                "VERSION_KIND_MISMATCH");
        refused("/api/v1/disputes/collective-contracts/" + id + "/what-if", "{\"regulatoryVersion\":\"FOO\"}",
                "VERSION_UNKNOWN");

        byte[] pdf = http.getForObject("/api/v1/disputes/collective-contracts/" + id + "/report?format=pdf"
                                       + "&asOf=2029-07-01", byte[].class);
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text).contains("Contrat collectif").contains("SISA").contains("49 545,21");
        }

        // the caisse's agent reads the company's payments; another caisse's agent finds nothing
        HttpHeaders agent = new HttpHeaders();
        agent.setBearerAuth(operator.token("agent-" + caisse, List.of("CPAM_AGENT"), caisse));
        ResponseEntity<Map> own = http.exchange("/api/v1/payments/collective-contracts/" + id, HttpMethod.GET,
                                                new HttpEntity<>(agent), Map.class);
        assertThat(own.getStatusCode().value()).isEqualTo(200);
        HttpHeaders other = new HttpHeaders();
        other.setBearerAuth(operator.token("agent-other", List.of("CPAM_AGENT"), "T000001"));
        for (String path : List.of("/api/v1/payments/collective-contracts/", "/api/v1/disputes/collective-contracts/",
                                   "/api/v1/assistants/")) {
            String target = path + (path.endsWith("assistants/") ? assistant : id);
            assertThat(http.exchange(target, HttpMethod.GET, new HttpEntity<>(other), Map.class).getStatusCode()
                           .value()).as(target).isEqualTo(404);
        }

        // another caisse's agent cannot hire for the group either
        HttpHeaders otherJson = new HttpHeaders();
        otherJson.putAll(other);
        otherJson.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        assertThat(http.exchange("/api/v1/assistants", HttpMethod.POST, new HttpEntity<>("""
                {"contractIds":["%s"],"employerType":"SISA","permanentContract":true,"weeklyHours":35,
                 "hiredOn":"2029-06-01"}""".formatted(id), otherJson), Map.class).getStatusCode().value())
                .isEqualTo(404);
        assertThat(http.exchange("/api/v1/disputes/collective-contracts/" + id + "/report", HttpMethod.GET,
                                 new HttpEntity<>(other), byte[].class).getStatusCode().value()).isEqualTo(404);

        // the group's assistant leaves: no individual contract's procedure is attempted on the group's contract
        ok("/api/v1/assistants/" + assistant + "/departure", "{\"on\":\"2029-06-15\",\"code\":\"RESIGNATION\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> Processors.caughtUp(http, "contracting-policies"));
        Map parked = http.getForObject("/api/v1/admin/dead-letters/contracting-policies", Map.class);
        assertThat(((List<Map>) parked.get("letters")).stream().map(l -> String.valueOf(l.get("sequence")))
                       .filter(sequence -> sequence.contains(assistant)).toList()).isEmpty();

        // replayed from the events, the views come back the same
        Map viewBefore = get("/api/v1/collective-contracts/" + id);
        Map scheduleBefore = get("/api/v1/payments/collective-contracts/" + id);
        for (String processor : List.of("collective-contracts", "payment-ledger")) {
            assertThat(http.postForEntity("/api/v1/admin/processors/" + processor + "/replay", null, Map.class)
                           .getStatusCode().value()).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> Processors.caughtUp(http, "collective-contracts")
                                                           && Processors.caughtUp(http, "payment-ledger"));
        assertThat(get("/api/v1/collective-contracts/" + id)).isEqualTo(viewBefore);
        assertThat(get("/api/v1/payments/collective-contracts/" + id)).isEqualTo(scheduleBefore);
    }

    @SuppressWarnings("rawtypes")
    private Map get(String path) {
        ResponseEntity<Map> answer = http.getForEntity(path, Map.class);
        return answer.getStatusCode().is2xxSuccessful() ? answer.getBody() : null;
    }
}

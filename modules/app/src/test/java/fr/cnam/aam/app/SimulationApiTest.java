package fr.cnam.aam.app;

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

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The two simulations over HTTP, with the field names of the published JSON contract. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SimulationApiTest {

    @Autowired
    TestRestTemplate http;

    private ResponseEntity<Map> post(String path, String json) {
        return JsonPost.post(http, path, json);
    }

    @Test
    void eligibilityOfTheContractExample() {
        ResponseEntity<Map> r = post("/api/v1/simulations/eligibility", """
                {"date":"2023-06-01","specialty":"MEDECINE_GENERALE","sector":"SECTOR_1","mtPatients":800,
                 "fileActive":1500,"departement":"75","priorityZone":false,"groupPractice":true,
                 "coordinatedPractice":true,"newlyInstalled":false,"age":50}
                """);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(r.getBody()).containsEntry("status", "ELIGIBLE").containsEntry("regulatoryVersion", "RA_2023");
        assertThat((List<Object>) r.getBody().get("options")).containsExactly("HALF_TIME", "FULL_TIME");
        Map<?, ?> threshold = ((List<Map<?, ?>>) r.getBody().get("reasons")).stream()
                .filter(m -> "threshold.mtPatients.MEDECINE_GENERALE".equals(m.get("parameter"))).findFirst()
                .orElseThrow();
        assertThat(threshold.get("confidence")).isEqualTo("confirmed");
        assertThat(threshold.get("source").toString()).contains("S21");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCollectiveAidOfAGroupOfThreeGpsFinancingTwoEtp() {
        // regulation.md §3b (S38, secondary): average MT ≥ 775 (700 + 800 + 825 = 3 × 775); 38 000 / 28 000 /
        // 22 000 € per ETP; objectives +260 MT and +110 file active per ETP; year 3 reached +390 / +220: pro rata
        // of the mean of 75 % and 100 % (the combination is an unverified inference, flagged)
        ResponseEntity<Map> r = post("/api/v1/simulations/collective", """
                {"date":"2026-04-01","structure":"SCM","etp":2,"approvedTrainingSite":false,
                 "members":[{"rpps":"A","specialty":"MEDECINE_GENERALE","sector":"SECTOR_1","mtPatients":700,"fileActive":1400},
                            {"rpps":"B","specialty":"MEDECINE_GENERALE","sector":"SECTOR_2_OPTAM","mtPatients":800,"fileActive":1500},
                            {"rpps":"C","specialty":"MEDECINE_GENERALE","sector":"SECTOR_1","mtPatients":825,"fileActive":1600}],
                 "achieved":{"contractYear":3,"mtPatients":390,"fileActive":220}}
                """);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(r.getBody()).containsEntry("status", "ELIGIBLE").containsEntry("regulatoryVersion", "COLLECTIVE_2026")
                               .containsEntry("averageMtPatients", 775.0).containsEntry("usesUnverifiedValues", true);
        assertThat(r.getBody().get("etpCap")).isEqualTo(3);
        List<Map<String, Object>> years = (List<Map<String, Object>>) r.getBody().get("years");
        assertThat(years).extracting(y -> y.get("aid")).containsExactly(76000.0, 56000.0, 44000.0, 44000.0, 44000.0);
        assertThat(years.get(2)).containsEntry("appliedRate", 87.5).containsEntry("modulatedAid", 38500.0);
        Map<String, Object> objectives = (Map<String, Object>) r.getBody().get("objectives");
        assertThat(objectives).containsEntry("mtPatientsIncrease", 520).containsEntry("fileActiveIncrease", 220);

        ResponseEntity<Map> tooMany = post("/api/v1/simulations/collective", """
                {"date":"2026-04-01","structure":"SEL","etp":4,
                 "members":[{"rpps":"A","specialty":"MEDECINE_GENERALE","sector":"SECTOR_1","mtPatients":900,"fileActive":1400},
                            {"rpps":"B","specialty":"MEDECINE_GENERALE","sector":"SECTOR_1","mtPatients":900,"fileActive":1500},
                            {"rpps":"C","specialty":"MEDECINE_GENERALE","sector":"SECTOR_1","mtPatients":900,"fileActive":1600}]}
                """);
        assertThat(tooMany.getBody()).containsEntry("status", "NOT_ELIGIBLE");
        assertThat((List<Map<String, Object>>) tooMany.getBody().get("reasons")).extracting(x -> x.get("code"))
                .contains("ETP_ABOVE_CAP", "STRUCTURE_NOT_ELIGIBLE");
        assertThat(post("/api/v1/simulations/collective", """
                {"date":"2026-04-01","structure":"SCM","etp":2.0001,"members":[{"rpps":"A",
                 "specialty":"MEDECINE_GENERALE","sector":"SECTOR_1","mtPatients":900,"fileActive":1400}]}
                """).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        // a member installed in 2010 is a member like another; one installed after the date is not yet one
        ResponseEntity<Map> longInstalled = post("/api/v1/simulations/collective", """
                {"date":"2026-04-01","structure":"SCM","etp":1,"members":[{"rpps":"A","installedOn":"2010-09-01",
                 "specialty":"MEDECINE_GENERALE","sector":"SECTOR_1","mtPatients":900,"fileActive":1400}]}
                """);
        assertThat(longInstalled.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post("/api/v1/simulations/collective", """
                {"date":"2026-04-01","structure":"SCM","etp":1,"members":[{"rpps":"A","installedOn":"2026-05-01",
                 "specialty":"MEDECINE_GENERALE","sector":"SECTOR_1","mtPatients":900,"fileActive":1400}]}
                """).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post("/api/v1/simulations/collective", """
                {"date":"2026-04-01","structure":"scm","etp":1,"members":[{"rpps":"A",
                 "specialty":"MEDECINE_GENERALE","sector":"SECTOR_1","mtPatients":900,"fileActive":1400}]}
                """).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<Map> beforeItsStart = post("/api/v1/simulations/collective", """
                {"date":"2026-02-24","structure":"SCM","etp":1,"members":[{"rpps":"A",
                 "specialty":"MEDECINE_GENERALE","sector":"SECTOR_1","mtPatients":900,"fileActive":1400}]}
                """);
        assertThat(beforeItsStart.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    }

    @Test
    void aidOfSeed000InEurosWithTwoDecimals() {
        // SEED-000: 36 000 € then 27 000 €; an assistant costing 2 388 €/month costs 28 656 €/year: net −7 344 €
        ResponseEntity<Map> r = post("/api/v1/simulations/aid", """
                {"date":"2023-06-01","option":"FULL_TIME","activityBand":"P70_P90","initialMtPatients":1300,
                 "initialFileActive":2000,"monthlyEmployerCost":2388.00}
                """);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(r.getBody()).containsEntry("regulatoryVersion", "RA_2023").containsKey("objectives")
                               .containsKey("payments");
        List<Map<String, Object>> years = (List<Map<String, Object>>) r.getBody().get("years");
        assertThat(years).hasSize(5);
        assertThat(years.get(0)).containsEntry("year", 1).containsEntry("aid", 36000.0)
                                .containsEntry("employerCost", 28656.0).containsEntry("netCost", -7344.0);
        assertThat(years.get(1)).containsEntry("aid", 27000.0).containsEntry("netCost", 1656.0);
        Map<?, ?> objectives = (Map<?, ?>) r.getBody().get("objectives");
        assertThat(objectives.get("computed")).isEqualTo(true);
        // worked example 2 (SEED-000): 1 300 MT patients, full time → +260
        Map<?, ?> mt = ((List<Map<?, ?>>) objectives.get("criteria")).get(0);
        assertThat(mt.get("criterion")).isEqualTo("MT_PATIENTS");
        assertThat(mt.get("target")).isEqualTo(1560);
        assertThat(r.getBody().get("usesUnverifiedValues")).isEqualTo(true);
        String raw = http.exchange("/api/v1/simulations/aid", org.springframework.http.HttpMethod.POST,
                new HttpEntity<>("{\"date\":\"2023-06-01\",\"option\":\"FULL_TIME\",\"activityBand\":\"P70_P90\"}",
                                 jsonHeaders()), String.class).getBody();
        assertThat(raw).contains("\"aid\":36000.00");
    }

    @Test
    void achievedCountsModulateTheAidFromYearThree() {
        // SEED-004: below 75 % of the objective the aid falls with the achievement rate (a 1/3 ETP, 2019, P30–P50:
        // +20 % of 1 000 file active = 1 200; 1 100 is half-way)
        ResponseEntity<Map> r = post("/api/v1/simulations/aid", """
                {"date":"2020-01-15","option":"ONE_THIRD_TIME","activityBand":"P30_P50","specialty":"CARDIOLOGIE",
                 "initialFileActive":1000,"achievedFileActive":1100}
                """);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> years = (List<Map<String, Object>>) r.getBody().get("years");
        assertThat(years.get(1)).containsEntry("modulatedAid", 9000.0);
        assertThat(years.get(2)).containsEntry("achievementRate", 50).containsEntry("aid", 7000.0)
                                .containsEntry("modulatedAid", 3500.0);
    }

    @Test
    void badInputIsA400NamingTheFieldAndAClosedOptionA422() {
        ResponseEntity<Map> unknownSpecialty = post("/api/v1/simulations/eligibility",
                "{\"date\":\"2023-06-01\",\"specialty\":\"ASTROLOGIE\",\"sector\":\"SECTOR_1\"}");
        assertThat(unknownSpecialty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownSpecialty.getBody().get("detail").toString()).contains("specialty");

        ResponseEntity<Map> missingDate = post("/api/v1/simulations/aid",
                "{\"option\":\"FULL_TIME\",\"activityBand\":\"P70_P90\"}");
        assertThat(missingDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missingDate.getBody().get("detail").toString()).contains("date");

        ResponseEntity<Map> oneThird = post("/api/v1/simulations/aid",
                "{\"date\":\"2023-06-01\",\"option\":\"ONE_THIRD_TIME\",\"activityBand\":\"P70_P90\"}");
        assertThat(oneThird.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(oneThird.getBody()).containsEntry("rule", "OPTION_NOT_OPEN");

        ResponseEntity<Map> beforeAnyVersion = post("/api/v1/simulations/aid",
                "{\"date\":\"2018-06-01\",\"option\":\"FULL_TIME\",\"activityBand\":\"P70_P90\"}");
        // refused at the edge since issue 11: no date of this API lies before the scheme's first version
        assertThat(beforeAnyVersion.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(beforeAnyVersion.getBody()).containsEntry("rule", "DATE_BEFORE_SCHEME");
    }

    private static HttpHeaders jsonHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }
}

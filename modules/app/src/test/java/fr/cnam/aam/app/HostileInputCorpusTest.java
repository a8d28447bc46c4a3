package fr.cnam.aam.app;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile requests at every POST endpoint of the published OpenAPI document — so that a new endpoint cannot escape
 * — each of them wrong in one way: not JSON, trailing text, a key twice, then for each field of the request a value
 * of the wrong kind, out of range or too long. Each must be refused with a 4xx problem+json (the right rule where
 * the refusal is the body's), nothing may answer 5xx, and no event may be written for the corpus's identifiers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@SuppressWarnings({"rawtypes", "unchecked"})
class HostileInputCorpusTest {

    private static final String ID = "corpus-x";
    private static final Pattern DATE_RULES = Pattern.compile("DATE_INVALID|DATE_BEFORE_SCHEME|DATE_TOO_FAR_AHEAD");

    /** One request of the corpus and what its refusal must say. */
    record Hostile(String path, String body, String why, Pattern rule) {
        @Override
        public String toString() {
            return "POST " + path + " (" + why + ") " + abbreviate(body);
        }
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestOperatorTokens tokens;
    @Autowired
    MongoClient mongo;
    @Autowired
    MongoProperties mongoProperties;

    @Test
    void everyHostileRequestIsRefusedWithAProblemAndWritesNothing() {
        Map<String, Object> api = http.getForObject("/v3/api-docs", Map.class);
        List<Hostile> corpus = corpus(api);
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(300);

        List<String> failures = new ArrayList<>();
        for (Hostile hostile : corpus) {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            ResponseEntity<Map> answer = http.exchange(hostile.path(), HttpMethod.POST,
                                                       new HttpEntity<>(hostile.body(), headers), Map.class);
            int status = answer.getStatusCode().value();
            String type = String.valueOf(answer.getHeaders().getContentType());
            Object rule = answer.getBody() == null ? null : answer.getBody().get("rule");
            if (status < 400 || status >= 500 || !type.startsWith("application/problem+json")) {
                failures.add(status + " " + type + " ← " + hostile);
            } else if (hostile.rule() != null && status == 400
                       && (rule == null || !hostile.rule().matcher(rule.toString()).matches())) {
                failures.add("rule " + rule + " ← " + hostile);
            }
        }
        assertThat(failures).as(failures.size() + " of " + corpus.size() + " hostile requests").isEmpty();
        long written = mongo.getDatabase(mongoProperties.getMongoClientDatabase()).getCollection("domain_events")
                            .countDocuments(Filters.regex("aggregateIdentifier", "corpus"));
        assertThat(written).as("events written by the corpus").isZero();
    }

    /** The requests issue 11 measured answering 500 or being recorded: each refused, naming the field. */
    @Test
    void theRequestsThatAnswered500AreRefusedNamingTheField() {
        for (String step : List.of("training", "qualifications", "absences", "departure", "secretary-replacement")) {
            ResponseEntity<Map> noCode = JsonPost.post(http, "/api/v1/assistants/Assistant:corpus-a/" + step,
                                                       "{\"on\":\"2024-03-01\"}");
            assertThat(noCode.getStatusCode().value()).as(step).isEqualTo(400);
            assertThat(noCode.getBody().get("errors").toString()).as(step).contains("field=code");
        }
        ResponseEntity<Map> overflowTwice = JsonPost.post(http, "/api/v1/contracts/Contract:corpus-c/activity",
                "{\"contractYear\":1,\"contractYear\":99999999999999999999,\"mtPatients\":10}");
        assertThat(overflowTwice.getStatusCode().value()).isEqualTo(400);
        ResponseEntity<Map> farFuture = JsonPost.post(http, "/api/v1/contracts/Contract:corpus-c/suspensions",
                "{\"avenantReference\":\"AV-1\",\"reason\":\"r\",\"effectiveOn\":\"9999-12-31\"}");
        assertThat(farFuture.getStatusCode().value()).isEqualTo(400);
        assertThat(farFuture.getBody()).containsEntry("rule", "DATE_TOO_FAR_AHEAD");
        ResponseEntity<Map> hugeReason = JsonPost.post(http, "/api/v1/contracts/Contract:corpus-c/suspensions",
                "{\"avenantReference\":\"AV-1\",\"reason\":\"" + "r".repeat(1_000_000)
                + "\",\"effectiveOn\":\"2024-03-01\"}");
        assertThat(hugeReason.getStatusCode().value()).isEqualTo(413);
        assertThat(hugeReason.getBody()).containsEntry("rule", "BODY_TOO_LARGE");
        // the same, chunked (no Content-Length for the filter to read): the parser stops at the limit
        byte[] chunked = ("{\"avenantReference\":\"AV-1\",\"reason\":\"" + "r".repeat(200_000)
                          + "\",\"effectiveOn\":\"2024-03-01\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try {
            java.net.http.HttpResponse<String> streamed = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                    http.getRootUri() + "/api/v1/contracts/Contract:corpus-c/suspensions"))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + tokens.token(TestOperatorTokens.ALL_ROLES, "751"))
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                                    () -> new java.io.ByteArrayInputStream(chunked)))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(streamed.statusCode()).isEqualTo(400);
            assertThat(streamed.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
        // null where a list element or a map value is expected (these answered 500)
        assertThat(JsonPost.post(http, "/api/v1/rulebook/revisions",
                "{\"revision\":\"corpus-r\",\"reason\":\"r\",\"values\":[null]}").getStatusCode().value())
                .isEqualTo(400);
        ResponseEntity<Map> nullValue = JsonPost.post(http, "/api/v1/rulebook/revisions",
                "{\"revision\":\"corpus-r\",\"reason\":\"r\",\"values\":[{\"parameter\":"
                + "\"threshold.mtPatients.MEDECINE_GENERALE\",\"version\":\"CONV_2024\",\"from\":\"2024-06-22\","
                + "\"value\":null,\"source\":\"s\",\"confidence\":\"confirmed\"}]}");
        assertThat(nullValue.getStatusCode().value()).isIn(400, 422);
        assertThat(JsonPost.post(http, "/api/v1/contracts/Contract:corpus-c/objectives",
                "{\"avenantReference\":\"AV-O\",\"effectiveOn\":\"2024-03-01\",\"targets\":{\"MT_PATIENTS\":null}}")
                           .getStatusCode().value()).isEqualTo(400);
        ResponseEntity<Map> noCalendar = http.getForEntity("/api/v1/contracts/Contract:corpus-none/deadlines",
                                                           Map.class);
        assertThat(noCalendar.getStatusCode().value()).isEqualTo(404); // was 200 []
        // refused by the container itself: still problem+json, not Tomcat's HTML page
        for (String raw : List.of("/api/v1/contracts/a%2Fb", "/api/v1/contracts?caisse[$ne]=x",
                                  "/api/v1/contracts?caisse=" + "x".repeat(20_000))) {
            ResponseEntity<String> refused = http.getRestTemplate().exchange(
                    java.net.URI.create(http.getRootUri() + raw), HttpMethod.GET, null, String.class);
            assertThat(refused.getStatusCode().value()).as(raw).isEqualTo(400);
            assertThat(String.valueOf(refused.getHeaders().getContentType())).as(raw)
                    .startsWith("application/problem+json");
        }
    }

    private List<Hostile> corpus(Map<String, Object> api) {
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) api.get("components"))
                .get("schemas");
        List<Hostile> corpus = new ArrayList<>();
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) api.get("paths");
        for (var entry : paths.entrySet()) {
            Map<String, Object> post = (Map<String, Object>) entry.getValue().get("post");
            if (post == null || post.get("requestBody") == null) {
                continue;
            }
            String path = entry.getKey().replaceAll("\\{[^}]+}", "Contract:corpus-unknown");
            Map<String, Object> fields = fields(post, schemas);
            Map<String, Object> plausible = new LinkedHashMap<>();
            fields.forEach((name, schema) -> plausible.put(name, plausible((Map<String, Object>) schema)));
            String json = toJson(plausible);
            corpus.add(new Hostile(path, "{\"" + (fields.isEmpty() ? "a" : fields.keySet().iterator().next())
                                         + "\":", "not JSON", null));
            corpus.add(new Hostile(path, json + " trailing", "text after the JSON", null));
            corpus.add(new Hostile(path, "[" + json + "]", "an array, not an object", null));
            if (!fields.isEmpty()) {
                String first = fields.keySet().iterator().next();
                corpus.add(new Hostile(path, json.substring(0, json.length() - 1)
                                             + (plausible.isEmpty() ? "" : ",") + "\"" + first + "\":"
                                             + toJson(plausible.get(first)) + "}", "key " + first + " twice", null));
            }
            for (var field : fields.entrySet()) {
                for (var bad : badValues((Map<String, Object>) field.getValue()).entrySet()) {
                    Map<String, Object> body = new LinkedHashMap<>(plausible);
                    body.put(field.getKey(), new Raw(bad.getKey()));
                    corpus.add(new Hostile(path, toJson(body), field.getKey() + " = " + abbreviate(bad.getKey()),
                                           bad.getValue()));
                }
            }
        }
        return corpus;
    }

    private static Map<String, Object> fields(Map<String, Object> post, Map<String, Object> schemas) {
        Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) post.get("requestBody"))
                .get("content");
        Map<String, Object> media = (Map<String, Object>) content.values().iterator().next();
        Map<String, Object> schema = resolve((Map<String, Object>) media.get("schema"), schemas);
        Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
        Map<String, Object> resolved = new LinkedHashMap<>();
        if (properties != null) {
            properties.forEach((name, p) -> resolved.put(name, resolve((Map<String, Object>) p, schemas)));
        }
        return resolved;
    }

    private static Map<String, Object> resolve(Map<String, Object> schema, Map<String, Object> schemas) {
        Object ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        String name = ref.toString().substring(ref.toString().lastIndexOf('/') + 1);
        return (Map<String, Object>) schemas.get(name);
    }

    /** Issue 11 measured free-text caisses and an unknown specialty recorded: refused by the referentials. */
    @Test
    void aCaisseOrSpecialtyOrDepartementOutsideTheReferentialsIsRefusedByItsRule() {
        String assessment = """
                {"assessmentId":"corpus-ref","rpps":"%s","caisseCode":%s,"date":"2024-03-01",
                 "specialty":"%s","sector":"SECTOR_1","mtPatients":1300,"fileActive":2000,"departement":"%s",
                 "age":50}""";
        String rpps = Signatures.newRpps();
        for (String caisse : List.of("\"$where\"", "\"../../../etc/passwd\"", "\"<script>\"", "\"999\"",
                                     "\"201A\"", "\" 751\"")) {
            ResponseEntity<Map> refused = JsonPost.post(http, "/api/v1/eligibility/assessments",
                    assessment.formatted(rpps, caisse, "MEDECINE_GENERALE", "75"));
            assertThat(refused.getStatusCode().value()).as(caisse).isEqualTo(422);
            assertThat(refused.getBody()).as(caisse).containsEntry("rule", "CAISSE_UNKNOWN");
        }
        ResponseEntity<Map> astrology = JsonPost.post(http, "/api/v1/eligibility/assessments",
                assessment.formatted(rpps, "\"751\"", "ASTROLOGIE", "75"));
        assertThat(astrology.getBody()).containsEntry("rule", "SPECIALTY_UNKNOWN"); // was SPECIALTY_ELIGIBLE
        for (String departement : List.of("20", "975", "00", "96")) {
            ResponseEntity<Map> nowhere = JsonPost.post(http, "/api/v1/eligibility/assessments",
                    assessment.formatted(rpps, "\"751\"", "MEDECINE_GENERALE", departement));
            assertThat(nowhere.getStatusCode().value()).as(departement).isIn(400, 422);
        }
        ResponseEntity<Map> signature = JsonPost.post(http, "/api/v1/contracts", """
                {"contractId":"corpus-ref","assessmentId":"corpus-ref","rpps":"%s","caisseCode":"{\\"$gt\\":1}",
                 "departement":"75","option":"FULL_TIME","activityBand":"P50_P70","initialMtPatients":1300,
                 "initialFileActive":2000,"signedOn":"2024-03-01"}""".formatted(rpps));
        assertThat(signature.getBody()).containsEntry("rule", "CAISSE_UNKNOWN");
        for (String list : List.of("/api/v1/contracts?caisse=%3Cscript%3E", "/api/v1/payments/orders?caisse=x",
                                   "/api/v1/payments/overdue?caisse=$where", "/api/v1/payments/ledger?caisse=zz",
                                   "/api/v1/assistants/deadlines?caisse=..%2F..")) {
            ResponseEntity<Map> filter = http.getForEntity(java.net.URI.create(http.getRootUri() + list), Map.class);
            assertThat(filter.getStatusCode().value()).as(list).isEqualTo(422);
            assertThat(filter.getBody()).as(list).containsEntry("rule", "CAISSE_UNKNOWN");
        }
        // a field the request has not is refused by name: a body contractId is not a second, silent identifier
        for (String body : List.of(
                "{\"contractId\":\"Contract:someone-else\",\"avenantReference\":\"AV-1\",\"reason\":\"r\","
                + "\"effectiveOn\":\"2024-03-01\"}",
                "{\"avenantReference\":\"AV-1\",\"reason\":\"r\",\"efectiveOn\":\"2024-03-01\"}")) {
            ResponseEntity<Map> extra = JsonPost.post(http, "/api/v1/contracts/Contract:corpus-c/suspensions", body);
            assertThat(extra.getStatusCode().value()).as(body).isEqualTo(400);
            assertThat(extra.getBody()).as(body).containsEntry("rule", "FIELD_UNKNOWN");
            assertThat(extra.getBody().get("errors").toString()).contains("field=" + (body.contains("efective")
                                                                                      ? "efectiveOn" : "contractId"));
        }
        // the caisses of the referential are taken: Paris, Guadeloupe's CGSS, Mayotte's CSS
        for (String caisse : List.of("751", "971", "976")) {
            assertThat(http.getForEntity("/api/v1/contracts?caisse=" + caisse, Map.class).getStatusCode().value())
                    .as(caisse).isEqualTo(200);
        }
    }

    private static Object plausible(Map<String, Object> schema) {
        String type = String.valueOf(schema.get("type"));
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return values.get(0);
        }
        return switch (type) {
            case "string" -> "date".equals(schema.get("format")) ? "2024-01-01" : ID;
            case "integer" -> 1;
            case "number" -> 1.0;
            case "boolean" -> false;
            case "array" -> List.of();
            default -> Map.of();
        };
    }

    /** For a field of this schema: wrong values, each with the rule its refusal must name (null: any 4xx). */
    private static Map<String, Pattern> badValues(Map<String, Object> schema) {
        Map<String, Pattern> bad = new LinkedHashMap<>();
        String type = String.valueOf(schema.get("type"));
        Pattern text = Pattern.compile("TEXT_EXPECTED|TEXT_TOO_LONG");
        switch (type) {
            case "string" -> {
                if (schema.get("enum") != null || "date-time".equals(schema.get("format"))) {
                    bad.put("12345", null);
                    bad.put("\"NOT_A_VALUE_" + "X".repeat(3_000) + "\"", null);
                    bad.put("{\"$gt\":\"\"}", null);
                } else if ("date".equals(schema.get("format"))) {
                    for (String date : List.of("\"9999-12-31\"", "\"+100000-01-01\"", "\"0000-01-01\"",
                                               "\"2019-01-01\"", "\"2024-02-30\"", "\"2024-1-1\"", "20240101",
                                               "\"\"", "\"2024-01-01T00:00:00Z\"")) {
                        bad.put(date, DATE_RULES);
                    }
                } else {
                    bad.put("12345", text);
                    bad.put("true", text);
                    bad.put("\"" + "x".repeat(5_000) + "\"", text);
                    bad.put("{\"$gt\":\"\"}", text);
                    bad.put("[\"a\"]", null);
                }
            }
            case "integer" -> {
                bad.put("1.5", null);
                bad.put("\"12\"", null);
                bad.put("99999999999999999999", null);
                bad.put("true", null);
                bad.put("\"\"", null);
                bad.put("\"  \"", null);
            }
            case "number" -> {
                bad.put("\"1.5\"", null);
                bad.put("true", null);
            }
            case "boolean" -> {
                bad.put("\"true\"", null);
                bad.put("1", null);
                bad.put("\"\"", null);
            }
            default -> bad.put("\"not " + type + "\"", null);
        }
        return bad;
    }

    /** A value written into the JSON as it is. */
    private record Raw(String json) {
    }

    private static String toJson(Object value) {
        if (value instanceof Raw raw) {
            return raw.json();
        }
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        if (value instanceof Map<?, ?> map) {
            List<String> members = new ArrayList<>();
            map.forEach((k, v) -> members.add("\"" + k + "\":" + toJson(v)));
            return "{" + String.join(",", members) + "}";
        }
        if (value instanceof List<?> list) {
            return "[" + String.join(",", list.stream().map(HostileInputCorpusTest::toJson).toList()) + "]";
        }
        return String.valueOf(value);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 120) + "…(" + text.length() + " chars)" : text;
    }
}

package fr.cnam.aam.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document is published: docs/api/openapi.json is the contract clients generate from (the build
 * generates one and tests it). The served document must be the committed one; a change to the API shows up here
 * and is committed on purpose (fields are added, never renamed or dropped: docs/api.md).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PublishedOpenApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final Path COMMITTED = Path.of("../../docs/api/openapi.json");
    static final Path SERVED = Path.of("target/openapi-served.json");

    @Autowired
    TestRestTemplate http;

    @Test
    void theServedDocumentIsTheCommittedOne() throws Exception {
        ObjectNode served = (ObjectNode) JSON.readTree(http.getForObject("/v3/api-docs", String.class));
        served.remove("servers"); // the test's random port
        Files.writeString(SERVED, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n");
        assertThat(Files.exists(COMMITTED)).as("docs/api/openapi.json is committed").isTrue();
        JsonNode committed = JSON.readTree(COMMITTED.toFile());
        assertThat(served).as("the served OpenAPI differs from docs/api/openapi.json: if the change is intended, "
                              + "copy modules/app/" + SERVED + " over it").isEqualTo(committed);
        assertThat(served.at("/components/securitySchemes/bearer-jwt/scheme").asText()).isEqualTo("bearer");
        assertThat(served.at("/components/securitySchemes/oauth2-client-credentials/flows/clientCredentials/tokenUrl")
                         .asText()).isEqualTo("/oauth2/token");
    }
}

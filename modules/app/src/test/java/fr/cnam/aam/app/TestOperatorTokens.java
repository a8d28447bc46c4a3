package fr.cnam.aam.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import fr.cnam.aam.app.security.CaisseOfResource;
import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The functional tests call the API as a test operator holding every role, signed by the demo authorization
 * server's key; its caisse is the one the request is about (the body's caisseCode, the caisse filter, or the
 * caisse of the contract, assessment or assistant in the path), so that the agent's own-caisse rule lets it act.
 * Who may do what is not these tests' subject: {@code SecurityMatrixTest} walks it with real tokens from
 * {@code /oauth2/token}, role by role. A request that already carries an Authorization header is left alone.
 */
@Component
class TestOperatorTokens implements RestTemplateCustomizer {

    static final List<String> ALL_ROLES = List.of("CPAM_AGENT", "PAYMENT_SYSTEM", "STATISTICS", "AUDITOR", "ADMIN");
    private static final Pattern CONTRACT = Pattern.compile("/api/v1/(?:payments/|disputes/)?contracts/([^/?]+).*");
    private static final Pattern ASSESSMENT = Pattern.compile("/api/v1/eligibility/assessments/([^/?]+)");
    private static final Pattern ASSISTANT = Pattern.compile("/api/v1/assistants/([^/?]+).*");
    private static final Pattern COLLECTIVE =
            Pattern.compile("/api/v1/(?:payments/|disputes/)?collective-contracts/([^/?]+).*");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NimbusJwtEncoder encoder;
    private final CaisseOfResource caisses;

    TestOperatorTokens(JWKSource<SecurityContext> keys, CaisseOfResource caisses) {
        this.encoder = new NimbusJwtEncoder(keys);
        this.caisses = caisses;
    }

    /** A bearer token for {@code roles}, and {@code caisse} when not null. */
    String token(List<String> roles, String caisse) {
        return token("test-operator", roles, caisse);
    }

    /** A bearer token for {@code subject} (a user or client id) with {@code roles} and {@code caisse}. */
    String token(String subject, List<String> roles, String caisse) {
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().subject(subject).issuedAt(Instant.now())
                                                  .expiresAt(Instant.now().plusSeconds(3600))
                                                  .claim("roles", roles);
        if (caisse != null) {
            claims.claim("caisse", caisse);
        }
        return encoder.encode(JwtEncoderParameters.from(claims.build())).getTokenValue();
    }

    @Override
    public void customize(org.springframework.web.client.RestTemplate restTemplate) {
        restTemplate.getInterceptors().add((request, body, execution) -> {
            if (!request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
                request.getHeaders().setBearerAuth(token(ALL_ROLES, caisseOf(request, body)));
            }
            return execution.execute(request, body);
        });
    }

    private String caisseOf(HttpRequest request, byte[] body) {
        String fromBody = null;
        try {
            JsonNode json = body == null || body.length == 0 ? null : JSON.readTree(body);
            if (json != null && json.hasNonNull("caisseCode")) {
                return json.get("caisseCode").asText();
            }
            if (json != null && json.path("contractIds").isArray() && !json.path("contractIds").isEmpty()) {
                fromBody = caisses.ofAnyContract(json.path("contractIds").get(0).asText());
            }
        } catch (IOException | RuntimeException notJson) {
            // a hostile body: no caisse from it
        }
        if (fromBody != null) {
            return fromBody;
        }
        String filter = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams().getFirst("caisse");
        if (filter != null) {
            return filter;
        }
        String path = request.getURI().getRawPath();
        String owner = null;
        try {
            Matcher m = CONTRACT.matcher(path);
            if (m.matches()) {
                owner = caisses.ofContract(m.group(1));
            } else if ((m = ASSESSMENT.matcher(path)).matches()) {
                owner = caisses.ofAssessment(m.group(1));
            } else if ((m = ASSISTANT.matcher(path)).matches()) {
                owner = caisses.ofAssistant(m.group(1));
            } else if ((m = COLLECTIVE.matcher(path)).matches()) {
                owner = caisses.ofCollectiveContract(m.group(1));
            }
        } catch (RuntimeException unreadable) {
            // an id the API will refuse
        }
        return owner != null ? owner : "751";
    }
}

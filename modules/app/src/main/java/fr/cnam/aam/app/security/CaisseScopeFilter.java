package fr.cnam.aam.app.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.cnam.aam.app.web.CachedBodyRequest;
import fr.cnam.aam.app.web.ProblemJson;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CPAM agent acts for its own caisse only (architecture.md). Runs after authentication, when the agent role is
 * what grants the request (an auditor reads every caisse, the payment system its payments):
 * <ul>
 * <li>a contract, assessment or assistant of another caisse named in the path → 404, as if it did not exist;</li>
 * <li>a {@code caisse} list filter naming another caisse, or a creation whose {@code caisseCode} is another's →
 * 403 {@code CAISSE_NOT_YOURS}; without a filter, a list is the agent's caisse's;</li>
 * <li>a hiring for a contract of another caisse → 404;</li>
 * <li>an agent token without a caisse → 403 {@code CAISSE_CLAIM_MISSING}.</li>
 * </ul>
 */
@Component
@Order(0) // after Spring Security's chain (-100): the caller is known
class CaisseScopeFilter extends OncePerRequestFilter {

    private static final Pattern CONTRACT =
            Pattern.compile("/api/v1/(?:payments/|disputes/)?contracts/([^/]+)(?:/.*)?");
    private static final Pattern ASSESSMENT = Pattern.compile("/api/v1/eligibility/assessments/([^/]+)");
    private static final Pattern ASSISTANT = Pattern.compile("/api/v1/assistants/([^/]+)(?:/.*)?");
    private static final Pattern COLLECTIVE =
            Pattern.compile("/api/v1/(?:payments/|disputes/)?collective-contracts/([^/]+)(?:/.*)?");
    private static final Pattern ACTIVITY = Pattern.compile("/api/v1/contracts/[^/]+/activity");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private final CaisseOfResource caisses;
    private final long maxBodyBytes;

    CaisseScopeFilter(CaisseOfResource caisses,
                      @org.springframework.beans.factory.annotation.Value("${aam.input.max-body-bytes:65536}")
                      long maxBodyBytes) {
        this.caisses = caisses;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * The path as the controllers see it: decoded ({@code Contract%3Ax} is {@code Contract:x} to them, so it must be
     * to this filter too, or an encoded id would walk past it).
     */
    private static String path(HttpServletRequest request) {
        return PATHS.getPathWithinApplication(request);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return !(path.startsWith("/api/v1/eligibility/") || path.startsWith("/api/v1/contracts")
                 || path.startsWith("/api/v1/assistants") || path.startsWith("/api/v1/payments/")
                 || path.startsWith("/api/v1/disputes/") || path.startsWith("/api/v1/collective-contracts")
                 || path.equals("/api/v1/feed"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller = Caller.current();
        if (caller == null || !caller.has(Roles.CPAM_AGENT) || !grantedAsAgentOnly(caller, request)) {
            chain.doFilter(request, response);
            return;
        }
        String own = caller.caisse();
        if (own == null) {
            ProblemJson.write(response, HttpStatus.FORBIDDEN, "an agent's token names its caisse (claim caisse)",
                              "CAISSE_CLAIM_MISSING");
            return;
        }
        String path = path(request);
        String owner = ownerOf(path);
        if (owner != null && !owner.equals(own)) {
            ProblemJson.write(response, HttpStatus.NOT_FOUND, "no such resource", null);
            return;
        }
        String filter = request.getParameter("caisse");
        if (filter != null && !filter.equals(own)) {
            ProblemJson.write(response, HttpStatus.FORBIDDEN, "an agent of caisse " + own + " reads its own caisse",
                              "CAISSE_NOT_YOURS");
            return;
        }
        HttpServletRequest scoped = request;
        if ("POST".equals(request.getMethod()) && isCreation(path)) {
            // the header's charset, not the request's encoding (which Boot forces to UTF-8): the JSON converter
            // reads the header
            java.nio.charset.Charset charset = charsetOf(request.getHeader("Content-Type"));
            if (charset != null && !java.nio.charset.StandardCharsets.UTF_8.equals(charset)) {
                // read here as UTF-8: another charset could be read otherwise by the controller, past these checks
                ProblemJson.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "request bodies are UTF-8 JSON",
                                  "CHARSET_UNSUPPORTED");
                return;
            }
            byte[] body = CachedBodyRequest.readAtMost(request, maxBodyBytes);
            if (body == null) {
                ProblemJson.bodyTooLarge(response, maxBodyBytes);
                return;
            }
            JsonNode json = readOrNull(body);
            if (json == null || !json.isObject()) {
                // what this filter cannot read, it cannot check: refused, not passed on
                ProblemJson.write(response, HttpStatus.BAD_REQUEST, "the request body is not a JSON object", null);
                return;
            }
            if (json.hasNonNull("caisseCode") && !own.equals(json.get("caisseCode").asText())) {
                ProblemJson.write(response, HttpStatus.FORBIDDEN, "an agent of caisse " + own + " acts for its "
                                  + "own caisse, not " + abbreviated(json.get("caisseCode").asText()),
                                  "CAISSE_NOT_YOURS");
                return;
            }
            // the records a creation names must be the agent's caisse's too: their answers would tell another
            // caisse's assessment status or doctor otherwise
            String foreign = foreignReference(json, "assessmentId", caisses::ofAssessment, own, path)
                             + foreignReference(json, "replacesAssistantId", caisses::ofAssistant, own, path);
            if (!foreign.isEmpty()) {
                ProblemJson.write(response, HttpStatus.NOT_FOUND, "no such " + foreign.trim(), null);
                return;
            }
            if (json.get("contractIds") instanceof com.fasterxml.jackson.databind.node.ArrayNode ids) {
                for (JsonNode id : ids) {
                    String caisse = id.isTextual() ? caisses.ofAnyContract(id.asText()) : null;
                    if (caisse != null && !caisse.equals(own)) {
                        ProblemJson.write(response, HttpStatus.NOT_FOUND, "no such contract: " + id.asText(),
                                          "CONTRACT_UNKNOWN");
                        return;
                    }
                }
            }
            scoped = new CachedBodyRequest(request, body);
        } else if ("GET".equals(request.getMethod()) && filter == null && isList(path)) {
            scoped = withCaisse(request, own);
        }
        chain.doFilter(scoped, response);
    }

    /** Whether the agent role is the only one of the caller's that grants this request. */
    private static boolean grantedAsAgentOnly(Caller caller, HttpServletRequest request) {
        String path = path(request);
        boolean read = "GET".equals(request.getMethod());
        if (!read && !path.startsWith("/api/v1/disputes/")) {
            return !ACTIVITY.matcher(path).matches() && !path.startsWith("/api/v1/payments/");
        }
        return !caller.has(Roles.AUDITOR)
               && !(path.startsWith("/api/v1/payments/") && caller.has(Roles.PAYMENT_SYSTEM))
               && !(path.equals("/api/v1/feed") && (caller.has(Roles.PAYMENT_SYSTEM)
                                                    || caller.has(Roles.STATISTICS)));
    }

    private String ownerOf(String path) {
        Matcher contract = CONTRACT.matcher(path);
        if (contract.matches()) {
            return caisses.ofContract(contract.group(1));
        }
        Matcher collective = COLLECTIVE.matcher(path);
        if (collective.matches()) {
            return caisses.ofCollectiveContract(collective.group(1));
        }
        Matcher assessment = ASSESSMENT.matcher(path);
        if (assessment.matches()) {
            return caisses.ofAssessment(assessment.group(1));
        }
        Matcher assistant = ASSISTANT.matcher(path);
        // only the list itself is /assistants/deadlines: an assistant whose id is "deadlines" is checked as any other
        if (assistant.matches() && !path.equals("/api/v1/assistants/deadlines")) {
            return caisses.ofAssistant(assistant.group(1));
        }
        return null;
    }

    /** The charset a Content-Type names, or null; an unreadable one counts as not UTF-8. */
    private static java.nio.charset.Charset charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        try {
            return org.springframework.http.MediaType.parseMediaType(contentType).getCharset();
        } catch (RuntimeException unreadable) {
            return java.nio.charset.StandardCharsets.ISO_8859_1;
        }
    }

    /** The field's name when it names a record of another caisse, else empty. */
    private static String foreignReference(JsonNode json, String field, java.util.function.UnaryOperator<String> owner,
                                           String own, String path) {
        if (!json.path(field).isTextual() || field.equals("assessmentId") && path.endsWith("/assessments")) {
            return ""; // an assessment's own id is the one being created
        }
        String caisse = owner.apply(json.get(field).asText());
        return caisse != null && !caisse.equals(own) ? field + " " : "";
    }

    private static boolean isCreation(String path) {
        return path.equals("/api/v1/eligibility/assessments") || path.equals("/api/v1/contracts")
               || path.equals("/api/v1/assistants") || path.equals("/api/v1/collective-contracts");
    }

    private static boolean isList(String path) {
        return path.equals("/api/v1/contracts") || path.equals("/api/v1/payments/ledger")
               || path.equals("/api/v1/payments/overdue") || path.equals("/api/v1/payments/orders")
               || path.equals("/api/v1/assistants/deadlines") || path.equals("/api/v1/feed");
    }

    private static JsonNode readOrNull(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return null; // the controller refuses it, naming what is wrong
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 16 ? text : text.substring(0, 16) + "…";
    }

    /** The request with {@code caisse} set: an agent's list is its own caisse's. */
    private static HttpServletRequest withCaisse(HttpServletRequest request, String caisse) {
        Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameterMap());
        parameters.put("caisse", new String[] {caisse});
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getParameter(String name) {
                String[] values = parameters.get(name);
                return values == null || values.length == 0 ? null : values[0];
            }

            @Override
            public Map<String, String[]> getParameterMap() {
                return Collections.unmodifiableMap(parameters);
            }

            @Override
            public java.util.Enumeration<String> getParameterNames() {
                return Collections.enumeration(parameters.keySet());
            }

            @Override
            public String[] getParameterValues(String name) {
                return parameters.get(name);
            }
        };
    }
}

package fr.cnam.aam.app.security;

import fr.cnam.aam.app.web.ProblemJson;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

import static fr.cnam.aam.app.security.Roles.ADMIN;
import static fr.cnam.aam.app.security.Roles.AUDITOR;
import static fr.cnam.aam.app.security.Roles.CPAM_AGENT;
import static fr.cnam.aam.app.security.Roles.NATIONAL_MANAGER;
import static fr.cnam.aam.app.security.Roles.PAYMENT_SYSTEM;
import static fr.cnam.aam.app.security.Roles.STATISTICS;

/**
 * The API is a resource server: every call carries a bearer JWT (from the caisse's identity provider, or the demo
 * server). Who may call what is decided here, by path and method, and anything not listed is refused — a new
 * endpoint is closed until it is classified ({@code SecurityMatrixTest} walks every endpoint of the OpenAPI
 * document × every role). Which caisse an agent may touch is {@link CaisseScopeFilter}'s. Anonymous → 401 with
 * {@code WWW-Authenticate}; a role that may not → 403; both problem+json.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET) // tools run the app without web
@EnableConfigurationProperties(SecuritySettings.class)
class ApiSecurity {

    @Bean
    @Order(3)
    SecurityFilterChain apiChain(HttpSecurity http, SecuritySettings settings) throws Exception {
        http.csrf(csrf -> csrf.disable()) // bearer tokens, no cookies: nothing for a forged request to ride on
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .oauth2ResourceServer(server -> server
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(new CallerAuthorities(settings)))
                    .authenticationEntryPoint(unauthenticated()))
            .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthenticated())
                                               .accessDeniedHandler(forbidden()))
            .authorizeHttpRequests(requests -> requests
                    .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
                    .requestMatchers("/error").permitAll()
                    .requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
                    .permitAll()
                    .requestMatchers("/actuator/**").hasRole(ADMIN)
                    .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
                                     "/swagger-ui/**").permitAll()
                    .requestMatchers("/api/v1/admin/**").hasRole(ADMIN)
                    .requestMatchers(HttpMethod.POST, "/api/v1/rulebook/revisions").hasRole(ADMIN)
                    .requestMatchers(HttpMethod.GET, "/api/v1/rulebook", "/api/v1/rulebook/**")
                    .hasAnyRole(CPAM_AGENT, PAYMENT_SYSTEM, STATISTICS, AUDITOR, ADMIN, NATIONAL_MANAGER)
                    .requestMatchers(HttpMethod.POST, "/api/v1/simulations/**")
                    .hasAnyRole(CPAM_AGENT, PAYMENT_SYSTEM, STATISTICS, AUDITOR, ADMIN)
                    .requestMatchers(HttpMethod.POST, "/api/v1/payments/order-runs",
                                     "/api/v1/payments/orders/*/answer").hasRole(PAYMENT_SYSTEM)
                    .requestMatchers(HttpMethod.GET, "/api/v1/payments/**")
                    .hasAnyRole(CPAM_AGENT, PAYMENT_SYSTEM, AUDITOR)
                    .requestMatchers(HttpMethod.POST, "/api/v1/contracts/*/activity").hasRole(STATISTICS)
                    .requestMatchers(HttpMethod.POST, "/api/v1/eligibility/**", "/api/v1/contracts",
                                     "/api/v1/contracts/**", "/api/v1/assistants", "/api/v1/assistants/**",
                                     "/api/v1/collective-contracts", "/api/v1/collective-contracts/**")
                    .hasRole(CPAM_AGENT)
                    .requestMatchers(HttpMethod.GET, "/api/v1/eligibility/**", "/api/v1/contracts",
                                     "/api/v1/contracts/**", "/api/v1/assistants", "/api/v1/assistants/**",
                                     "/api/v1/collective-contracts/**")
                    .hasAnyRole(CPAM_AGENT, AUDITOR)
                    .requestMatchers(HttpMethod.GET, "/api/v1/disputes/**").hasAnyRole(CPAM_AGENT, AUDITOR)
                    .requestMatchers(HttpMethod.POST, "/api/v1/disputes/contracts/*/what-if",
                                     "/api/v1/disputes/collective-contracts/*/what-if")
                    .hasAnyRole(CPAM_AGENT, AUDITOR)
                    .requestMatchers(HttpMethod.GET, "/api/v1/feed").hasAnyRole(CPAM_AGENT, PAYMENT_SYSTEM,
                                                                                STATISTICS, AUDITOR)
                    .requestMatchers(HttpMethod.GET, "/api/v1/dashboard", "/api/v1/dashboard/**")
                    .hasAnyRole(CPAM_AGENT, AUDITOR, NATIONAL_MANAGER)
                    // the dashboard's pages and scripts hold no figure: they log in, then read the API with a token
                    .requestMatchers(HttpMethod.GET, "/", "/dashboard", "/dashboard/**", "/webjars/**",
                                     "/default-ui.css", "/favicon.ico").permitAll() // the login page's style
                    .anyRequest().denyAll())
            // scripts only from the app itself: a value shown on a page can never run as a script
            .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                    + "connect-src 'self'; frame-ancestors 'none'; form-action 'self'")));
        return http.build();
    }

    /** 401: the bearer entry point sets {@code WWW-Authenticate}; the body is a problem. */
    private static AuthenticationEntryPoint unauthenticated() {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, e) -> {
            bearer.commence(request, response, e);
            ProblemJson.write(response, HttpStatus.UNAUTHORIZED, "a bearer token is required, and this one is not "
                              + "valid if one was sent: see README, \"Getting a token\"", "UNAUTHENTICATED");
        };
    }

    private static AccessDeniedHandler forbidden() {
        return (request, response, e) -> ProblemJson.write(response, HttpStatus.FORBIDDEN,
                "your roles do not allow " + request.getMethod() + " " + request.getRequestURI(), "ROLE_REQUIRED");
    }
}

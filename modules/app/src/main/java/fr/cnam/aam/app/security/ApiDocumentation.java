package fr.cnam.aam.app.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The published OpenAPI document names how to call: a bearer JWT, obtained by client credentials at
 * {@code /oauth2/token} (the demo server; the caisse's provider in production). Committed as
 * docs/api/openapi.json: a test fails when the served document differs.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BEARER = "bearer-jwt";
    static final String CLIENT_CREDENTIALS = "oauth2-client-credentials";

    @Bean
    OpenAPI aamOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Aide à l'emploi d'un assistant médical — internal API").version("v1")
                                .description("For caisse systems: see docs/api.md (roles, audit, feed) and "
                                             + "docs/api/events.md (published events)."))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                                                        .scheme("bearer").bearerFormat("JWT"))
                        .addSecuritySchemes(CLIENT_CREDENTIALS, new SecurityScheme()
                                .type(SecurityScheme.Type.OAUTH2)
                                .flows(new OAuthFlows().clientCredentials(new OAuthFlow().tokenUrl("/oauth2/token")
                                                                                  .scopes(new Scopes())))))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .addSecurityItem(new SecurityRequirement().addList(CLIENT_CREDENTIALS));
    }
}

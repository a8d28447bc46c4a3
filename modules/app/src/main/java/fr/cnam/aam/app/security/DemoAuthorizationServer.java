package fr.cnam.aam.app.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo authorization server (Spring Authorization Server), in the app when no external issuer is configured:
 * the systems of {@code aam.security.demo.clients} get tokens by client credentials at {@code /oauth2/token}, the
 * people of {@code aam.security.demo.users} log in at {@code /login} (authorization code with PKCE, client
 * {@code aam-web}: for the dashboards). Tokens carry {@code roles} and, for an agent, {@code caisse}. The signing
 * key is made at start (tokens do not outlive the process) unless {@code aam.security.demo.key-file} keeps it for
 * several instances ({@link DemoSigningKey}) — a demo, not an identity provider.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET) // tools run the app without web
@Conditional(NoExternalIssuer.class)
class DemoAuthorizationServer {

    static final String WEB_CLIENT = "aam-web";
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(30);

    DemoAuthorizationServer() {
        org.slf4j.LoggerFactory.getLogger(DemoAuthorizationServer.class).warn(
                "No identity provider configured: the DEMO authorization server issues tokens to the documented demo "
                + "clients and users (README). A deployment sets spring.security.oauth2.resourceserver.jwt.issuer-uri.");
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(server.getEndpointsMatcher())
            .with(server, Customizer.withDefaults())
            .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
            .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                    new LoginUrlAuthenticationEntryPoint("/login"),
                    new MediaTypeRequestMatcher(org.springframework.http.MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain loginChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/login", "/logout", "/default-ui.css") // the login page and its stylesheet
            .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
            .formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    RegisteredClientRepository demoClients(SecuritySettings settings) {
        List<RegisteredClient> clients = new ArrayList<>();
        for (SecuritySettings.Identity client : settings.demo().clients()) {
            clients.add(RegisteredClient.withId(client.id()).clientId(client.id()).clientSecret(client.secret())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(TOKEN_LIFETIME).build())
                    .clientSettings(ClientSettings.builder().setting("aam.roles", List.copyOf(client.roles()))
                                                  .setting("aam.caisse", client.caisse() == null ? ""
                                                                                                 : client.caisse())
                                                  .build())
                    .build());
        }
        clients.add(RegisteredClient.withId(WEB_CLIENT).clientId(WEB_CLIENT)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(settings.demo().webRedirectUris()))
                .clientSettings(ClientSettings.builder().requireProofKey(true).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(TOKEN_LIFETIME).build())
                .build());
        return new InMemoryRegisteredClientRepository(clients);
    }

    @Bean
    UserDetailsService demoUsers(SecuritySettings settings) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        for (SecuritySettings.Identity user : settings.demo().users()) {
            List<String> authorities = new ArrayList<>(user.roles().stream().map(r -> "ROLE_" + r).toList());
            if (user.caisse() != null) {
                authorities.add(Caller.CAISSE_PREFIX + user.caisse());
            }
            users.createUser(User.withUsername(user.id()).password(user.secret())
                                 .authorities(authorities.toArray(String[]::new)).build());
        }
        return users;
    }

    /** The roles and the caisse into the access token: from the client's settings, or the user's authorities. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> rolesAndCaisse(SecuritySettings settings) {
        return context -> {
            if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                ClientSettings client = context.getRegisteredClient().getClientSettings();
                context.getClaims().claim(settings.rolesClaim(), client.getSetting("aam.roles"));
                String caisse = client.getSetting("aam.caisse");
                if (caisse != null && !caisse.isEmpty()) {
                    context.getClaims().claim(settings.caisseClaim(), caisse);
                }
            } else {
                List<String> roles = new ArrayList<>();
                String caisse = null;
                for (GrantedAuthority authority : context.getPrincipal().getAuthorities()) {
                    String name = authority.getAuthority();
                    if (name.startsWith("ROLE_")) {
                        roles.add(name.substring(5));
                    } else if (name.startsWith(Caller.CAISSE_PREFIX)) {
                        caisse = name.substring(Caller.CAISSE_PREFIX.length());
                    }
                }
                context.getClaims().claim(settings.rolesClaim(), roles);
                if (caisse != null) {
                    context.getClaims().claim(settings.caisseClaim(), caisse);
                }
            }
        };
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(SecuritySettings settings) {
        return new ImmutableJWKSet<>(new JWKSet(DemoSigningKey.of(settings.demo().keyFile())));
    }

    /** The API checks this server's tokens with its keys, in process: no HTTP round trip to itself. */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder().build();
    }
}

package fr.cnam.aam.app.security;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * True when no identity provider is configured ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri},
 * {@code jwk-set-uri} or {@code public-key-location}): the app then hosts its own demo authorization server, so the README's run command needs
 * nothing else. In production the caisse's provider issues the tokens and the demo one does not exist.
 */
class NoExternalIssuer implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        for (String key : new String[] {"issuer-uri", "jwk-set-uri", "public-key-location"}) {
            if (StringUtils.hasText(context.getEnvironment()
                                           .getProperty("spring.security.oauth2.resourceserver.jwt." + key))) {
                return false;
            }
        }
        return true;
    }
}

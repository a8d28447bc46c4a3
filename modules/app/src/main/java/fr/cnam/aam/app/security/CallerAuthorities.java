package fr.cnam.aam.app.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A token's roles claim becomes {@code ROLE_…} authorities (only the six roles of the API: an unknown role grants
 * nothing) and its caisse claim a {@code CAISSE_…} authority; the caller's name is the token's subject.
 */
class CallerAuthorities implements Converter<Jwt, AbstractAuthenticationToken> {

    private static final List<String> KNOWN = List.of(Roles.CPAM_AGENT, Roles.PAYMENT_SYSTEM, Roles.STATISTICS,
                                                      Roles.AUDITOR, Roles.ADMIN,
                                                      Roles.NATIONAL_MANAGER);
    private final SecuritySettings settings;

    CallerAuthorities(SecuritySettings settings) {
        this.settings = settings;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
            // the subject is who acted in the audit and whose idempotency keys these are: no token without one
            throw new InvalidBearerTokenException("the token names no subject (sub)");
        }
        Collection<GrantedAuthority> authorities = new ArrayList<>();
        Object roles = jwt.getClaim(settings.rolesClaim());
        if (roles instanceof Collection<?> list) {
            list.stream().map(String::valueOf).filter(KNOWN::contains)
                .forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        }
        String caisse = jwt.getClaimAsString(settings.caisseClaim());
        if (caisse != null && !caisse.isBlank()) {
            authorities.add(new SimpleGrantedAuthority(Caller.CAISSE_PREFIX + caisse));
        }
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }
}

package fr.cnam.aam.app.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Set;
import java.util.stream.Collectors;

/** Who is calling: the token's subject (user or client id), its roles and, for an agent, its caisse. */
public record Caller(String principal, Set<String> roles, String caisse) {

    /** The authority that carries the agent's caisse, whatever the claim it came from. */
    static final String CAISSE_PREFIX = "CAISSE_";

    /** The caller of the current request, or null outside one (a scheduled task, a policy). */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken jwt)) {
            return null;
        }
        Set<String> roles = jwt.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                               .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5))
                               .collect(Collectors.toUnmodifiableSet());
        String caisse = jwt.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                           .filter(a -> a.startsWith(CAISSE_PREFIX)).map(a -> a.substring(CAISSE_PREFIX.length()))
                           .findFirst().orElse(null);
        return new Caller(jwt.getName(), roles, caisse);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }
}

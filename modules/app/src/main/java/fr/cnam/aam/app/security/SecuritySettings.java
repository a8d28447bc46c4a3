package fr.cnam.aam.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * {@code aam.security}: which JWT claims carry the roles and the agent's caisse, and the demo identities the
 * in-process authorization server knows when no external issuer is configured.
 */
@ConfigurationProperties("aam.security")
public record SecuritySettings(String rolesClaim, String caisseClaim, Demo demo) {

    public SecuritySettings {
        rolesClaim = rolesClaim == null ? "roles" : rolesClaim;
        caisseClaim = caisseClaim == null ? "caisse" : caisseClaim;
        demo = demo == null ? new Demo(List.of(), List.of(), null, null) : demo;
    }

    /**
     * Systems (client credentials) and people (login) of the demo authorization server; {@code keyFile}, when set,
     * keeps its signing key in a file that several instances share (else a key is made at each start);
     * {@code webRedirectUris}: where the dashboard's login may return (a 127.0.0.1 address matches any port, as
     * RFC 8252 allows for loopback redirects).
     */
    public record Demo(List<Identity> clients, List<Identity> users, String keyFile, List<String> webRedirectUris) {
        public Demo {
            clients = clients == null ? List.of() : clients;
            users = users == null ? List.of() : users;
            webRedirectUris = webRedirectUris == null || webRedirectUris.isEmpty()
                    ? List.of("http://127.0.0.1:8080/dashboard/callback.html",
                              "http://localhost:8080/dashboard/callback.html")
                    : webRedirectUris;
        }
    }

    /** A client id or a user name, its secret or password, its roles and, for an agent, its caisse. */
    public record Identity(String id, String secret, List<String> roles, String caisse) {
    }
}

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
        demo = demo == null ? new Demo(List.of(), List.of(), null) : demo;
    }

    /**
     * Systems (client credentials) and people (login) of the demo authorization server; {@code keyFile}, when set,
     * keeps its signing key in a file that several instances share (else a key is made at each start).
     */
    public record Demo(List<Identity> clients, List<Identity> users, String keyFile) {
        public Demo {
            clients = clients == null ? List.of() : clients;
            users = users == null ? List.of() : users;
        }
    }

    /** A client id or a user name, its secret or password, its roles and, for an agent, its caisse. */
    public record Identity(String id, String secret, List<String> roles, String caisse) {
    }
}

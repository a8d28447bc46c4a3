package fr.cnam.aam.app.security;

/** The roles of the internal API (architecture.md). */
public final class Roles {

    /** A caisse's agent: contracts, assessments, assistants of its own caisse only. */
    public static final String CPAM_AGENT = "CPAM_AGENT";
    /** The payment system: order runs and order answers. */
    public static final String PAYMENT_SYSTEM = "PAYMENT_SYSTEM";
    /** The statistics system: the annual activity figures. */
    public static final String STATISTICS = "STATISTICS";
    /** Reads everything, every caisse. */
    public static final String AUDITOR = "AUDITOR";
    /** The national office's managers: the dashboards of every caisse, nothing else. */
    public static final String NATIONAL_MANAGER = "NATIONAL_MANAGER";
    /** Replays, dead letters, rulebook revisions. */
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}

package fr.cnam.aam.app.dashboard;

import fr.cnam.aam.app.security.Caller;
import fr.cnam.aam.app.security.Roles;
import fr.cnam.aam.app.web.RequestRefused;
import fr.cnam.aam.regulation.referential.Caisses;
import fr.cnam.aam.regulation.referential.Departements;
import org.springframework.http.HttpStatus;

/**
 * Which figures a caller may see, as for the API: an auditor or a national manager any caisse (the nation by
 * default), a CPAM agent its own caisse only (by default, and never another: 403 {@code CAISSE_NOT_YOURS}).
 */
final class DashboardAccess {

    private DashboardAccess() {
    }

    static DashboardView.Scope scopeOf(Caller caller, String caisse, String departement) {
        String asked = blankToNull(caisse);
        String dep = blankToNull(departement);
        if (asked != null && !Caisses.isCode(asked)) {
            throw new RequestRefused(HttpStatus.BAD_REQUEST, "CAISSE_UNKNOWN",
                                     "caisse: a code of referential/caisses.json");
        }
        if (dep != null && !Departements.isCode(dep)) {
            throw new RequestRefused(HttpStatus.BAD_REQUEST, "DEPARTEMENT_INVALID",
                                     "departement: an INSEE département code (75, 2A, 971…)");
        }
        boolean national = caller != null && (caller.has(Roles.AUDITOR) || caller.has(Roles.NATIONAL_MANAGER));
        if (!national) {
            String own = caller == null ? null : caller.caisse();
            if (own == null) {
                throw new RequestRefused(HttpStatus.FORBIDDEN, "CAISSE_CLAIM_MISSING",
                                         "an agent's token names its caisse (claim caisse)");
            }
            if (asked != null && !asked.equals(own)) {
                throw new RequestRefused(HttpStatus.FORBIDDEN, "CAISSE_NOT_YOURS",
                                         "an agent of caisse " + own + " sees its own caisse");
            }
            asked = own;
        }
        return new DashboardView.Scope(asked, asked == null ? null : Caisses.nameOf(asked), dep);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

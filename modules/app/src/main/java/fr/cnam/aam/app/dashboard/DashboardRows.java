package fr.cnam.aam.app.dashboard;

import fr.cnam.aam.regulation.referential.AidOptionShares;
import org.bson.Document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the dashboards read from the projections, one record per stored document, with the fields they use.
 * Dates are business dates from the events; "in force on a day" means from its start to the day before its end.
 */
final class DashboardRows {

    private DashboardRows() {
    }

    /** A value that holds from a date (an option or a version of a contract). */
    record Change(LocalDate from, String value) {
    }

    record Evaluation(int contractYear, LocalDate evaluatedOn, int achievementRate) {
    }

    /** The ETP a collective contract finances from a date (its signature, then each avenant), in per mille. */
    record EtpChange(LocalDate from, int etpPermille) {
    }

    /**
     * A contract as the dashboards read it. {@code status} is the term's (ACTIVE, TERMINATED, TERM_REACHED);
     * {@code lastDay} its last day in force once ended (still paid); the last suspension holds from
     * {@code suspendedFrom} to the day before {@code resumedFrom}.
     */
    record ContractRow(String contractId, String caisse, String departement, String specialty, String option,
                       String version, String status, LocalDate signedOn, LocalDate startsOn, LocalDate endsOn,
                       LocalDate lastDay, LocalDate suspendedFrom, LocalDate resumedFrom, String suspensionReason,
                       List<Change> options, List<Change> versions, List<Evaluation> evaluations, List<EtpChange> etps) {

        /** In force on {@code day}: started, and not past its last day (or its term's, when none is recorded). */
        boolean inForceOn(LocalDate day) {
            LocalDate end = lastDay != null ? lastDay : endsOn;
            return startsOn != null && !startsOn.isAfter(day) && (end == null || !day.isAfter(end));
        }

        boolean suspendedOn(LocalDate day) {
            return inForceOn(day) && suspendedFrom != null && !suspendedFrom.isAfter(day)
                   && (resumedFrom == null || day.isBefore(resumedFrom));
        }

        /** ACTIVE, SUSPENDED, TERMINATED, TERM_REACHED or SIGNED (not started yet) on {@code day}. */
        String statusOn(LocalDate day) {
            if (startsOn == null || startsOn.isAfter(day)) {
                return "SIGNED";
            }
            if (!inForceOn(day)) {
                return "TERMINATED".equals(status) ? "TERMINATED" : "TERM_REACHED";
            }
            return suspendedOn(day) ? "SUSPENDED" : "ACTIVE";
        }

        /** An individual contract's row: no ETP of its own, its option says them. */
        ContractRow(String contractId, String caisse, String departement, String specialty, String option,
                    String version, String status, LocalDate signedOn, LocalDate startsOn, LocalDate endsOn,
                    LocalDate lastDay, LocalDate suspendedFrom, LocalDate resumedFrom, String suspensionReason,
                    List<Change> options, List<Change> versions, List<Evaluation> evaluations) {
            this(contractId, caisse, departement, specialty, option, version, status, signedOn, startsOn, endsOn,
                 lastDay, suspendedFrom, resumedFrom, suspensionReason, options, versions, evaluations, List.of());
        }

        String optionOn(LocalDate day) {
            return valueOn(options, day, option);
        }

        /**
         * The ETP financed on {@code day}: a collective contract's own (its avenants'), an individual one's from its
         * option's share (regulation.md §2).
         */
        double fteOn(LocalDate day) {
            if (etps.isEmpty()) {
                return AidOptionShares.fteOf(optionOn(day));
            }
            EtpChange best = null;
            for (EtpChange change : etps) {
                if (!change.from().isAfter(day) && (best == null || !change.from().isBefore(best.from()))) {
                    best = change;
                }
            }
            return (best != null ? best : etps.get(0)).etpPermille() / 1000.0;
        }

        String versionOn(LocalDate day) {
            return valueOn(versions, day, version);
        }

        private static String valueOn(List<Change> changes, LocalDate day, String fallback) {
            // the change with the latest date on or before the day; of two with that date, the later recorded
            Change best = null;
            for (Change change : changes) {
                if (change.from() != null && !change.from().isAfter(day)
                    && (best == null || !change.from().isBefore(best.from()))) {
                    best = change;
                }
            }
            return best != null ? best.value() : fallback;
        }

        static ContractRow of(Document d) {
            List<Change> options = changes(d.getList("options", Document.class), "option");
            List<Change> versions = changes(d.getList("versions", Document.class), "version");
            List<Evaluation> evaluations = new ArrayList<>();
            for (Document e : list(d.getList("evaluations", Document.class))) {
                evaluations.add(new Evaluation(e.getInteger("contractYear", 0), date(e.getString("evaluatedOn")),
                                               e.getInteger("achievementRate", 0)));
            }
            LocalDate signedOn = date(d.getString("signedOn"));
            LocalDate startsOn = d.getString("startsOn") != null ? date(d.getString("startsOn")) : signedOn;
            return new ContractRow(d.getString("_id"), d.getString("caisseCode"), d.getString("departement"),
                    d.getString("specialty"), d.getString("option"), d.getString("regulatoryVersion"),
                    d.getString("status"), signedOn, startsOn, date(d.getString("endsOn")),
                    date(d.getString("lastDay")), date(d.getString("suspendedFrom")),
                    date(d.getString("resumedFrom")), d.getString("suspensionReason"), options, versions,
                    List.copyOf(evaluations), etps(d.getList("etps", Document.class)));
        }

        private static List<EtpChange> etps(List<Document> stored) {
            List<EtpChange> etps = new ArrayList<>();
            for (Document e : list(stored)) {
                etps.add(new EtpChange(date(e.getString("from")), e.getInteger("etpPermille", 0)));
            }
            return List.copyOf(etps);
        }

        private static List<Change> changes(List<Document> stored, String field) {
            List<Change> changes = new ArrayList<>();
            for (Document c : list(stored)) {
                changes.add(new Change(date(c.getString("from")), c.getString(field)));
            }
            return List.copyOf(changes);
        }
    }

    /** A payment line of the ledger. */
    record LineRow(String lineId, String contractId, String caisse, String kind, String status, LocalDate dueDate,
                   long amountCents, String orderId, LocalDate orderedOn, long orderedCents, LocalDate paidOn,
                   long paidCents) {

        static LineRow of(Document d) {
            return new LineRow(d.getString("_id"), d.getString("contractId"), d.getString("caisseCode"),
                    d.getString("kind"), d.getString("status"), date(d.getString("dueDate")),
                    cents(d.get("amountCents")), d.getString("orderId"), date(d.getString("orderedOn")),
                    cents(d.get("orderedCents")), date(d.getString("paidOn")), cents(d.get("paidCents")));
        }
    }

    /** An open deadline of an assistant: proof of hiring, start of training, qualification, secretary's post. */
    record DeadlineRow(String assistantId, String contractId, String caisse, String kind, LocalDate dueOn,
                       String status) {
    }

    static List<DeadlineRow> deadlinesOf(Document assistant) {
        List<DeadlineRow> rows = new ArrayList<>();
        Document deadlines = assistant.get("deadlines", Document.class);
        List<String> contracts = assistant.getList("contractIds", String.class);
        String contractId = contracts == null || contracts.isEmpty() ? null : contracts.get(0);
        if (deadlines == null || "LEFT".equals(assistant.getString("status"))) {
            return rows;
        }
        for (String kind : deadlines.keySet()) {
            Document deadline = deadlines.get(kind, Document.class);
            if (deadline != null && deadline.getString("dueOn") != null) {
                rows.add(new DeadlineRow(assistant.getString("_id"), contractId, assistant.getString("caisseCode"),
                                         kind, date(deadline.getString("dueOn")), deadline.getString("status")));
            }
        }
        return rows;
    }

    private static <T> List<T> list(List<T> stored) {
        return stored == null ? List.of() : stored;
    }

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }

    private static long cents(Object value) {
        return value instanceof Number n ? n.longValue() : 0L;
    }
}

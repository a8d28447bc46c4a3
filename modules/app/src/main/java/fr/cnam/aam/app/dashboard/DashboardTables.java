package fr.cnam.aam.app.dashboard;

import fr.cnam.aam.app.dashboard.DashboardRows.ContractRow;
import fr.cnam.aam.app.dashboard.DashboardRows.DeadlineRow;
import fr.cnam.aam.app.dashboard.DashboardRows.LineRow;
import fr.cnam.aam.app.dashboard.DashboardTable.Column;
import fr.cnam.aam.app.web.RequestRefused;
import org.springframework.http.HttpStatus;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboards' tables (contracts, assistants' deadlines, orders awaiting an answer): the rows of a scope,
 * filtered on any column by exact value, sorted on any column, paged, or all of them for a CSV export.
 */
final class DashboardTables {

    static final List<String> NAMES = List.of("contracts", "deadlines", "orders");
    static final int MAX_PAGE_SIZE = 200;

    private static final List<Column> CONTRACTS = List.of(
            text("contractId", "Contrat"), text("caisse", "Caisse"), text("departement", "Département"),
            text("specialty", "Spécialité"), text("option", "Option"), number("fte", "ETP"),
            text("version", "Version"), text("status", "Statut"), text("signedOn", "Signé le"),
            text("startsOn", "Début"), text("endsOn", "Fin prévue"), text("lastDay", "Dernier jour"),
            text("suspensionReason", "Motif de suspension"), number("lastAchievementRate", "Dernier taux d'atteinte (%)"));
    private static final List<Column> DEADLINES = List.of(
            text("assistantId", "Assistant"), text("contractId", "Contrat"), text("caisse", "Caisse"),
            text("departement", "Département"), text("kind", "Échéance"), text("dueOn", "Date limite"),
            number("daysLeft", "Jours restants"), text("status", "État"));
    private static final List<Column> ORDERS = List.of(
            text("orderId", "Ordre"), text("lineId", "Ligne"), text("contractId", "Contrat"),
            text("caisse", "Caisse"), text("departement", "Département"), text("kind", "Nature"),
            text("dueDate", "Échéance"), text("orderedOn", "Émis le"), number("amountCents", "Montant (centimes)"),
            number("daysWaiting", "Jours d'attente"));

    private DashboardTables() {
    }

    static List<Column> columns(String table) {
        return switch (table) {
            case "contracts" -> CONTRACTS;
            case "deadlines" -> DEADLINES;
            case "orders" -> ORDERS;
            default -> throw new RequestRefused(HttpStatus.NOT_FOUND, "TABLE_UNKNOWN",
                                                "no table named that: one of " + NAMES);
        };
    }

    /** Every row of the table in the scope, in no order yet. */
    static List<Map<String, Object>> rows(String table, DashboardSnapshot snapshot, DashboardView.Scope scope,
                                          LocalDate today) {
        List<Map<String, Object>> rows = new ArrayList<>();
        switch (table) {
            case "contracts" -> {
                for (ContractRow c : DashboardFigures.contractsIn(snapshot, scope)) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("contractId", c.contractId());
                    row.put("caisse", c.caisse());
                    row.put("departement", c.departement());
                    row.put("specialty", c.specialty());
                    // as on the business date, as the figures count it (an avenant dated ahead is not yet in force)
                    String option = c.optionOn(today);
                    row.put("option", option);
                    row.put("fte", Math.round(c.fteOn(today) * 100) / 100.0);
                    row.put("version", c.versionOn(today));
                    row.put("status", c.statusOn(today));
                    row.put("signedOn", str(c.signedOn()));
                    row.put("startsOn", str(c.startsOn()));
                    row.put("endsOn", str(c.endsOn()));
                    row.put("lastDay", str(c.lastDay()));
                    row.put("suspensionReason", c.suspendedOn(today) ? c.suspensionReason() : null);
                    row.put("lastAchievementRate", c.evaluations().isEmpty() ? null
                            : c.evaluations().get(c.evaluations().size() - 1).achievementRate());
                    rows.add(row);
                }
            }
            case "deadlines" -> {
                for (DeadlineRow d : DashboardFigures.deadlinesIn(snapshot, scope)) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("assistantId", d.assistantId());
                    row.put("contractId", d.contractId());
                    row.put("caisse", d.caisse());
                    row.put("departement", snapshot.departementOf(d.contractId()));
                    row.put("kind", d.kind());
                    row.put("dueOn", str(d.dueOn()));
                    row.put("daysLeft", ChronoUnit.DAYS.between(today, d.dueOn()));
                    row.put("status", d.status());
                    rows.add(row);
                }
            }
            case "orders" -> {
                for (LineRow l : DashboardFigures.linesIn(snapshot, scope)) {
                    if (!"ORDERED".equals(l.status())) {
                        continue;
                    }
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("orderId", l.orderId());
                    row.put("lineId", l.lineId());
                    row.put("contractId", l.contractId());
                    row.put("caisse", l.caisse());
                    row.put("departement", snapshot.departementOf(l.contractId()));
                    row.put("kind", l.kind());
                    row.put("dueDate", str(l.dueDate()));
                    row.put("orderedOn", str(l.orderedOn()));
                    row.put("amountCents", l.orderedCents());
                    row.put("daysWaiting", l.orderedOn() == null ? null
                            : ChronoUnit.DAYS.between(l.orderedOn(), today));
                    rows.add(row);
                }
            }
            default -> columns(table);
        }
        return rows;
    }

    /** Rows whose column equals the filter's value (numbers compared as written), sorted, nulls last. */
    static List<Map<String, Object>> filterAndSort(List<Map<String, Object>> rows, List<Column> columns,
                                                   Map<String, String> filters, String sort, boolean descending) {
        List<Map<String, Object>> kept = rows.stream().filter(row -> filters.entrySet().stream().allMatch(
                f -> f.getValue().equals(display(row.get(f.getKey()))))).collect(
                java.util.stream.Collectors.toCollection(ArrayList::new));
        Column by = columns.stream().filter(c -> c.key().equals(sort)).findFirst().orElse(columns.get(0));
        Comparator<Comparable<Object>> values = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        Comparator<Map<String, Object>> order = Comparator.comparing(
                (Map<String, Object> row) -> comparable(row.get(by.key())), Comparator.nullsLast(values));
        kept.sort(order.thenComparing(row -> String.valueOf(row.get(columns.get(0).key()))));
        return kept;
    }

    @SuppressWarnings("unchecked")
    private static Comparable<Object> comparable(Object value) {
        return (Comparable<Object>) value; // strings, numbers of one kind per column, or null
    }

    static String display(Object value) {
        if (value instanceof Double d && d == Math.rint(d)) {
            return Long.toString(d.longValue());
        }
        return value == null ? "" : value.toString();
    }

    private static Column text(String key, String label) {
        return new Column(key, label, false);
    }

    private static Column number(String key, String label) {
        return new Column(key, label, true);
    }

    private static String str(LocalDate date) {
        return date == null ? null : date.toString();
    }
}

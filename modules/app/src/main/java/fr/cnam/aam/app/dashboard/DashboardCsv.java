package fr.cnam.aam.app.dashboard;

import fr.cnam.aam.app.dashboard.DashboardTable.Column;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A table as CSV the way a French spreadsheet opens it: UTF-8 with a byte-order mark, {@code ;} between fields,
 * CRLF between lines, decimals with a comma. A text cell starting with {@code = + - @} or a tab is prefixed
 * with an apostrophe, so a value typed into the system cannot run as a formula in the manager's spreadsheet.
 */
final class DashboardCsv {

    private DashboardCsv() {
    }

    static byte[] of(List<Column> columns, List<Map<String, Object>> rows) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append(columns.stream().map(c -> quoted(c.label())).collect(Collectors.joining(";"))).append("\r\n");
        for (Map<String, Object> row : rows) {
            csv.append(columns.stream().map(c -> cell(c, row.get(c.key()))).collect(Collectors.joining(";")))
               .append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String cell(Column column, Object value) {
        if (value == null) {
            return "";
        }
        if (column.numeric() && value instanceof Number) {
            return DashboardTables.display(value).replace('.', ',');
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return quoted(text);
    }

    private static String quoted(String text) {
        if (text.indexOf(';') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}

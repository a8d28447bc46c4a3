package fr.cnam.aam.app.dashboard;

import java.util.List;
import java.util.Map;

/**
 * One page of a dashboard table: its columns (key and French label), the rows of the page, how many rows match
 * the filters in all.
 */
public record DashboardTable(String table, List<Column> columns, List<Map<String, Object>> rows, long total,
                             int page, int size, String sort, String dir, long generation) {

    public record Column(String key, String label, boolean numeric) {
    }
}

package fr.cnam.aam.app.dashboard;

import fr.cnam.aam.app.security.Caller;
import fr.cnam.aam.app.web.RequestRefused;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dashboards' figures, tables and live stream (roles {@code CPAM_AGENT} — its caisse —, {@code AUDITOR},
 * {@code NATIONAL_MANAGER}). Figures are computed from the projections' last loaded snapshot, on the business date
 * of the injected clock, and kept per snapshot: asking again costs a map lookup.
 */
@RestController
@RequestMapping("/api/v1/dashboard")
class DashboardController {

    private static final Set<String> RESERVED = Set.of("caisse", "departement", "sort", "dir", "page", "size",
                                                       "format");
    private static final int MAX_FILTER_LENGTH = 64;
    private static final int CACHED_VIEWS = 256;

    private final DashboardSnapshots snapshots;
    private final DashboardStream stream;
    private final Clock clock;
    private final Map<String, DashboardView> views = new ConcurrentHashMap<>();

    DashboardController(DashboardSnapshots snapshots, DashboardStream stream, Clock clock) {
        this.snapshots = snapshots;
        this.stream = stream;
        this.clock = clock;
    }

    @GetMapping
    DashboardView figures(@RequestParam(required = false) String caisse,
                          @RequestParam(required = false) String departement) {
        DashboardView.Scope scope = DashboardAccess.scopeOf(Caller.current(), caisse, departement);
        DashboardSnapshot snapshot = snapshots.current();
        LocalDate today = LocalDate.now(clock);
        // per loaded snapshot: figuresLoadedAt says when the figures shown were read from the projections
        String key = snapshot.loadedAt() + "|" + today + "|" + scope.caisse() + "|" + scope.departement();
        DashboardView view = views.get(key);
        if (view == null) {
            if (views.size() >= CACHED_VIEWS) {
                views.clear(); // older generations: nobody asks for them again
            }
            view = DashboardFigures.compute(snapshot, scope, today);
            views.put(key, view);
        }
        return view;
    }

    @GetMapping("/tables/{table}")
    ResponseEntity<?> table(@PathVariable String table, @RequestParam Map<String, String> params,
                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "25") int size,
                            @RequestParam(required = false) String sort,
                            @RequestParam(defaultValue = "asc") String dir,
                            @RequestParam(defaultValue = "json") String format) {
        List<DashboardTable.Column> columns = DashboardTables.columns(table);
        DashboardView.Scope scope = DashboardAccess.scopeOf(Caller.current(), params.get("caisse"),
                                                            params.get("departement"));
        if (page < 0 || size < 1 || size > DashboardTables.MAX_PAGE_SIZE) {
            throw new RequestRefused(HttpStatus.BAD_REQUEST, "PAGE_INVALID",
                                     "page ≥ 0 and 1 ≤ size ≤ " + DashboardTables.MAX_PAGE_SIZE);
        }
        if (!dir.equals("asc") && !dir.equals("desc")) {
            throw new RequestRefused(HttpStatus.BAD_REQUEST, "SORT_INVALID", "dir: asc or desc");
        }
        if (sort != null && columns.stream().noneMatch(c -> c.key().equals(sort))) {
            throw new RequestRefused(HttpStatus.BAD_REQUEST, "SORT_INVALID", "sort: a column of the table");
        }
        if (!format.equals("json") && !format.equals("csv")) {
            throw new RequestRefused(HttpStatus.BAD_REQUEST, "FORMAT_INVALID", "format: json or csv");
        }
        Map<String, String> filters = new LinkedHashMap<>();
        for (Map.Entry<String, String> param : params.entrySet()) {
            if (RESERVED.contains(param.getKey())) {
                continue;
            }
            if (columns.stream().noneMatch(c -> c.key().equals(param.getKey()))) {
                throw new RequestRefused(HttpStatus.BAD_REQUEST, "FILTER_UNKNOWN",
                                         "no column to filter on by that name in table " + table);
            }
            if (param.getValue().length() > MAX_FILTER_LENGTH) {
                throw new RequestRefused(HttpStatus.BAD_REQUEST, "FILTER_TOO_LONG",
                                         "a filter value has at most " + MAX_FILTER_LENGTH + " characters");
            }
            if (!param.getValue().isEmpty()) {
                filters.put(param.getKey(), param.getValue());
            }
        }
        DashboardSnapshot snapshot = snapshots.current();
        List<Map<String, Object>> rows = DashboardTables.filterAndSort(
                DashboardTables.rows(table, snapshot, scope, LocalDate.now(clock)), columns, filters, sort,
                dir.equals("desc"));
        if (format.equals("csv")) {
            String name = table + "-" + (scope.caisse() == null ? "national" : scope.caisse())
                          + (scope.departement() == null ? "" : "-" + scope.departement()) + ".csv";
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                                                                               .toString())
                    .body(DashboardCsv.of(columns, rows));
        }
        int from = (int) Math.min(rows.size(), (long) page * size);
        int to = Math.min(rows.size(), from + size);
        return ResponseEntity.ok(new DashboardTable(table, columns, rows.subList(from, to), rows.size(), page, size,
                                                    sort == null ? columns.get(0).key() : sort, dir,
                                                    snapshot.generation()));
    }

    /** Server-sent events: {@code figures} each time the figures change. */
    @GetMapping("/stream") // an SseEmitter answers text/event-stream; a refusal, problem+json
    SseEmitter stream(@RequestParam(required = false) String caisse) {
        Caller caller = Caller.current();
        DashboardAccess.scopeOf(caller, caisse, null);
        return stream.open(caller == null ? "" : caller.principal());
    }
}

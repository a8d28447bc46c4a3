package fr.cnam.aam.app.dashboard;

import fr.cnam.aam.app.dashboard.DashboardRows.ContractRow;
import fr.cnam.aam.app.dashboard.DashboardRows.DeadlineRow;
import fr.cnam.aam.app.dashboard.DashboardRows.LineRow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The projections' documents the dashboards read, loaded together and never changed: every view of one
 * generation is computed from the same figures. {@code generation} grows when the loaded figures differ.
 */
record DashboardSnapshot(long generation, Instant loadedAt, long headPosition, List<ContractRow> contracts,
                         List<LineRow> lines, List<DeadlineRow> deadlines, Map<String, ContractRow> byId) {

    static DashboardSnapshot of(long generation, Instant loadedAt, long headPosition, List<ContractRow> contracts,
                                List<LineRow> lines, List<DeadlineRow> deadlines) {
        Map<String, ContractRow> byId = contracts.stream()
                .collect(Collectors.toUnmodifiableMap(ContractRow::contractId, Function.identity(), (a, b) -> a));
        return new DashboardSnapshot(generation, loadedAt, headPosition, List.copyOf(contracts), List.copyOf(lines),
                                     List.copyOf(deadlines), byId);
    }

    /** The département of a contract, or null when the dashboard projection does not hold it (yet). */
    String departementOf(String contractId) {
        ContractRow contract = contractId == null ? null : byId.get(contractId);
        return contract == null ? null : contract.departement();
    }
}

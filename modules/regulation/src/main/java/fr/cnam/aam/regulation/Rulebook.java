package fr.cnam.aam.regulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every regulatory parameter, one file per family (see {@code rulebook/index.json}), each value dated and sourced.
 * A revision is a whole, immutable parameter set: a caisse publishes a corrected one as a new revision, and a
 * decision records the revision it used.
 */
public final class Rulebook {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "rulebook/";
    private static final String HISTORY = "rulebook-history/";

    private static final Comparator<ParameterValue> LATEST_FIRST =
            Comparator.comparing(ParameterValue::version).thenComparing(ParameterValue::from).reversed();

    private final String revision;
    private final Map<String, Parameter> parameters;
    /** Each parameter's values, latest version first and latest date first within a version: resolve reads on. */
    private final Map<String, ParameterValue[]> lookup = new HashMap<>();
    private final Map<RegulatoryVersion, LocalDate> starts = new EnumMap<>(RegulatoryVersion.class);

    Rulebook(String revision, Map<String, Parameter> parameters) {
        this.revision = revision;
        this.parameters = Collections.unmodifiableMap(parameters);
        parameters.forEach((name, parameter) -> lookup.put(name, parameter.values().stream().sorted(LATEST_FIRST)
                                                                          .toArray(ParameterValue[]::new)));
        Parameter versionStarts = parameters.get("version.start");
        if (versionStarts != null) {
            versionStarts.values().forEach(v -> starts.put(v.version(), LocalDate.parse(v.value().asText())));
        }
    }

    /** The rulebook shipped with the product. */
    public static Rulebook shipped() {
        return load(BASE);
    }

    /**
     * The revisions earlier releases shipped, by name, oldest first. A shipped revision keeps its name and its
     * content forever ({@code rulebook-history/<name>/}): decisions recorded under it, and caisse revisions based
     * on it, are rebuilt from it after an upgrade.
     */
    public static List<String> earlierShipped() {
        List<String> names = new ArrayList<>();
        JsonNode earlier = read(BASE + "index.json").get("earlierShipped");
        if (earlier != null) {
            earlier.forEach(n -> names.add(n.asText()));
        }
        return names;
    }

    /** A revision an earlier release shipped, as it shipped it. */
    public static Rulebook shipped(String revision) {
        if (!earlierShipped().contains(revision)) {
            throw new IllegalArgumentException("no earlier shipped revision " + revision);
        }
        Rulebook rulebook = load(HISTORY + revision + "/");
        if (!rulebook.revision().equals(revision)) {
            throw new IllegalStateException(HISTORY + revision + " holds revision " + rulebook.revision());
        }
        return rulebook;
    }

    private static Rulebook load(String base) {
        JsonNode index = read(base + "index.json");
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        for (JsonNode file : index.get("files")) {
            JsonNode family = read(base + file.asText());
            parseFamily(family, parameters);
        }
        return new Rulebook(index.get("revision").asText(), parameters);
    }

    /**
     * A copy of this rulebook under a new revision: each corrected value replaces the value of the same version and
     * date, or is added; every other value stays.
     */
    public Rulebook revise(String newRevision, Map<String, List<ParameterValue>> corrections) {
        Map<String, Parameter> revised = new LinkedHashMap<>(parameters);
        corrections.forEach((name, values) -> {
            Parameter old = parameters.get(name);
            if (old == null) {
                throw new IllegalArgumentException("unknown parameter " + name);
            }
            List<ParameterValue> merged = new ArrayList<>(old.values());
            java.util.Set<RegulatoryVersion.Kind> kinds = java.util.EnumSet.noneOf(RegulatoryVersion.Kind.class);
            old.values().forEach(v -> kinds.add(v.version().kind()));
            for (ParameterValue value : values) {
                if (value.source() == null || value.source().isBlank() || value.confidence() == null) {
                    throw new IllegalArgumentException("a value of " + name + " lacks its source or confidence");
                }
                if (kinds.size() == 1 && !kinds.contains(value.version().kind())) {
                    // a value no contract of that kind would ever read: refused, not stored forever unread
                    throw new IllegalArgumentException(name + " is a parameter of " + kinds.iterator().next()
                            + " contracts, not of " + value.version() + " (" + value.version().kind() + ")");
                }
                merged.removeIf(v -> v.version() == value.version() && v.from().equals(value.from()));
                merged.add(value);
            }
            revised.put(name, new Parameter(name, old.description(), old.unit(), List.copyOf(merged)));
        });
        return new Rulebook(newRevision, revised);
    }

    public String revision() {
        return revision;
    }

    public Map<String, Parameter> parameters() {
        return parameters;
    }

    /**
     * The value in force for a contract under {@code version} on {@code date}: that version's latest value from
     * on or before the date, else the closest earlier version's.
     */
    public Resolved resolve(String name, RegulatoryVersion version, LocalDate date) {
        Resolved resolved = find(name, version, date);
        if (resolved == null) {
            throw new MissingParameter(name, lookup.containsKey(name) ? "no value for " + version + " on " + date
                                                                      : "not in rulebook revision " + revision);
        }
        return resolved;
    }

    /** As {@link #resolve}, but null where there is no value at all (a null value still resolves, as unknown). */
    public Resolved find(String name, RegulatoryVersion version, LocalDate date) {
        ParameterValue[] values = lookup.get(name);
        if (values != null) {
            for (ParameterValue value : values) {
                if (version.inheritsFrom(value.version()) && !value.from().isAfter(date)) {
                    return new Resolved(name, value.value(), value.source(), value.confidence(), value.version());
                }
            }
        }
        return null;
    }

    public boolean has(String name) {
        return parameters.containsKey(name);
    }

    /** The version an individual contract signed on {@code date} falls under. */
    public RegulatoryVersion versionOn(LocalDate date) {
        return versionOn(date, RegulatoryVersion.Kind.INDIVIDUAL);
    }

    /** The latest version of that kind started on or before {@code date}. */
    public RegulatoryVersion versionOn(LocalDate date, RegulatoryVersion.Kind kind) {
        RegulatoryVersion found = null;
        for (Map.Entry<RegulatoryVersion, LocalDate> start : starts.entrySet()) {
            if (start.getKey().kind() == kind && !start.getValue().isAfter(date)) {
                found = start.getKey();
            }
        }
        if (found == null) {
            throw new MissingParameter("version.start", "no " + kind.name().toLowerCase(java.util.Locale.ROOT)
                                                        + " regulatory version in force on " + date);
        }
        return found;
    }

    /**
     * The version of that kind in force on {@code date}, or its first version when {@code date} precedes them all
     * (an assistant a company employed before its collective contract began is followed under that contract's rules).
     */
    public RegulatoryVersion versionOnOrFirst(LocalDate date, RegulatoryVersion.Kind kind) {
        RegulatoryVersion first = null;
        for (Map.Entry<RegulatoryVersion, LocalDate> start : starts.entrySet()) {
            if (start.getKey().kind() == kind && (first == null || start.getValue().isBefore(starts.get(first)))) {
                first = start.getKey();
            }
        }
        return first != null && date.isBefore(starts.get(first)) ? first : versionOn(date, kind);
    }

    /**
     * Whether this rulebook holds every parameter {@code other} gives values of that kind to: a caisse chain begun on
     * an earlier release may know the kind but lack parameters a later release added for it.
     */
    public boolean covers(Rulebook other, RegulatoryVersion.Kind kind) {
        return other.parameters.values().stream()
                .filter(p -> p.values().stream().anyMatch(v -> v.version().kind() == kind))
                .allMatch(p -> parameters.containsKey(p.name()));
    }

    /** Whether this rulebook dates any version of that kind (one begun on an earlier release may not). */
    public boolean hasVersionsOf(RegulatoryVersion.Kind kind) {
        return starts.keySet().stream().anyMatch(v -> v.kind() == kind);
    }

    public LocalDate startOf(RegulatoryVersion version) {
        LocalDate start = starts.get(version);
        if (start == null) {
            throw new MissingParameter("version.start", "no start date for " + version);
        }
        return start;
    }

    private static void parseFamily(JsonNode family, Map<String, Parameter> into) {
        Iterator<Map.Entry<String, JsonNode>> fields = family.get("parameters").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            List<ParameterValue> values = new ArrayList<>();
            for (JsonNode v : field.getValue().get("values")) {
                values.add(new ParameterValue(RegulatoryVersion.valueOf(v.get("version").asText()),
                                              LocalDate.parse(v.get("from").asText()),
                                              v.get("value"),
                                              v.hasNonNull("source") ? v.get("source").asText() : null,
                                              v.hasNonNull("confidence")
                                              ? Confidence.of(v.get("confidence").asText()) : null));
            }
            if (into.put(field.getKey(), new Parameter(field.getKey(), field.getValue().path("description").asText(),
                                                       field.getValue().path("unit").asText(), values)) != null) {
                throw new IllegalStateException("parameter " + field.getKey() + " is defined twice");
            }
        }
    }

    private static JsonNode read(String resource) {
        try (InputStream in = Rulebook.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing rulebook file " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rulebook file " + resource, e);
        }
    }
}

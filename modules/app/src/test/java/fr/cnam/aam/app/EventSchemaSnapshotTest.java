package fr.cnam.aam.app;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event's shape, committed (src/test/resources/event-schemas.txt): a record's fields changed without a new
 * {@code @Revision} (and an upcaster for the events already recorded) would leave the store unreadable or read
 * wrong. The events are found as the handlers' first parameters, so a new event cannot escape.
 */
class EventSchemaSnapshotTest {

    private static final Path COMMITTED = Path.of("src/test/resources/event-schemas.txt");
    private static final Path CURRENT = Path.of("target/event-schemas.txt");

    @Test
    void noEventChangedShapeWithoutANewRevision() throws IOException {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                                                     .importPackages("fr.cnam.aam");
        TreeSet<String> events = new TreeSet<>();
        for (JavaClass owner : classes) {
            for (JavaMethod method : owner.getMethods()) {
                if ((method.isAnnotatedWith(EventHandler.class) || method.isAnnotatedWith(EventSourcingHandler.class))
                    && !method.getRawParameterTypes().isEmpty()) {
                    JavaClass payload = method.getRawParameterTypes().get(0);
                    if (payload.getPackageName().startsWith("fr.cnam.aam")) {
                        events.add(payload.getName());
                    }
                }
            }
        }
        Map<String, String> current = new TreeMap<>();
        for (String name : events) {
            current.put(name, shape(name));
        }
        Files.writeString(CURRENT, current.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                                          .collect(Collectors.joining("\n")) + "\n");
        Map<String, String> committed = new TreeMap<>();
        for (String line : Files.readAllLines(COMMITTED)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                committed.put(line.substring(0, line.indexOf(' ')), line.substring(line.indexOf(' ') + 1));
            }
        }
        List<String> problems = new ArrayList<>();
        current.forEach((name, shape) -> {
            String before = committed.get(name);
            if (before == null) {
                problems.add(name + ": a new event, not in the snapshot yet");
            } else if (!before.equals(shape)) {
                boolean sameRevision = before.substring(0, before.indexOf(' ')).equals(shape.substring(0,
                                                                                           shape.indexOf(' ')));
                problems.add(name + (sameRevision
                        ? ": its fields changed WITHOUT a new @Revision — events already recorded would read wrong; "
                          + "raise the revision and add an upcaster"
                        : ": a new revision — check its upcaster, then take it into the snapshot")
                        + "\n    was " + before + "\n    now " + shape);
            }
        });
        committed.keySet().stream().filter(name -> !current.containsKey(name))
                 .forEach(name -> problems.add(name + ": gone — its recorded events would no longer read"));
        assertThat(problems).as("event shapes against " + COMMITTED + " (the current ones are in modules/app/"
                                + CURRENT + ")").isEmpty();
    }

    /** "@revision field:Type field:Type…" of a record event; a non-record one by its declared fields. */
    private static String shape(String name) {
        try {
            Class<?> type = Class.forName(name);
            Revision revision = type.getAnnotation(Revision.class);
            StringBuilder shape = new StringBuilder("@").append(revision == null ? "-" : revision.value());
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    shape.append(' ').append(component.getName()).append(':')
                         .append(component.getGenericType().getTypeName().replace("java.lang.", "")
                                          .replace("java.util.", "").replace("java.time.", ""));
                }
            }
            return shape.toString();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}

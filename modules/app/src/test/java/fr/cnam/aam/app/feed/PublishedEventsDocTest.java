package fr.cnam.aam.app.feed;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/api/events.md is the published contract: every published type and every field of its data is there. */
class PublishedEventsDocTest {

    @Test
    void everyPublishedTypeAndFieldIsDocumented() throws IOException {
        String doc = Files.readString(Path.of("../../docs/api/events.md"));
        for (PublishedEvent<?> type : PublishedEvents.all()) {
            String heading = "## `" + type.type() + "`";
            assertThat(doc).as(type.type()).contains(heading);
            int from = doc.indexOf(heading);
            int to = doc.indexOf("\n## ", from + heading.length());
            String section = doc.substring(from, to < 0 ? doc.length() : to);
            assertThat(type.payload().isRecord()).isTrue();
            for (RecordComponent field : type.payload().getRecordComponents()) {
                assertThat(section).as(type.type() + " field " + field.getName()).contains("`" + field.getName() + "`");
            }
        }
    }
}

package fr.cnam.aam.regulation.referential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Reads the referential files shipped in this module and, for some, the extra files a deployment adds. */
final class ReferentialFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReferentialFile() {
    }

    static JsonNode shipped(String name) {
        try (InputStream in = ReferentialFile.class.getResourceAsStream("/referential/" + name)) {
            if (in == null) {
                throw new IllegalStateException("referential/" + name + " is missing from the classpath");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every {@code referential/<name>} on the classpath (several jars or folders may each hold one). */
    static List<JsonNode> extras(String name) {
        List<JsonNode> files = new ArrayList<>();
        try {
            for (URL url : Collections.list(ReferentialFile.class.getClassLoader()
                                                                 .getResources("referential/" + name))) {
                try (InputStream in = url.openStream()) {
                    files.add(JSON.readTree(in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}

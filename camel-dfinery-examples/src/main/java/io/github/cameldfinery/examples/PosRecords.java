package io.github.cameldfinery.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/** Reads the point-of-sale sample files (CSV with a header row) shipped in this module. */
public final class PosRecords {

    private PosRecords() {
    }

    /** The rows of {@code pos/<name>.csv} on the classpath, as column-to-value maps. */
    public static List<Map<String, String>> read(String name) {
        try (InputStream in = PosRecords.class.getResourceAsStream("/pos/" + name + ".csv")) {
            if (in == null) {
                throw new IllegalArgumentException("No sample file pos/" + name + ".csv");
            }
            try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                    .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
                return rows.readAll();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

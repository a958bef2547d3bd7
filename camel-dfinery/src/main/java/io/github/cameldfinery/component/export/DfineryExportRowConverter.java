package io.github.cameldfinery.component.export;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameldfinery.component.model.DfineryExportRow;
import org.apache.camel.Converter;

/**
 * Camel type conversions of an export row: one line of NDJSON, the row as a JSON object of its columns followed by
 * a line break, so that rows written one after another (a file with {@code fileExist=Append}, a stream) form an
 * NDJSON file. Loaded by the loader that camel-package-maven-plugin generates, without a classpath scan.
 */
@Converter(generateLoader = true)
public final class DfineryExportRowConverter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DfineryExportRowConverter() {
    }

    @Converter
    public static String toJsonLine(DfineryExportRow row) throws JsonProcessingException {
        return JSON.writeValueAsString(row) + "\n";
    }

    @Converter
    public static byte[] toBytes(DfineryExportRow row) throws JsonProcessingException {
        return toJsonLine(row).getBytes(StandardCharsets.UTF_8);
    }

    @Converter
    public static InputStream toInputStream(DfineryExportRow row) throws JsonProcessingException {
        return new ByteArrayInputStream(toBytes(row));
    }
}

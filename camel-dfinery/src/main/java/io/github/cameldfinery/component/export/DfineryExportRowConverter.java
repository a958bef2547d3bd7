/*
 * Copyright 2026 the camel-dfinery authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
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

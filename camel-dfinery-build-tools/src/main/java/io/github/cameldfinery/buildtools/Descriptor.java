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
package io.github.cameldfinery.buildtools;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A component descriptor as camel-package-maven-plugin writes it (the component's {@code <scheme>.json}). */
public final class Descriptor {

    private final JsonNode json;

    private Descriptor(JsonNode json) {
        this.json = json;
    }

    /**
     * Reads a descriptor.
     *
     * @param location a file, or {@code classpath:} and a resource of the calling thread's class loader
     * @return the descriptor
     * @throws IOException when it cannot be read
     */
    public static Descriptor read(String location) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        if (location.startsWith("classpath:")) {
            String resource = location.substring("classpath:".length());
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("no component descriptor " + resource + " on the classpath");
                }
                return new Descriptor(mapper.readTree(in));
            }
        }
        return new Descriptor(mapper.readTree(Files.readString(Path.of(location), StandardCharsets.UTF_8)));
    }

    /**
     * The descriptor as JSON.
     *
     * @return its root
     */
    public JsonNode json() {
        return json;
    }

    /**
     * The options of one section, in the descriptor's order.
     *
     * @param section componentProperties, properties or headers
     * @return each option's name and its entry
     */
    public Map<String, JsonNode> section(String section) {
        Map<String, JsonNode> options = new LinkedHashMap<>();
        json.path(section).fields().forEachRemaining(entry -> options.put(entry.getKey(), entry.getValue()));
        return options;
    }

    /**
     * Writes a file only when its text changes, so that an unchanged source is not compiled again.
     *
     * @param file where
     * @param text what
     */
    static void write(Path file, String text) {
        try {
            if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
                return;
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}

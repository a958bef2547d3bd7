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
package io.github.cameldfinery.component.mapping;

import java.io.IOException;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import io.github.cameldfinery.component.validation.RequestRules;

/**
 * Writes one property of a Java object (a typed model's or a Map's) into the request. The common values (text,
 * whole numbers, finite decimals, booleans, null) are written as they are, with no tree; anything else goes through
 * the same conversion ({@link JsonTrees}) and rules ({@link RequestRules}) as a JSON body, so every form of body
 * obeys one definition of what a property value may be.
 */
final class PropertyValues {

    private PropertyValues() {
    }

    /**
     * @param path where the object holding the property sits, for an error; built only when needed
     */
    static void write(JsonGenerator json, String name, Object value, Supplier<String> path, SerializerProvider trees)
            throws IOException {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
            || value instanceof Long || isFinite(value)) {
            RequestRules.propertyName(name, path);
            json.writeFieldName(name);
            writeScalar(json, value);
            return;
        }
        JsonNode tree = JsonTrees.valueAt(value, path.get(), name);
        RequestRules.propertyValue(name, tree, path.get());
        json.writeFieldName(name);
        JsonTrees.write(json, tree, trees);
    }

    private static boolean isFinite(Object value) {
        return value instanceof Double && Double.isFinite((Double) value);
    }

    private static void writeScalar(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String) {
            json.writeString((String) value);
        } else if (value instanceof Boolean) {
            json.writeBoolean((Boolean) value);
        } else if (value instanceof Double) {
            json.writeNumber((Double) value);
        } else {
            json.writeNumber(((Number) value).longValue());
        }
    }
}

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

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One component option as a property of a Spring Boot starter, typed the way Camel Spring Boot's generated starters
 * type it: boxed primitives and the option's own enum and bean types. Durations are text in Camel's notation, which
 * the customizer hands to the component's configurer: Spring's {@code Duration} binding rejects the compound
 * {@code 1m30s} that Camel Main takes.
 *
 * @param name the option's name
 * @param type the property's Java type, as source
 * @param rawType the type without its type arguments
 * @param initializer the default as a Java expression, or null
 * @param description the option's description
 * @param bean whether the option is a bean that a {@code #name} reference can set
 */
record StarterOption(String name, String type, String rawType, String initializer, String description,
                     boolean bean) {

    static StarterOption of(String name, JsonNode option) {
        String kind = option.path("type").asText();
        String javaType = option.path("javaType").asText();
        String defaultValue = option.has("defaultValue") ? option.get("defaultValue").asText() : null;
        String description = option.path("description").asText();
        switch (kind) {
            case "boolean":
                return plain(name, "Boolean", defaultValue, description);
            case "integer":
                boolean isLong = javaType.equals("long") || javaType.equals("java.lang.Long");
                return plain(name, isLong ? "Long" : "Integer",
                        defaultValue == null ? null : defaultValue + (isLong ? "L" : ""), description);
            case "number":
                boolean isFloat = javaType.equals("float") || javaType.equals("java.lang.Float");
                return plain(name, isFloat ? "Float" : "Double",
                        defaultValue == null ? null : defaultValue + (isFloat ? "F" : "D"), description);
            case "duration":
                return plain(name, "String", defaultValue == null ? null : quoted(defaultValue),
                        description + " A duration: 30s, 1m30s, 250ms or ISO-8601 (PT1M30S).");
            case "enum":
                if (javaType.equals("java.lang.String")) {
                    return plain(name, "String", defaultValue == null ? null : quoted(defaultValue), description);
                }
                return plain(name, javaType, defaultValue == null ? null : javaType + "." + defaultValue, description);
            case "object":
                return new StarterOption(name, javaType, rawType(javaType), null,
                        description + " The option is a " + javaType + " type.", true);
            default:
                return plain(name, "String", defaultValue == null ? null : quoted(defaultValue), description);
        }
    }

    private static StarterOption plain(String name, String type, String initializer, String description) {
        return new StarterOption(name, type, type, initializer, description, false);
    }

    private static String rawType(String javaType) {
        int arguments = javaType.indexOf('<');
        return arguments < 0 ? javaType : javaType.substring(0, arguments);
    }

    private static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    String capitalized() {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}

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

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldfinery.component.error.DfineryValidationException;
import org.apache.camel.Message;

/**
 * Splits a body into its elements as trees: a List (or array, or JSON array) gives one element per entry, anything
 * else one element. Each element keeps a path for error messages: {@code body} or {@code body[3]}.
 */
final class BodyElements {

    /** One element of a body. */
    record Element(JsonNode tree, String path) {
    }

    private BodyElements() {
    }

    static List<Element> of(Message message) {
        Object body = message.getBody();
        if (body == null) {
            throw new DfineryValidationException("body", "is null; expected a DFINERY model, a Map, JSON, or a List of these");
        }
        List<Element> elements = new ArrayList<>();
        if (body instanceof Collection || body instanceof Object[]) {
            Collection<?> entries = body instanceof Collection ? (Collection<?>) body : List.of((Object[]) body);
            int i = 0;
            for (Object entry : entries) {
                String path = "body[" + i++ + "]";
                elements.add(new Element(tree(entry, path, message), path));
            }
        } else {
            JsonNode tree = tree(body, "body", message);
            if (tree.isArray()) {
                for (int i = 0; i < tree.size(); i++) {
                    elements.add(new Element(tree.get(i), "body[" + i + "]"));
                }
            } else {
                elements.add(new Element(tree, "body"));
            }
        }
        if (elements.isEmpty()) {
            throw new DfineryValidationException("body", "is empty; nothing to send");
        }
        for (Element element : elements) {
            if (!element.tree().isObject()) {
                throw new DfineryValidationException(element.path(), "must be an object, got " + element.tree().getNodeType());
            }
        }
        return elements;
    }

    private static JsonNode tree(Object value, String path, Message message) {
        if (value == null) {
            throw new DfineryValidationException(path, "is null");
        }
        if (JsonTrees.isJsonText(value)) {
            return JsonTrees.parse(value, path);
        }
        if (value instanceof Number || value instanceof Boolean) {
            throw new DfineryValidationException(path, "a " + value.getClass().getSimpleName()
                                                       + " is not a DFINERY message; expected a DFINERY model, a Map or JSON");
        }
        if (!JsonTrees.isConvertible(value)) {
            // A file, a JMS message, a Netty buffer …: Camel's type converters can read it as JSON text.
            InputStream text = message.getExchange().getContext().getTypeConverter()
                    .tryConvertTo(InputStream.class, message.getExchange(), value);
            if (text != null) {
                return JsonTrees.parse(text, path);
            }
        }
        return JsonTrees.toTree(value, path);
    }
}

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

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldfinery.component.api.DfineryApi;
import io.github.cameldfinery.component.api.ImportRequest;
import io.github.cameldfinery.component.api.Json;
import io.github.cameldfinery.component.error.DfineryValidationException;
import io.github.cameldfinery.component.validation.RequestRules;
import org.apache.camel.Message;
import org.apache.camel.RuntimeCamelException;

/**
 * The identity and profile APIs take one user per request: {@code {"identity":…, …, "request_datetime":…}}. Each
 * body element becomes one request; {@code request_datetime} is filled in with the current time when absent.
 */
abstract class PerUserMapper implements RequestMapper {

    private final Clock clock;
    private final int maxRequestSize;

    PerUserMapper(Clock clock, int maxRequestSize) {
        this.clock = clock;
        this.maxRequestSize = maxRequestSize;
    }

    /** The API kind whose quota the requests spend. */
    abstract DfineryApi api();

    /** The API path for this message. */
    abstract String path(MessageHeaders headers);

    /**
     * Fills {@code body} (which already holds {@code identity}) from one element; {@code identity} is the resolved,
     * validated identity.
     */
    abstract void fill(ObjectNode body, JsonNode element, ObjectNode identity, String path, MessageHeaders headers);

    /** The fields an element in the API's own shape may have. */
    abstract List<String> requestFields();

    /** Whether an element is in the API's own shape, rather than the short form. */
    abstract boolean isRequestShape(JsonNode element);

    /** Elements when the body is empty and the headers carry the identity, or null if that is not allowed. */
    List<BodyElements.Element> elementsWithoutBody(MessageHeaders headers) {
        return null;
    }

    @Override
    public List<ImportRequest> toRequests(Message message, MessageHeaders headers) {
        JsonNode headerIdentity = headers.identity();
        List<BodyElements.Element> elements = message.getBody() == null ? elementsWithoutBody(headers) : null;
        if (elements == null) {
            elements = BodyElements.of(message);
        }
        String path = path(headers);
        List<ImportRequest> requests = new ArrayList<>(elements.size());
        for (BodyElements.Element element : elements) {
            JsonNode tree = element.tree();
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            ObjectNode identity;
            if (isRequestShape(tree)) {
                RequestRules.noUnknownFields(tree, requestFields(), element.path());
                JsonNode own = tree.get("identity");
                identity = own != null && !own.isNull()
                        ? RequestRules.identity(own, element.path() + ".identity")
                        : RequestRules.identity(headerIdentity, "headers");
            } else {
                identity = shortFormIdentity(tree, headerIdentity, element.path());
            }
            body.set("identity", identity);
            fill(body, tree, identity, element.path(), headers);
            JsonNode datetime = tree.get("request_datetime");
            body.put("request_datetime", datetime == null || datetime.isNull() || !isRequestShape(tree)
                    ? Datetimes.format(clock.instant())
                    : Datetimes.toApi(datetime, element.path() + ".request_datetime"));
            byte[] bytes;
            try {
                bytes = Json.MAPPER.writeValueAsBytes(body);
            } catch (JsonProcessingException e) {
                throw new RuntimeCamelException("Cannot serialize a DFINERY request", e);
            }
            RequestRules.requestSize(bytes.length, maxRequestSize, element::path);
            requests.add(new ImportRequest(api(), path, bytes, List.of()));
        }
        return requests;
    }

    /** The identity of an element in the short form; by default it comes from the headers. */
    ObjectNode shortFormIdentity(JsonNode element, JsonNode headerIdentity, String path) {
        if (headerIdentity == null) {
            throw new DfineryValidationException(path + ".identity", "no identity: give it in the body or in the "
                                                                     + "headers CamelDfineryIdentity / CamelDfineryExternalId …");
        }
        return RequestRules.identity(headerIdentity, "headers");
    }
}

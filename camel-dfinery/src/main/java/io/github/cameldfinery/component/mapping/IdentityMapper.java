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
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldfinery.component.api.DfineryApi;
import io.github.cameldfinery.component.api.DfineryIdentityOperation;
import io.github.cameldfinery.component.error.DfineryValidationException;
import io.github.cameldfinery.component.validation.RequestRules;

/**
 * {@code dfinery:identity}: a {@code DfineryIdentity}, a bare identity Map/JSON ({@code {"external_id":…}}), the
 * API's own shape ({@code {"identity":…,"request_datetime":…}}), or no body with the identity in the headers.
 * A delete sends only {@code external_id}, the one identifier the delete API takes.
 */
public final class IdentityMapper extends PerUserMapper {

    public static final String UPDATE_PATH = "/api/v1/identities";
    public static final String DELETE_PATH = "/api/v1/identities/delete";

    private final DfineryIdentityOperation defaultOperation;

    /** @param maxRequestSize the largest request in bytes, 0 for no bound */
    public IdentityMapper(DfineryIdentityOperation defaultOperation, Clock clock, int maxRequestSize) {
        super(clock, maxRequestSize);
        this.defaultOperation = defaultOperation;
    }

    @Override
    DfineryApi api() {
        return DfineryApi.identity;
    }

    @Override
    String path(MessageHeaders headers) {
        return operation(headers) == DfineryIdentityOperation.delete ? DELETE_PATH : UPDATE_PATH;
    }

    @Override
    List<BodyElements.Element> elementsWithoutBody(MessageHeaders headers) {
        JsonNode identity = headers.identity();
        return identity == null ? null : List.of(new BodyElements.Element(identity, "headers"));
    }

    @Override
    boolean isRequestShape(JsonNode element) {
        return element.has("identity");
    }

    @Override
    List<String> requestFields() {
        return List.of("identity", "request_datetime");
    }

    @Override
    ObjectNode shortFormIdentity(JsonNode element, JsonNode headerIdentity, String path) {
        return RequestRules.identity(element, path);
    }

    @Override
    void fill(ObjectNode body, JsonNode element, ObjectNode identity, String path, MessageHeaders headers) {
        if (operation(headers) == DfineryIdentityOperation.delete) {
            JsonNode externalId = identity.get("external_id");
            if (externalId == null) {
                throw new DfineryValidationException(path + ".identity.external_id", "required to delete a unified profile");
            }
            body.putObject("identity").set("external_id", externalId);
        }
    }

    private DfineryIdentityOperation operation(MessageHeaders headers) {
        return headers.operation() != null ? headers.operation() : defaultOperation;
    }
}

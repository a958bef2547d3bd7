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
import io.github.cameldfinery.component.validation.DfineryTrackingPlan;
import io.github.cameldfinery.component.validation.RequestRules;

/**
 * {@code dfinery:profile}: a {@code DfineryUserProfile}, the API's own shape
 * ({@code {"identity":…,"user_properties":…,"request_datetime":…}}), or a Map/JSON of user properties with the
 * identity in the headers.
 */
public final class ProfileMapper extends PerUserMapper {

    public static final String PATH = "/api/v1/user-profile";

    private final DfineryTrackingPlan trackingPlan;

    /** @param maxRequestSize the largest request in bytes, 0 for no bound */
    public ProfileMapper(DfineryTrackingPlan trackingPlan, Clock clock, int maxRequestSize) {
        super(clock, maxRequestSize);
        this.trackingPlan = trackingPlan;
    }

    @Override
    DfineryApi api() {
        return DfineryApi.profile;
    }

    @Override
    String path(MessageHeaders headers) {
        return PATH;
    }

    @Override
    boolean isRequestShape(JsonNode element) {
        return element.has("user_properties");
    }

    @Override
    List<String> requestFields() {
        return List.of("identity", "user_properties", "request_datetime");
    }

    @Override
    void fill(ObjectNode body, JsonNode element, ObjectNode identity, String path, MessageHeaders headers) {
        boolean requestShape = isRequestShape(element);
        String propertiesPath = requestShape ? path + ".user_properties" : path;
        ObjectNode properties = RequestRules.requiredObject(requestShape ? element.get("user_properties") : element,
                propertiesPath);
        RequestRules.propertyValues(properties, propertiesPath);
        if (trackingPlan != null) {
            trackingPlan.checkUserProperties(properties, propertiesPath);
        }
        body.set("user_properties", properties);
    }
}

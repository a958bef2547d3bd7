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
package io.github.cameldfinery.component.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * User properties to set for one user, for {@code dfinery:profile}. A {@code null} value clears a property; for
 * consent flags ({@code df_push_optin} …) always send an explicit true or false.
 */
public final class DfineryUserProfile {

    private final DfineryIdentity identity;
    private final Map<String, Object> properties;

    public DfineryUserProfile(DfineryIdentity identity, Map<String, ?> properties) {
        this.identity = identity;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    public static DfineryUserProfile of(DfineryIdentity identity, Map<String, ?> properties) {
        return new DfineryUserProfile(identity, properties);
    }

    /** The user; null when it comes from the message headers. */
    public DfineryIdentity getIdentity() {
        return identity;
    }

    public Map<String, Object> getProperties() {
        return properties;
    }

    @Override
    public String toString() {
        return "DfineryUserProfile" + properties.keySet();
    }
}

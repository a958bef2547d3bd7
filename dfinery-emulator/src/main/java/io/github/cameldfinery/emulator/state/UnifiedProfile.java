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
package io.github.cameldfinery.emulator.state;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** A unified profile: the identifiers DFINERY merged into one user, and that user's properties. */
final class UnifiedProfile {

    final String unifiedId;
    final Map<String, String> identifiers = new LinkedHashMap<>();
    final Map<String, JsonNode> properties = new LinkedHashMap<>();
    /** Set when this profile was merged into another; events keep pointing here and follow the chain. */
    UnifiedProfile mergedInto;

    UnifiedProfile(String unifiedId) {
        this.unifiedId = unifiedId;
    }

    UnifiedProfile canonical() {
        UnifiedProfile profile = this;
        while (profile.mergedInto != null) {
            profile = profile.mergedInto;
        }
        return profile;
    }
}

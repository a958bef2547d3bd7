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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldfinery.emulator.validation.Identity;

/**
 * Unified profiles of one service. An identity resolves to every profile that shares any identifier with it;
 * several such profiles are merged into the oldest. Callers hold the service lock.
 */
final class ProfileStore {

    private final Map<String, UnifiedProfile> live = new LinkedHashMap<>();
    private final Map<String, Map<String, UnifiedProfile>> index = new HashMap<>();
    private long sequence;
    private long merges;

    /** Finds or creates the profile of {@code identity}, merging profiles it joins, and records its identifiers. */
    UnifiedProfile upsert(Identity identity) {
        Set<UnifiedProfile> matches = new LinkedHashSet<>();
        identity.identifiers().forEach((field, value) -> {
            UnifiedProfile match = index.computeIfAbsent(field, f -> new HashMap<>()).get(value);
            if (match != null) {
                matches.add(match);
            }
        });
        UnifiedProfile target;
        if (matches.isEmpty()) {
            target = new UnifiedProfile(String.format("dfu-%08d", ++sequence));
            live.put(target.unifiedId, target);
        } else {
            target = matches.stream().min((a, b) -> a.unifiedId.compareTo(b.unifiedId)).orElseThrow();
            for (UnifiedProfile other : matches) {
                if (other != target) {
                    merge(other, target);
                }
            }
        }
        identity.identifiers().forEach((field, value) -> setIdentifier(target, field, value));
        return target;
    }

    void setProperties(UnifiedProfile profile, Map<String, JsonNode> properties) {
        profile.properties.putAll(properties);
    }

    /** Removes the profile with this external id; false when there is none. */
    boolean delete(String externalId) {
        UnifiedProfile profile = index.getOrDefault("external_id", Map.of()).get(externalId);
        if (profile == null) {
            return false;
        }
        profile.identifiers.forEach((field, value) -> index.get(field).remove(value));
        live.remove(profile.unifiedId);
        return true;
    }

    UnifiedProfile byExternalId(String externalId) {
        return index.getOrDefault("external_id", Map.of()).get(externalId);
    }

    List<ProfileSnapshot> snapshot() {
        List<ProfileSnapshot> copies = new ArrayList<>(live.size());
        for (UnifiedProfile profile : live.values()) {
            copies.add(snapshot(profile));
        }
        return copies;
    }

    static ProfileSnapshot snapshot(UnifiedProfile profile) {
        return new ProfileSnapshot(profile.unifiedId, Map.copyOf(profile.identifiers),
                new LinkedHashMap<>(profile.properties));
    }

    int size() {
        return live.size();
    }

    long merges() {
        return merges;
    }

    void clear() {
        live.clear();
        index.clear();
        sequence = 0;
        merges = 0;
    }

    private void merge(UnifiedProfile from, UnifiedProfile into) {
        from.identifiers.forEach((field, value) -> {
            index.get(field).remove(value);
            into.identifiers.putIfAbsent(field, value);
            if (into.identifiers.get(field).equals(value)) {
                index.get(field).put(value, into);
            }
        });
        from.properties.forEach(into.properties::putIfAbsent);
        from.mergedInto = into;
        live.remove(from.unifiedId);
        merges++;
    }

    private void setIdentifier(UnifiedProfile profile, String field, String value) {
        Map<String, UnifiedProfile> byValue = index.computeIfAbsent(field, f -> new HashMap<>());
        String previous = profile.identifiers.put(field, value);
        if (previous != null && !previous.equals(value)) {
            byValue.remove(previous);
        }
        byValue.put(value, profile);
    }
}

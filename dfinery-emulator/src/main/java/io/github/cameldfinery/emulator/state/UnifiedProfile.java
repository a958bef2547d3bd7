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

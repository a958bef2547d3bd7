package io.github.cameldfinery.emulator.state;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** A copy of a unified profile as stored, for inspection and export. */
public record ProfileSnapshot(String unifiedId, Map<String, String> identifiers, Map<String, JsonNode> properties) {

    public String externalId() {
        return identifiers.get("external_id");
    }
}

package io.github.cameldfinery.emulator.validation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A validated identity object: identifier field name to non-empty value. */
public record Identity(Map<String, String> identifiers) {

    public Identity {
        identifiers = Collections.unmodifiableMap(new LinkedHashMap<>(identifiers));
    }

    public String externalId() {
        return identifiers.get("external_id");
    }
}

package io.github.cameldfinery.emulator.validation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The import requests after validation, ready to be applied to a service's state. */
public final class ValidatedRequests {

    private ValidatedRequests() {
    }

    /** One event of an events request. {@code items} and {@code properties} are never null. */
    public record IncomingEvent(String eventLogId, String eventName, String eventDatetime, Instant eventInstant,
                                List<ObjectNode> items, ObjectNode properties) {
    }

    /** {@code POST /api/v1/events}: one identity and its events. */
    public record EventBatch(Identity identity, List<IncomingEvent> events) {
    }

    /** {@code POST /api/v1/identities}. */
    public record IdentityUpdate(Identity identity, Instant requestDatetime) {
    }

    /** {@code POST /api/v1/identities/delete}. */
    public record IdentityDelete(String externalId, Instant requestDatetime) {
    }

    /** {@code POST /api/v1/user-profile}. */
    public record ProfileUpdate(Identity identity, Map<String, JsonNode> properties, Instant requestDatetime) {
    }
}

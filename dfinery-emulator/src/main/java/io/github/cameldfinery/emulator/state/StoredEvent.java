package io.github.cameldfinery.emulator.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An event as the emulator stored it.
 *
 * @param identity the identity of the request that carried it, as sent
 * @param unifiedId the unified profile it belongs to now
 * @param externalId that profile's current external id, or null
 */
public record StoredEvent(String eventLogId, String eventName, String eventDatetime, Instant serverDatetime,
                          Map<String, String> identity, List<ObjectNode> items, ObjectNode properties,
                          String unifiedId, String externalId) {
}

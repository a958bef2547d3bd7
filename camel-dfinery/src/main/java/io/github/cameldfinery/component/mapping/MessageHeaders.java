package io.github.cameldfinery.component.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldfinery.component.api.DfineryIdentityOperation;

/**
 * What a message's headers add to its body, read by the producer.
 *
 * @param identity  the identity the headers give, for bodies that carry none; null when they give none
 * @param operation for identity requests, update or delete
 */
public record MessageHeaders(JsonNode identity, DfineryIdentityOperation operation) {
}

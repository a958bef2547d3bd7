package io.github.cameldfinery.emulator.state;

import java.time.Instant;

import io.github.cameldfinery.emulator.ApiKind;

/**
 * One request as the emulator saw and answered it. Tokens are never recorded.
 *
 * @param code   the import code ({@code 20000}, {@code 40001} …) or the export message ({@code ok},
 *               {@code invalid_parameter} …); {@code fault:<TYPE>} for an injected fault
 * @param detail the rejection detail, or null
 * @param body   the request body as received
 */
public record RecordedRequest(ApiKind kind, String path, Instant receivedAt, int httpStatus, String code,
                              String detail, String body) {
}

package io.github.cameldfinery.component.api;

import java.util.List;

/**
 * One HTTP request a message becomes: the API path and the JSON body, serialized once so that every retry and
 * redelivery sends the same bytes.
 *
 * @param api         the API kind whose quota the request spends
 * @param path        e.g. {@code /api/v1/events}
 * @param body        the JSON body
 * @param eventLogIds the events it carries, in order (empty for identity and profile requests)
 */
public record ImportRequest(DfineryApi api, String path, byte[] body, List<String> eventLogIds) {

    public ImportRequest {
        eventLogIds = List.copyOf(eventLogIds);
    }
}

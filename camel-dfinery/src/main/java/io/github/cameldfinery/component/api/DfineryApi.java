package io.github.cameldfinery.component.api;

/** The DFINERY API an endpoint talks to: the {@code api} part of {@code dfinery:api}. */
public enum DfineryApi {
    /** {@code POST /api/v1/events}: user events. */
    event,
    /** {@code POST /api/v1/identities} and {@code /api/v1/identities/delete}: unified profiles. */
    identity,
    /** {@code POST /api/v1/user-profile}: user properties. */
    profile,
    /** {@code POST /api/v1/export/event} and {@code /api/v1/export/userprofile}: exported data, as CSV. */
    export
}

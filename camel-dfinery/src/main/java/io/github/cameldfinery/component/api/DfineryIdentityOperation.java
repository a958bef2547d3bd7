package io.github.cameldfinery.component.api;

/** What {@code dfinery:identity} does with a unified profile. */
public enum DfineryIdentityOperation {
    /** Create or update the unified profile ({@code POST /api/v1/identities}). */
    update,
    /** Delete the unified profile; cannot be undone ({@code POST /api/v1/identities/delete}). */
    delete
}

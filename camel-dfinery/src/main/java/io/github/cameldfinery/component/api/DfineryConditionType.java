package io.github.cameldfinery.component.api;

/** How an export filter list applies. */
public enum DfineryConditionType {
    /** Everything; the list is ignored. */
    all,
    /** Only the listed names. */
    include,
    /** Everything but the listed names. */
    exclude
}

package io.github.cameldfinery.emulator;

/**
 * The API kinds that DFINERY counts requests against. Identity deletes count as {@link #IDENTITY}.
 */
public enum ApiKind {
    EVENT,
    IDENTITY,
    PROFILE,
    EXPORT;

    public boolean isImport() {
        return this != EXPORT;
    }
}

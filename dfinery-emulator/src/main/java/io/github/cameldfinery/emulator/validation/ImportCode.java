package io.github.cameldfinery.emulator.validation;

/** The detailed response codes of the import APIs, with the messages DFINERY pairs them with. */
public enum ImportCode {
    OK("20000", "OK"),
    BAD_REQUEST("40000", "BAD_REQUEST"),
    VALIDATION_FAILURE("40001", "VALIDATION_FAILURE"),
    INVALID_SERVICE_ID("40101", "INVALID_SERVICE_ID"),
    INVALID_TOKEN("40201", "INVALID_TOKEN"),
    TOO_MANY_REQUEST("40401", "TOO_MANY_REQUEST"),
    TOO_MANY_EVENTS("40402", "TOO_MANY_EVENTS"),
    TOO_MANY_USER_PROFILES("40403", "TOO_MANY_USER_PROFILES"),
    INTERNAL_SERVER_ERROR("50000", "INTERNAL_SERVER_ERROR");

    private final String code;
    private final String message;

    ImportCode(String code, String message) {
        this.code = code;
        this.message = message;
    }

    public String code() {
        return code;
    }

    public String message() {
        return message;
    }
}

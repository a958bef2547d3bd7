package io.github.cameldfinery.emulator.validation;

/** An import request the emulator refuses, with the code to answer and a detail that names the field. */
public final class ImportRejection extends RuntimeException {

    private final ImportCode code;

    public ImportRejection(ImportCode code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }

    public static ImportRejection invalid(String field, String rule) {
        return new ImportRejection(ImportCode.VALIDATION_FAILURE, field + ": " + rule);
    }

    public ImportCode code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }
}

package io.github.cameldfinery.emulator.validation;

/** An export request the emulator refuses, with the documented result and a detail that names the field. */
public final class ExportRejection extends RuntimeException {

    private final ExportResult result;

    public ExportRejection(ExportResult result, String detail) {
        super(detail, null, false, false);
        this.result = result;
    }

    public static ExportRejection invalid(String field, String rule) {
        return new ExportRejection(ExportResult.INVALID_PARAMETER, field + ": " + rule);
    }

    public ExportResult result() {
        return result;
    }

    public String detail() {
        return getMessage();
    }
}

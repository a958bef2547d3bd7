package io.github.cameldfinery.component.error;

/**
 * DFINERY answered an export with HTTP 200, but the body is not the CSV the export asked for: another content type
 * (an HTML page from a proxy), a header row without the dataset's columns, a row with more or fewer fields than the
 * header, a broken quote, bytes that are not UTF-8. No row of the body counts: the cursor stays on the window, and
 * exportFormatErrorPolicy says what happens next.
 */
public class DfineryExportFormatException extends DfineryException {

    private final String window;
    private final long line;
    private final String problem;

    /**
     * @param window  the export and its day window ({@code the events export 2026-11-01..2026-11-01})
     * @param line    the 1-based line of the body where the problem is; 0 when it is not in a line (content type)
     * @param problem what was wrong
     */
    public DfineryExportFormatException(String window, long line, String problem, Throwable cause) {
        super("The export body of " + window + " is not the expected CSV"
              + (line > 0 ? " at line " + line : "") + ": " + problem, null, cause);
        this.window = window;
        this.line = line;
        this.problem = problem;
    }

    /** The same answer is likely to be given again: exportFormatErrorPolicy decides, not a plain retry. */
    @Override
    public boolean isTransient() {
        return false;
    }

    /** The export and its day window. */
    public String getWindow() {
        return window;
    }

    /** The 1-based line of the body where the problem is; 0 when it is not in a line (the content type). */
    public long getLine() {
        return line;
    }

    /** What was wrong, without the window and line. */
    public String getProblem() {
        return problem;
    }
}

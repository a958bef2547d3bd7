/*
 * Copyright 2026 the camel-dfinery authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
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

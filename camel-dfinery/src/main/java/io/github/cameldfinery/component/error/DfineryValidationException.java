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
 * The message is not a valid DFINERY request: found before sending (then nothing was sent and the HTTP status is
 * 0), or reported by DFINERY ({@code 40000}, {@code 40001}, {@code 40402}, {@code 40403}, export
 * {@code invalid_parameter}, {@code exceed_date_range_limit}). Never retried: the same request fails again.
 */
public class DfineryValidationException extends DfineryException {

    private final String field;
    private final String rule;

    /** A local check failed; nothing was sent. */
    public DfineryValidationException(String field, String rule) {
        super("Invalid DFINERY message, nothing sent: " + field + ": " + rule, null, null);
        this.field = field;
        this.rule = rule;
    }

    /** DFINERY rejected the request. */
    public DfineryValidationException(String message, FailedResponse response) {
        super(message, response, null);
        this.field = null;
        this.rule = null;
    }

    /** The offending field, as a path into the message ({@code body[2].event_datetime}); null when from DFINERY. */
    public String getField() {
        return field;
    }

    /** The rule the field broke; null when from DFINERY. */
    public String getRule() {
        return rule;
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}

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
package io.github.cameldfinery.emulator.validation;

/** The documented failure results of the export APIs: HTTP status and {@code message}. */
public enum ExportResult {
    CLIENT_CONNECTION_CLOSED(200, "client_connection_closed"),
    INVALID_PARAMETER(400, "invalid_parameter"),
    EXCEED_DATE_RANGE_LIMIT(400, "exceed_date_range_limit"),
    UNAUTHORIZED_TOKEN(401, "unauthorized_token"),
    TOO_MANY_API_REQUESTS(429, "too_many_api_requests"),
    UNKNOWN_ERROR(500, "unknown_error"),
    QUERY_ERROR(500, "query_error");

    private final int httpStatus;
    private final String message;

    ExportResult(int httpStatus, String message) {
        this.httpStatus = httpStatus;
        this.message = message;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String message() {
        return message;
    }
}

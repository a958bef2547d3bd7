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

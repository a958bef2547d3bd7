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

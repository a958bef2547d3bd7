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

/** DFINERY failed on its side (HTTP 5xx, code {@code 50000}, export {@code unknown_error}): worth retrying. */
public class DfineryServerException extends DfineryException {

    public DfineryServerException(String message, FailedResponse response) {
        super(message, response, null);
    }

    /** No response arrived (see {@link DfineryConnectionException}). */
    protected DfineryServerException(String message, Throwable cause) {
        super(message, null, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}

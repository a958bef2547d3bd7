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
 * No complete response arrived. {@link #isRequestSent()} tells the two cases apart: false when the connection
 * could not be made (nothing reached DFINERY, so a retry is always safe), true when the request went out and the
 * answer timed out or broke off (DFINERY may have processed it).
 */
public class DfineryConnectionException extends DfineryServerException {

    private final boolean requestSent;

    public DfineryConnectionException(String message, boolean requestSent, Throwable cause) {
        super(message, cause);
        this.requestSent = requestSent;
    }

    /** Whether the request may have reached DFINERY. */
    public boolean isRequestSent() {
        return requestSent;
    }
}

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
 * DFINERY refused the token or the service id ({@code 40201 INVALID_TOKEN}, {@code 40101 INVALID_SERVICE_ID},
 * export {@code 401 unauthorized_token}), or no token is configured. Never retried.
 */
public class DfineryAuthenticationException extends DfineryException {

    public DfineryAuthenticationException(String message, FailedResponse response) {
        super(message, response, null);
    }

    /**
     * No token is configured for the call; nothing was sent. Names the option and the environment variables that
     * can hold the token instead, never a value.
     */
    public static DfineryAuthenticationException missingToken(String option, String variable) {
        return new DfineryAuthenticationException("No DFINERY " + option.replace("Token", "") + " token: set the "
                                                  + option + " option, or the environment variable " + variable
                                                  + " (or " + variable + "_FILE naming a file that holds it)", null);
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}

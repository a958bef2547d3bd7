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
package io.github.cameldfinery.redis;

import org.apache.camel.RuntimeCamelException;

/**
 * Redis could not be reached, or answered with an error, in one of this module's Redis beans; the message says what
 * could not be done and where (host and port, never a password).
 */
public class RedisStateException extends RuntimeCamelException {

    public RedisStateException(String message, Throwable cause) {
        super(message, cause);
    }
}

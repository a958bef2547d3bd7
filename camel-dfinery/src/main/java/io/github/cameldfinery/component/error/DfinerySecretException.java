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
 * A secret that the environment points to could not be read: the file named by a {@code DFINERY_…_FILE} variable is
 * missing, unreadable, empty or too large. Names the variable and the path, never the file's content. Thrown when the
 * component (or a Redis bean) starts, so a wrong mount fails the start instead of the first request.
 */
public class DfinerySecretException extends DfineryException {

    private final String variable;
    private final String path;

    public DfinerySecretException(String variable, String path, String problem, Throwable cause) {
        super("Cannot read the secret file named by the environment variable " + variable + ": " + path + " ("
              + problem + ")", null, cause);
        this.variable = variable;
        this.path = path;
    }

    /** The environment variable that names the file, for example {@code DFINERY_IMPORT_TOKEN_FILE}. */
    public String getVariable() {
        return variable;
    }

    /** The path the variable holds. */
    public String getPath() {
        return path;
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}

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
package io.github.cameldfinery.component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.github.cameldfinery.component.error.DfinerySecretException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secrets taken from the environment rather than from Camel's configuration, as cloud SDKs take theirs: Camel prints
 * the properties it binds (at DEBUG, in clear, whatever the option's name), but never sees a value read here.
 *
 * <p>For a variable {@code NAME} (for example {@link #ACCESS_TOKEN}) the secret is the value of {@code NAME}; else
 * the content of the file whose path {@code NAME_FILE} holds (the Docker and Kubernetes convention for a mounted
 * secret), without trailing whitespace and line ends; else there is none. When both are set, {@code NAME} is used and
 * a warning says the file is not read. A file that cannot be read, is empty or is larger than 64 KiB fails with a
 * {@link DfinerySecretException} naming the variable and the path, never the content. Where each secret was taken
 * from is logged once, at INFO, by the variable's name; values are never logged.
 *
 * <p>Callers ask only for what the configuration leaves unset: an option set explicitly always wins.
 */
public final class DfinerySecrets {

    /** The import token ({@code accessToken}) when the option is unset. */
    public static final String ACCESS_TOKEN = "DFINERY_IMPORT_TOKEN";
    /** The export token ({@code bearerToken}) when the option is unset. */
    public static final String BEARER_TOKEN = "DFINERY_EXPORT_TOKEN";
    /**
     * The Redis password of camel-dfinery-redis (the quota store of {@code quotaStoreUri}, and the cursor, claims and
     * idempotent repository beans) for a Redis URI that carries none.
     */
    public static final String REDIS_PASSWORD = "DFINERY_REDIS_PASSWORD";
    /** Appended to a variable's name: the variable that names a file holding the secret. */
    public static final String FILE_SUFFIX = "_FILE";

    /** Larger than any token or password: a path to the wrong file (a log, a device) is refused, not read whole. */
    static final int MAX_FILE_BYTES = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(DfinerySecrets.class);
    private static final DfinerySecrets PROCESS = new DfinerySecrets(System::getenv);

    private final Function<String, String> environment;
    private final Set<String> told = ConcurrentHashMap.newKeySet();

    /**
     * @param environment the environment variables by name, null for an unset one: {@code System::getenv}, or a
     *                    fake environment in tests
     */
    public DfinerySecrets(Function<String, String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** The secrets of this process's environment ({@code System::getenv}). */
    public static DfinerySecrets ofProcess() {
        return PROCESS;
    }

    /**
     * The secret {@code variable} holds, or the content of the file {@code variable + "_FILE"} names; null when
     * neither is set (an empty value counts as unset).
     *
     * @param  what                   what the secret is, for the log line ({@code "accessToken"})
     * @throws DfinerySecretException when the file cannot be read, is empty or too large
     */
    public String get(String variable, String what) {
        String fileVariable = variable + FILE_SUFFIX;
        String value = environment.apply(variable);
        String file = environment.apply(fileVariable);
        if (value != null && !value.isEmpty()) {
            if (file != null && !file.isEmpty()) {
                tellOnce(variable + "+file", () -> LOG.warn("Both {} and {} are set: the DFINERY {} is taken from {}; "
                        + "the file is not read", variable, fileVariable, what, variable));
            }
            tellOnce(variable, () -> LOG.info("The DFINERY {} is taken from the environment variable {}", what,
                    variable));
            return value;
        }
        if (file == null || file.isEmpty()) {
            return null;
        }
        String secret = read(fileVariable, file);
        tellOnce(fileVariable, () -> LOG.info("The DFINERY {} is taken from the file named by the environment variable "
                + "{} ({})", what, fileVariable, file));
        return secret;
    }

    private void tellOnce(String key, Runnable log) {
        if (told.add(key)) {
            log.run();
        }
    }

    /** The file's content as UTF-8, trailing whitespace and line ends removed. */
    static String read(String variable, String file) {
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            throw new DfinerySecretException(variable, file, "not a valid path", null);
        }
        if (Files.isDirectory(path)) {
            throw new DfinerySecretException(variable, file, "a directory, not a file", null);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new DfinerySecretException(variable, file, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new DfinerySecretException(variable, file, "permission denied", e);
        } catch (IOException e) {
            throw new DfinerySecretException(variable, file, "cannot be read: " + e.getClass().getSimpleName(), e);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new DfinerySecretException(variable, file, "larger than " + MAX_FILE_BYTES + " bytes", null);
        }
        String secret;
        try {
            secret = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new DfinerySecretException(variable, file, "not UTF-8 text", null);
        }
        secret = secret.stripTrailing();
        if (secret.isEmpty()) {
            throw new DfinerySecretException(variable, file, "empty", null);
        }
        return secret;
    }
}

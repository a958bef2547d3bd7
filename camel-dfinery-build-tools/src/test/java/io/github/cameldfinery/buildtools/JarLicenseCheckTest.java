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
package io.github.cameldfinery.buildtools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check the root pom runs on every module's jars. */
class JarLicenseCheckTest {

    @TempDir
    Path target;

    @Test
    void aJarWithBothFilesPasses() throws IOException {
        jar("module-1.0.jar", "META-INF/LICENSE", "META-INF/NOTICE", "a/B.class");

        assertThat(JarLicenseCheck.problems(target)).isEmpty();
    }

    @Test
    void everyMissingFileOfEveryJarIsNamed() throws IOException {
        jar("module-1.0.jar", "META-INF/LICENSE", "META-INF/NOTICE");
        jar("module-1.0-tests.jar", "META-INF/LICENSE", "a/BTest.class");
        jar("module-1.0-standalone.jar", "META-INF/LICENSE.txt", "META-INF/NOTICE.txt");

        assertThat(JarLicenseCheck.problems(target)).containsExactly(
                target.resolve("module-1.0-standalone.jar") + ": no META-INF/LICENSE (the root pom copies LICENSE"
                        + " and NOTICE into every jar's META-INF)",
                target.resolve("module-1.0-standalone.jar") + ": no META-INF/NOTICE (the root pom copies LICENSE"
                        + " and NOTICE into every jar's META-INF)",
                target.resolve("module-1.0-tests.jar") + ": no META-INF/NOTICE (the root pom copies LICENSE"
                        + " and NOTICE into every jar's META-INF)");
    }

    @Test
    void onlyTheDirectorysOwnJarsAreChecked() throws IOException {
        Files.createDirectories(target.resolve("it/setup/target"));
        jar("it/setup/target/setup-1.0.jar", "a/B.class");

        assertThat(JarLicenseCheck.problems(target)).isEmpty();
        assertThat(JarLicenseCheck.problems(target.resolve("missing"))).isEmpty();
    }

    private void jar(String name, String... entries) throws IOException {
        try (OutputStream file = Files.newOutputStream(target.resolve(name));
                ZipOutputStream zip = new ZipOutputStream(file)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(entry.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }
}

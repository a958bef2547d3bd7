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

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

/** What the build puts next to the classes: Camel's service files under META-INF, nothing stray at the root. */
class PackagedResourcesTest {

    @Test
    void devConsolesPropertiesIsOnlyUnderMetaInf() throws Exception {
        Path classes = Path.of(DfineryComponent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(classes)) {
            assertThat(classes.resolve("dev-consoles.properties")).doesNotExist();
            assertThat(classes.resolve("META-INF/services/org/apache/camel/dev-consoles.properties")).exists();
        } else {
            try (JarFile jar = new JarFile(classes.toFile())) {
                assertThat(jar.getEntry("dev-consoles.properties")).isNull();
                assertThat(jar.getEntry("META-INF/services/org/apache/camel/dev-consoles.properties")).isNotNull();
            }
        }
    }
}

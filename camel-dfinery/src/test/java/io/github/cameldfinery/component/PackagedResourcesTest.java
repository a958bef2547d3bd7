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

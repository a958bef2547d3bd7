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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * Fails the build when a jar it produced lacks {@code META-INF/LICENSE} or {@code META-INF/NOTICE}: every jar we
 * publish, test-jars and the emulator's standalone jar included, carries the project's license and notice.
 *
 * <p>The root pom runs this file in every module at {@code verify}, as a single-file source program
 * ({@code java JarLicenseCheck.java <module>/target}), so that it needs nothing built beforehand: it uses the JDK
 * alone. Only the jars directly in the directory are checked (not those of the setups the Invoker builds, which are
 * users' projects).
 */
public final class JarLicenseCheck {

    static final List<String> REQUIRED = List.of("META-INF/LICENSE", "META-INF/NOTICE");

    private JarLicenseCheck() {
    }

    /**
     * Checks the jars of one build directory.
     *
     * @param args the build directory ({@code target}); a missing directory holds no jar
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: JarLicenseCheck <build directory>");
        }
        List<String> problems = problems(Path.of(args[0]));
        if (!problems.isEmpty()) {
            problems.forEach(System.err::println);
            System.exit(1);
        }
    }

    /** One line per missing entry, naming the jar and the entry; empty when every jar has both. */
    static List<String> problems(Path buildDirectory) throws IOException {
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(buildDirectory)) {
            return problems;
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(buildDirectory)) {
            jars = files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
        for (Path jar : jars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (String entry : REQUIRED) {
                    if (zip.getEntry(entry) == null) {
                        problems.add(jar + ": no " + entry + " (the root pom copies LICENSE and NOTICE into every"
                                + " jar's META-INF)");
                    }
                }
            }
        }
        return problems;
    }
}

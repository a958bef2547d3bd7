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
package io.github.cameldfinery.examples.docs;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles Java snippets at test time with the JDK's compiler, on the test's class path. A snippet that is a whole
 * compilation unit (it declares a class) is compiled as it is. Any other snippet is the body of a Camel
 * {@code RouteBuilder.configure()}; the declared prelude is that method, with {@code context} (the CamelContext)
 * and {@code registry} (its Registry) in scope; the snippet's own {@code import} lines go above the class.
 */
final class JavaSnippets {

    static final Pattern CLASS = Pattern.compile("(?m)^(?:public\\s+)?(?:final\\s+)?class\\s+(\\w+)");

    private final Path output;
    private int count;

    JavaSnippets(Path output) {
        this.output = output;
    }

    /** A RouteBuilder whose configure() is the snippet. */
    org.apache.camel.builder.RouteBuilder routes(String snippet) throws Exception {
        String name = "RouteSnippet" + (++count);
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String line : snippet.split("\n")) {
            (line.startsWith("import ") ? imports : body).append(line).append('\n');
        }
        String source = "package snippets;\n" + imports
                + "public class " + name + " extends org.apache.camel.builder.RouteBuilder {\n"
                + "    @Override\n"
                + "    public void configure() throws Exception {\n"
                + "        org.apache.camel.CamelContext context = getContext();\n"
                + "        org.apache.camel.spi.Registry registry = context.getRegistry();\n"
                + body
                + "    }\n}\n";
        return (org.apache.camel.builder.RouteBuilder) compile("snippets." + name, source).getDeclaredConstructor()
                .newInstance();
    }

    /** The class that the snippet declares, compiled in the package it names (or none). */
    Class<?> unit(String snippet) throws Exception {
        Matcher declared = CLASS.matcher(snippet);
        if (!declared.find()) {
            throw new AssertionError("the snippet declares no class");
        }
        Matcher pkg = Pattern.compile("(?m)^package\\s+([\\w.]+);").matcher(snippet);
        String qualified = (pkg.find() ? pkg.group(1) + "." : "") + declared.group(1);
        return compile(qualified, snippet);
    }

    private Class<?> compile(String qualifiedName, String source) throws Exception {
        Path sources = output.resolve("src");
        Path file = sources.resolve(qualifiedName.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source, StandardCharsets.UTF_8);
        Path classes = output.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        List<String> arguments = new ArrayList<>(List.of("-proc:none", "-encoding", "UTF-8", "-d", classes.toString(),
                "-classpath", classPath(), file.toString()));
        boolean ok = javac.run(null, messages, messages, arguments.toArray(new String[0])) == 0;
        if (!ok) {
            throw new AssertionError("the snippet does not compile:\n" + messages.toString(StandardCharsets.UTF_8)
                    + "\n" + numbered(source));
        }
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                JavaSnippets.class.getClassLoader());
        return loader.loadClass(qualifiedName);
    }

    /** The test's class path; surefire's manifest-only jar is turned off for this test (see the pom). */
    private static String classPath() throws IOException {
        String path = System.getProperty("java.class.path");
        for (String entry : path.split(File.pathSeparator)) {
            if (entry.contains("surefirebooter")) {
                throw new IOException("the class path is surefire's manifest-only jar: set useManifestOnlyJar=false");
            }
        }
        return path;
    }

    private static String numbered(String source) {
        StringBuilder text = new StringBuilder();
        String[] lines = source.split("\n");
        for (int i = 0; i < lines.length; i++) {
            text.append(String.format("%4d  %s%n", i + 1, lines[i]));
        }
        return text.toString();
    }
}

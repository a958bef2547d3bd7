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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Spring Boot starter's sources derived from the component's descriptor, on the pattern of Camel Spring Boot's
 * generated starters: {@code <Name>ComponentConfiguration}, the {@code camel.component.<scheme>.*} properties (every
 * component option, its description as javadoc, its default as initializer); {@code <Name>ComponentConverter},
 * which turns a {@code #name} or {@code #bean:name} property into the Spring bean of that name;
 * {@code <Name>ComponentAutoConfiguration}, the {@code ComponentCustomizer} that applies the properties; and the
 * {@code AutoConfiguration.imports} that registers both. Usage: {@code StarterSources <descriptor>
 * <source directory> <resource directory> <package> [<option check>]}, where the option check is a class of the
 * package with a {@code static void check(CamelContext, <Name>ComponentConfiguration)} that the customizer calls
 * before it copies the properties (the component's own checks, which no generic starter knows).
 */
public final class StarterSources {

    private static final int WIDTH = 110;
    /** Where Spring Boot finds auto-configurations. */
    static final String IMPORTS = "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports";

    private StarterSources() {
    }

    /**
     * Writes the three classes and the imports file.
     *
     * @param args the descriptor (see {@link Descriptor#read(String)}), the source directory, the resource directory,
     *             the package and, optionally, the simple name of the option check
     * @throws IOException when the descriptor cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 4 && args.length != 5) {
            throw new IllegalArgumentException("usage: StarterSources <descriptor> <source directory>"
                    + " <resource directory> <package> [<option check>]");
        }
        Descriptor descriptor = Descriptor.read(args[0]);
        String packageName = args[3];
        Path directory = Path.of(args[1]).resolve(packageName.replace('.', '/'));
        String name = className(descriptor);
        Descriptor.write(directory.resolve(name + "ComponentConfiguration.java"),
                configuration(descriptor, packageName));
        Descriptor.write(directory.resolve(name + "ComponentConverter.java"), converter(descriptor, packageName));
        Descriptor.write(directory.resolve(name + "ComponentAutoConfiguration.java"),
                autoConfiguration(descriptor, packageName, args.length == 5 ? args[4] : null));
        Descriptor.write(Path.of(args[2]).resolve(IMPORTS), imports(descriptor, packageName));
    }

    static List<StarterOption> options(Descriptor descriptor) {
        List<StarterOption> options = new ArrayList<>();
        descriptor.section("componentProperties").forEach((name, option) -> options.add(StarterOption.of(name, option)));
        return options;
    }

    static String className(Descriptor descriptor) {
        String scheme = descriptor.json().path("component").path("scheme").asText();
        StringBuilder name = new StringBuilder();
        for (String part : scheme.split("-")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.toString();
    }

    static String configuration(Descriptor descriptor, String packageName) {
        String scheme = descriptor.json().path("component").path("scheme").asText();
        String name = className(descriptor);
        StringBuilder out = header(packageName);
        out.append("import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;\n")
                .append("import org.springframework.boot.context.properties.ConfigurationProperties;\n\n")
                .append("/**\n * The ").append(scheme).append(" component's options as Spring Boot properties, {@code camel.component.")
                .append(scheme).append(".*}.\n */\n")
                .append("@ConfigurationProperties(prefix = \"camel.component.").append(scheme).append("\")\n")
                .append("public class ").append(name)
                .append("ComponentConfiguration extends ComponentConfigurationPropertiesCommon {\n");
        List<StarterOption> options = options(descriptor);
        for (StarterOption option : options) {
            out.append("\n    /**\n");
            for (String line : wrap(javadoc(option.description()))) {
                out.append("     * ").append(line).append('\n');
            }
            out.append("     */\n    private ").append(option.type()).append(' ').append(option.name());
            if (option.initializer() != null) {
                out.append(" = ").append(option.initializer());
            }
            out.append(";\n");
        }
        for (StarterOption option : options) {
            out.append("\n    public ").append(option.type()).append(" get").append(option.capitalized())
                    .append("() {\n        return ").append(option.name()).append(";\n    }\n\n    public void set")
                    .append(option.capitalized()).append('(').append(option.type()).append(' ').append(option.name())
                    .append(") {\n        this.").append(option.name()).append(" = ").append(option.name())
                    .append(";\n    }\n");
        }
        return out.append("}\n").toString();
    }

    static String converter(Descriptor descriptor, String packageName) {
        String name = className(descriptor);
        Set<String> beanTypes = new LinkedHashSet<>();
        options(descriptor).stream().filter(StarterOption::bean).forEach(option -> beanTypes.add(option.rawType()));
        StringBuilder out = header(packageName);
        out.append("import java.util.LinkedHashSet;\nimport java.util.Set;\n\n")
                .append("import org.springframework.beans.factory.annotation.Autowired;\n")
                .append("import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;\n")
                .append("import org.springframework.context.ApplicationContext;\n")
                .append("import org.springframework.context.annotation.Configuration;\n")
                .append("import org.springframework.core.convert.TypeDescriptor;\n")
                .append("import org.springframework.core.convert.converter.GenericConverter;\n")
                .append("import org.springframework.stereotype.Component;\n\n")
                .append("/**\n * Binds a bean option set as {@code #name} or {@code #bean:name} to the Spring bean of that name.\n */\n")
                .append("@Configuration(proxyBeanMethods = false)\n@ConfigurationPropertiesBinding\n@Component\n")
                .append("public class ").append(name).append("ComponentConverter implements GenericConverter {\n\n")
                .append("    @Autowired\n    private ApplicationContext applicationContext;\n\n")
                .append("    @Override\n    public Set<ConvertiblePair> getConvertibleTypes() {\n")
                .append("        Set<ConvertiblePair> answer = new LinkedHashSet<>();\n");
        for (String type : beanTypes) {
            out.append("        answer.add(new ConvertiblePair(String.class, ").append(type).append(".class));\n");
        }
        out.append("        return answer;\n    }\n\n")
                .append("    @Override\n    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {\n")
                .append("        if (source == null) {\n            return null;\n        }\n")
                .append("        String ref = source.toString();\n")
                .append("        if (!ref.startsWith(\"#\")) {\n            return null;\n        }\n")
                .append("        ref = ref.startsWith(\"#bean:\") ? ref.substring(6) : ref.substring(1);\n")
                .append("        Class<?> type = targetType.getType();\n")
                .append("        return getConvertibleTypes().stream().anyMatch(pair -> pair.getTargetType() == type)\n")
                .append("                ? applicationContext.getBean(ref, type) : null;\n")
                .append("    }\n}\n");
        return out.toString();
    }

    /**
     * The auto-configuration as Camel Spring Boot generates it: on when a CamelContext is there and
     * {@code camel.component.<scheme>.enabled} is not false; a customizer that copies the properties onto the
     * component unless {@code camel.component.customizer.enabled} or
     * {@code camel.component.<scheme>.customizer.enabled} is false; the option check, when there is one, first.
     */
    static String autoConfiguration(Descriptor descriptor, String packageName, String optionCheck) {
        String scheme = descriptor.json().path("component").path("scheme").asText();
        String componentType = descriptor.json().path("component").path("javaType").asText();
        String component = componentType.substring(componentType.lastIndexOf('.') + 1);
        String name = className(descriptor);
        String configuration = name + "ComponentConfiguration";
        StringBuilder out = header(packageName);
        out.append("import ").append(componentType).append(";\n")
                .append("import org.apache.camel.Component;\n")
                .append("import org.apache.camel.spi.ComponentCustomizer;\n")
                .append("import org.apache.camel.spring.boot.CamelAutoConfiguration;\n")
                .append("import org.apache.camel.spring.boot.ComponentConfigurationProperties;\n")
                .append("import org.apache.camel.spring.boot.util.CamelPropertiesHelper;\n")
                .append("import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;\n")
                .append("import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;\n")
                .append("import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;\n")
                .append("import org.springframework.boot.autoconfigure.AutoConfiguration;\n")
                .append("import org.springframework.boot.context.properties.EnableConfigurationProperties;\n")
                .append("import org.springframework.context.ApplicationContext;\n")
                .append("import org.springframework.context.annotation.Bean;\n")
                .append("import org.springframework.context.annotation.Conditional;\n")
                .append("import org.springframework.context.annotation.Lazy;\n\n")
                .append("/**\n * Applies {@code camel.component.").append(scheme).append(".*} to the ").append(scheme)
                .append(" component with a {@link ComponentCustomizer}. Off with\n * {@code camel.component.")
                .append(scheme).append(".enabled=false} (the whole configuration), or with\n")
                .append(" * {@code camel.component.customizer.enabled} or {@code camel.component.").append(scheme)
                .append(".customizer.enabled} false (the customizer).\n */\n")
                .append("@AutoConfiguration(after = {CamelAutoConfiguration.class, ").append(name)
                .append("ComponentConverter.class})\n")
                .append("@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)\n")
                .append("@EnableConfigurationProperties({ComponentConfigurationProperties.class, ").append(configuration)
                .append(".class})\n")
                .append("@ConditionalOnHierarchicalProperties({\"camel.component\", \"camel.component.").append(scheme)
                .append("\"})\n")
                .append("public class ").append(name).append("ComponentAutoConfiguration {\n\n")
                .append("    private final ApplicationContext applicationContext;\n")
                .append("    private final ").append(configuration).append(" configuration;\n\n")
                .append("    public ").append(name).append("ComponentAutoConfiguration(ApplicationContext applicationContext,\n")
                .append("            ").append(configuration).append(" configuration) {\n")
                .append("        this.applicationContext = applicationContext;\n")
                .append("        this.configuration = configuration;\n    }\n\n")
                .append("    @Lazy\n    @Bean\n    public ComponentCustomizer configure").append(name).append("Component() {\n")
                .append("        return new ComponentCustomizer() {\n")
                .append("            @Override\n            public void configure(String name, Component target) {\n");
        if (optionCheck != null) {
            out.append("                ").append(optionCheck).append(".check(target.getCamelContext(), configuration);\n");
        }
        out.append("                CamelPropertiesHelper.copyProperties(target.getCamelContext(), configuration, target);\n")
                .append("            }\n\n")
                .append("            @Override\n            public boolean isEnabled(String name, Component target) {\n")
                .append("                return HierarchicalPropertiesEvaluator.evaluate(applicationContext,")
                .append(" \"camel.component.customizer\",\n")
                .append("                        \"camel.component.").append(scheme).append(".customizer\") && target instanceof ")
                .append(component).append(";\n")
                .append("            }\n        };\n    }\n}\n");
        return out.toString();
    }

    /** The imports file: the converter, then the auto-configuration. */
    static String imports(Descriptor descriptor, String packageName) {
        String name = className(descriptor);
        return "# Generated by camel-dfinery-build-tools from the component's descriptor: do not edit.\n"
                + packageName + "." + name + "ComponentConverter\n"
                + packageName + "." + name + "ComponentAutoConfiguration\n";
    }

    private static StringBuilder header(String packageName) {
        return new StringBuilder("/* Generated by camel-dfinery-build-tools from the component's descriptor: do not edit. */\n")
                .append("package ").append(packageName).append(";\n\n");
    }

    private static String javadoc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;")
                .replace("@", "&#64;");
    }

    private static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}

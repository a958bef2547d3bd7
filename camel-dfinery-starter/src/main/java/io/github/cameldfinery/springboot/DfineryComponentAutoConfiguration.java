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
package io.github.cameldfinery.springboot;

import io.github.cameldfinery.component.DfineryComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Applies {@code camel.component.dfinery.*} to the dfinery component, the way Camel Spring Boot's own starters do:
 * a {@link ComponentCustomizer}, switched off by {@code camel.component.dfinery.enabled=false} (the whole
 * configuration) or {@code camel.component.customizer.enabled} / {@code camel.component.dfinery.customizer.enabled}
 * (the customizer).
 */
@AutoConfiguration(after = {CamelAutoConfiguration.class, DfineryComponentConverter.class})
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ComponentConfigurationProperties.class, DfineryComponentConfiguration.class})
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.dfinery"})
public class DfineryComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final DfineryComponentConfiguration configuration;

    public DfineryComponentAutoConfiguration(ApplicationContext applicationContext,
                                             DfineryComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.configuration = configuration;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureDfineryComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelContext camel = applicationContext.getBean(CamelContext.class);
                // First as the component reads them: a value it refuses fails here, naming the option and the text.
                // camel-spring-boot would retry it as a bean reference and report a missing bean instead, or, for a
                // number out of range, leave the component's default in force without a word.
                CamelPropertiesHelper.getNonNullProperties(camel, configuration)
                        .forEach(DfineryComponent::checkOptionValue);
                CamelPropertiesHelper.copyProperties(camel, configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.dfinery.customizer") && target instanceof DfineryComponent;
            }
        };
    }
}

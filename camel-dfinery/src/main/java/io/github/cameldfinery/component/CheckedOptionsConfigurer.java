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

import org.apache.camel.CamelContext;
import org.apache.camel.spi.GeneratedPropertyConfigurer;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.PropertyConfigurerGetter;

/**
 * The generated configurer of the component or its endpoints, with every number, duration and ratio option read by
 * {@link OptionValues} before it: the one place where Camel hands over an option's text (endpoint URIs, YAML
 * parameters, the endpoint DSL, Kamelets, Camel Main's {@code camel.component.dfinery.*}, the Spring Boot starter), so
 * that a text Camel's conversion would read as 0 fails the binding instead, naming the option and the text.
 */
final class CheckedOptionsConfigurer implements GeneratedPropertyConfigurer, PropertyConfigurerGetter {

    private final PropertyConfigurer delegate;

    CheckedOptionsConfigurer(PropertyConfigurer delegate) {
        this.delegate = delegate;
    }

    /** The configurer this one checks for. */
    PropertyConfigurer delegate() {
        return delegate;
    }

    @Override
    public boolean configure(CamelContext camelContext, Object target, String name, Object value, boolean ignoreCase) {
        OptionValues.Range range = OptionValues.range(name);
        return delegate.configure(camelContext, target, name, range == null ? value : OptionValues.checked(range, value),
                ignoreCase);
    }

    private PropertyConfigurerGetter getter() {
        return (PropertyConfigurerGetter) delegate;
    }

    @Override
    public Class<?> getOptionType(String name, boolean ignoreCase) {
        return getter().getOptionType(name, ignoreCase);
    }

    @Override
    public String[] getAutowiredNames() {
        return getter().getAutowiredNames();
    }

    @Override
    public Object getCollectionValueType(Object target, String name, boolean ignoreCase) {
        return getter().getCollectionValueType(target, name, ignoreCase);
    }

    @Override
    public Object getOptionValue(Object target, String name, boolean ignoreCase) {
        return getter().getOptionValue(target, name, ignoreCase);
    }
}

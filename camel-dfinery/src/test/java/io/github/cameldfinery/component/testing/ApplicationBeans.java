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
package io.github.cameldfinery.component.testing;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.spi.BeanRepository;

/**
 * Beans that outlive the Camel context, as in a Spring application context: Camel forgets components added by hand
 * and beans bound in its own registry when the context stops, so a component kept across a restart is a bean of the
 * application ({@code new DefaultCamelContext(new DefaultRegistry(beans))}).
 */
public final class ApplicationBeans implements BeanRepository {

    private final Map<String, Object> beans = new ConcurrentHashMap<>();

    /** Binds a bean under a name, replacing any bound before. */
    public ApplicationBeans bind(String name, Object bean) {
        beans.put(name, bean);
        return this;
    }

    @Override
    public Object lookupByName(String name) {
        return beans.get(name);
    }

    @Override
    public <T> T lookupByNameAndType(String name, Class<T> type) {
        Object bean = beans.get(name);
        return type.isInstance(bean) ? type.cast(bean) : null;
    }

    @Override
    public <T> Map<String, T> findByTypeWithName(Class<T> type) {
        return Map.of();
    }

    @Override
    public <T> Set<T> findByType(Class<T> type) {
        return Set.of();
    }
}

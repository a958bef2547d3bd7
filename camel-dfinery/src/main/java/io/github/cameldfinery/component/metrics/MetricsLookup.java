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
package io.github.cameldfinery.component.metrics;

import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.camel.CamelContext;

/**
 * Finds the Micrometer registry as camel-micrometer does: the bean {@code metricsRegistry}, else the one
 * {@code MeterRegistry} in the Camel registry (a composite first, as Spring Boot has). Never makes one.
 */
public final class MetricsLookup {

    private static final boolean MICROMETER = present();

    private MetricsLookup() {
    }

    /** The component's metrics: Micrometer's when a registry is there, else {@link DfineryMetrics#NONE}. */
    public static DfineryMetrics find(CamelContext context) {
        return MICROMETER ? Micrometer.find(context) : DfineryMetrics.NONE;
    }

    private static boolean present() {
        try {
            Class.forName("io.micrometer.core.instrument.MeterRegistry", false, MetricsLookup.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Touches Micrometer's classes only when they are there. */
    private static final class Micrometer {
        static DfineryMetrics find(CamelContext context) {
            MeterRegistry named = context.getRegistry().lookupByNameAndType("metricsRegistry", MeterRegistry.class);
            if (named != null) {
                return new MicrometerDfineryMetrics(named);
            }
            Set<CompositeMeterRegistry> composites = context.getRegistry().findByType(CompositeMeterRegistry.class);
            if (composites.size() == 1) {
                return new MicrometerDfineryMetrics(composites.iterator().next());
            }
            Set<MeterRegistry> registries = context.getRegistry().findByType(MeterRegistry.class);
            return registries.size() == 1 ? new MicrometerDfineryMetrics(registries.iterator().next()) : DfineryMetrics.NONE;
        }
    }
}

/**
 * What the component tells a metrics registry: {@link DfineryMetrics}, a no-op unless a Micrometer
 * {@code MeterRegistry} is in the Camel registry ({@link MicrometerDfineryMetrics}).
 */
package io.github.cameldfinery.component.metrics;

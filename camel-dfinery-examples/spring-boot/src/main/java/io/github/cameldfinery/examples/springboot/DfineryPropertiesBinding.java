package io.github.cameldfinery.examples.springboot;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.cameldfinery.component.DfineryComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.util.StringHelper;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Applies {@code camel.component.dfinery.*} from the Spring environment to the dfinery component, with Camel's own
 * conversions (durations such as {@code 30s}). Camel Spring Boot does this through a component's starter; until
 * camel-dfinery has one, this class is the glue (copy it into your app).
 */
@Configuration(proxyBeanMethods = false)
public class DfineryPropertiesBinding {

    @Bean
    ComponentCustomizer dfineryProperties(Environment environment, CamelContext camelContext) {
        Map<String, String> raw = Binder.get(environment)
                .bind("camel.component.dfinery", Bindable.mapOf(String.class, String.class)).orElse(Map.of());
        Map<String, Object> properties = new LinkedHashMap<>();
        raw.forEach((key, value) -> properties.put(StringHelper.dashToCamelCase(key), value));
        return ComponentCustomizer.forType(DfineryComponent.class, component -> PropertyBindingSupport.build()
                .withCamelContext(camelContext).withTarget(component).withProperties(properties)
                .withRemoveParameters(false).withIgnoreCase(true).bind());
    }
}

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

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.GeneratedPropertyConfigurer;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.junit.jupiter.api.Test;

/**
 * The default the descriptor documents (from {@code @UriParam(defaultValue)}, and from it the reference docs and the
 * starter's metadata) is the value an option has when nobody sets it (the field's initializer): a default changed in
 * only one of the two places fails here, where the build's regeneration cannot notice it.
 */
class DescriptorDefaultsTest {

    /**
     * Camel's own scheduler options, whose unset values are markers: ScheduledPollEndpoint keeps -1 for "the
     * consumer's default" (the documented delay and initialDelay), and "none" names the built-in scheduler.
     */
    static final Set<String> CAMEL_MARKERS = Set.of("delay", "initialDelay", "scheduler");

    @Test
    void everyDocumentedDefaultIsTheValueOfAnUnsetOption() throws Exception {
        JsonNode descriptor = DescriptorTest.descriptor();
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            DfineryComponent unset = new DfineryComponent();
            DfineryComponent defaulted = new DfineryComponent();
            context.addComponent("dfinery", unset);
            context.addComponent("dfinery-defaulted", defaulted);
            assertDefaults(context, descriptor.get("componentProperties"), new DfineryComponentConfigurer(), unset,
                    defaulted);

            String uri = "dfinery:export?serviceId=defaults";
            assertDefaults(context, descriptor.get("properties"), new DfineryEndpointConfigurer(),
                    context.getEndpoint(uri), context.getEndpoint("dfinery-defaulted" + uri.substring("dfinery".length())));
        }
    }

    /** Sets every documented default on the second target and expects the first, never set, to read the same. */
    private static void assertDefaults(DefaultCamelContext context, JsonNode section, GeneratedPropertyConfigurer configurer,
                                       Object unset, Object defaulted) {
        PropertyConfigurerGetter getter = (PropertyConfigurerGetter) configurer;
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> options = section.fields(); options.hasNext();) {
            Map.Entry<String, JsonNode> option = options.next();
            JsonNode value = option.getValue().get("defaultValue");
            if (value == null || CAMEL_MARKERS.contains(option.getKey())) {
                continue;
            }
            assertThat(configurer.configure(context, defaulted, option.getKey(), value.asText(), false))
                    .as("the configurer knows " + option.getKey()).isTrue();
            Object actual = getter.getOptionValue(unset, option.getKey(), false);
            if (!Objects.equals(actual, getter.getOptionValue(defaulted, option.getKey(), false))) {
                mismatches.add(option.getKey() + " is " + actual + " when unset, documented " + value);
            }
            checked++;
        }
        assertThat(checked).as("options with a documented default").isPositive();
        assertThat(mismatches).as("documented defaults that are not the values of unset options").isEmpty();
    }
}

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
package io.github.cameldfinery.examples.springxml;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericXmlApplicationContext;
import org.springframework.core.io.ByteArrayResource;

/**
 * Issue 26, item 5, in Spring XML: a duration Camel would read as 0, in a property of the component's bean or in a
 * route's URI, stops the Spring context naming the property or option and the text.
 */
class SpringXmlBadOptionValuesTest {

    static String context(String property, String uri) {
        return "<beans xmlns=\"http://www.springframework.org/schema/beans\""
               + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
               + " xsi:schemaLocation=\"http://www.springframework.org/schema/beans"
               + " https://www.springframework.org/schema/beans/spring-beans.xsd"
               + " http://camel.apache.org/schema/spring https://camel.apache.org/schema/spring/camel-spring.xsd\">"
               + "<bean class=\"org.springframework.beans.factory.config.CustomEditorConfigurer\">"
               + "<property name=\"customEditors\"><map>"
               + "<entry key=\"long\" value=\"io.github.cameldfinery.component.DfineryDurationEditor\"/>"
               + "</map></property></bean>"
               + "<bean id=\"dfinery\" class=\"io.github.cameldfinery.component.DfineryComponent\">"
               + "<property name=\"configuration.serviceId\" value=\"xml-shop\"/>"
               + property
               + "</bean>"
               + "<camelContext id=\"camel\" xmlns=\"http://camel.apache.org/schema/spring\">"
               + "<route><from uri=\"direct:events\"/><to uri=\"" + uri + "\"/></route>"
               + "</camelContext></beans>";
    }

    static void start(String xml) {
        try (GenericXmlApplicationContext spring = new GenericXmlApplicationContext()) {
            spring.load(new ByteArrayResource(xml.getBytes(StandardCharsets.UTF_8)));
            spring.refresh();
        }
    }

    @Test
    void aNegativeDurationInABeanPropertyStopsTheContextNamingThePropertyAndTheText() {
        String xml = context("<property name=\"configuration.retryDelay\" value=\"-5s\"/>", "dfinery:event");

        assertThatThrownBy(() -> start(xml)).hasStackTraceContaining("configuration.retryDelay")
                .hasStackTraceContaining("a duration must be at least 0 ms, got '-5s'");
    }

    @Test
    void textThatIsNoDurationInABeanPropertyStopsTheContext() {
        String xml = context("<property name=\"configuration.exportReadTimeout\" value=\"abc\"/>", "dfinery:event");

        assertThatThrownBy(() -> start(xml)).hasStackTraceContaining("configuration.exportReadTimeout")
                .hasStackTraceContaining("'abc' is not a duration");
    }

    @Test
    void aBadValueInARouteUriStopsTheContextNamingTheOptionAndTheText() {
        String xml = context("", "dfinery:event?rateLimitMaxWait=abc");

        assertThatThrownBy(() -> start(xml))
                .hasStackTraceContaining("rateLimitMaxWait: 'abc' is not a duration (use 250ms, 30s, 1m or ISO-8601 PT30S)");
    }

    @Test
    void aCountOutOfRangeInABeanPropertyStopsTheContextNamingTheOption() {
        String xml = context("<property name=\"configuration.maxRetries\" value=\"-1\"/>", "dfinery:event");

        assertThatThrownBy(() -> start(xml)).hasStackTraceContaining("maxRetries: must be at least 0, got -1");
    }
}

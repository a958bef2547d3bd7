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
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;

/**
 * The component's own checks on {@code camel.component.dfinery.*}, which the generated
 * {@code DfineryComponentAutoConfiguration} runs before it copies the properties onto the component.
 */
public final class DfineryOptionCheck {

    private DfineryOptionCheck() {
    }

    /**
     * Checks every property that is set as the component reads it.
     *
     * @throws IllegalArgumentException naming the option and the value the component refuses
     */
    public static void check(CamelContext camelContext, DfineryComponentConfiguration configuration) {
        // Camel Spring Boot's copy would retry a value it cannot convert as a bean reference and report a missing
        // bean instead, or, for a number out of range, leave the component's default in force without a word.
        CamelPropertiesHelper.getNonNullProperties(camelContext, configuration)
                .forEach(DfineryComponent::checkOptionValue);
    }
}

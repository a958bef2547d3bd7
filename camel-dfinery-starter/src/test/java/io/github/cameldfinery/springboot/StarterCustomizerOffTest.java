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

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldfinery.component.DfineryComponent;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** camel.component.dfinery.customizer.enabled=false leaves the component as it is, as in Camel's starters. */
@SpringBootTest(classes = StarterTestApplication.class, properties = "camel.component.dfinery.customizer.enabled=false")
class StarterCustomizerOffTest {

    @Autowired
    CamelContext camel;

    @Test
    void thePropertiesAreNotApplied() {
        DfineryComponent component = camel.getComponent("dfinery", DfineryComponent.class);
        assertThat(component.getConfiguration().getServiceId()).isNull();
        assertThat(component.getConfiguration().getRequestTimeout()).isEqualTo(30_000);
    }
}

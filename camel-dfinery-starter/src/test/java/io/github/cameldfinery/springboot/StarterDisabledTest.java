package io.github.cameldfinery.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldfinery.component.DfineryComponent;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** camel.component.dfinery.enabled=false switches the starter's configuration off, as in Camel's starters. */
@SpringBootTest(classes = StarterTestApplication.class, properties = "camel.component.dfinery.enabled=false")
class StarterDisabledTest {

    @Autowired
    ApplicationContext spring;

    @Autowired
    CamelContext camel;

    @Test
    void noCustomizerAndTheComponentKeepsItsDefaults() {
        assertThat(spring.containsBean("configureDfineryComponent")).isFalse();
        assertThat(camel.getComponent("dfinery", DfineryComponent.class).getConfiguration().getServiceId()).isNull();
    }
}

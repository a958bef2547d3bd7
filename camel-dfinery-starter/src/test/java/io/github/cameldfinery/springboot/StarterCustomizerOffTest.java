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

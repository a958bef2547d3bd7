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

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

/**
 * With JMX on, no endpoint MBean shows a token, even one written into an endpoint URI. Route dumps print route
 * text as written (Camel's dumpers mask nothing), so the tested ways to keep tokens out of them are component-level
 * configuration and property placeholders.
 */
class SecretsInJmxAndDumpsTest extends DfineryTestSupport {

    static final String URI_TOKEN = "jmx-secret-token-42";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getManagementStrategy(); // JMX comes with camel-management on the classpath
        return context;
    }

    @Override
    protected boolean useJmx() {
        return true;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").routeId("with-token").to("dfinery:event?accessToken=RAW(" + URI_TOKEN + ")");
                from("direct:configured").routeId("configured").to("dfinery:event");
                from("direct:placeholder").routeId("placeholder").to("dfinery:profile?accessToken={{dfinery.access-token}}");
            }
        };
    }

    @Test
    void endpointMBeansAndRouteDumpsAreMasked() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names = server.queryNames(new ObjectName("org.apache.camel:type=endpoints,*"), null);
        List<String> uris = new ArrayList<>();
        for (ObjectName name : names) {
            uris.add(name.toString());
            uris.add(String.valueOf(server.getAttribute(name, "EndpointUri")));
        }
        assertThat(uris).anyMatch(uri -> uri.contains("dfinery"));
        assertThat(uris).noneMatch(uri -> uri.contains(URI_TOKEN));

        for (String routeId : new String[] { "configured", "placeholder" }) {
            RouteDefinition route = ((ModelCamelContext) context).getRouteDefinition(routeId);
            String xml = PluginHelper.getModelToXMLDumper(context).dumpModelAsXml(context, route);
            assertThat(xml).contains("dfinery:").doesNotContain(IMPORT_TOKEN).doesNotContain(URI_TOKEN);
        }
        String placeholder = PluginHelper.getModelToXMLDumper(context).dumpModelAsXml(context,
                ((ModelCamelContext) context).getRouteDefinition("placeholder"));
        assertThat(placeholder).contains("{{dfinery.access-token}}");
    }

    @Override
    protected java.util.Properties useOverridePropertiesWithPropertiesComponent() {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("dfinery.access-token", IMPORT_TOKEN);
        return properties;
    }
}

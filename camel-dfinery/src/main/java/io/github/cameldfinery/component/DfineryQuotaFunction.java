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

import io.github.cameldfinery.component.api.DfineryApi;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.spi.PropertiesFunction;

/**
 * Property placeholders for the throttle EIP, from the dfinery component's quota options:
 * {@code {{dfinery:event}}} is the event quota (requests per window) and {@code {{dfinery:event.window}}} its window
 * in milliseconds; likewise {@code identity}, {@code profile} and {@code export}.
 *
 * <p>The answer is the component's value, which is what the quota guard applies to the service the component names
 * (to every service when it names none): once a placeholder has answered, an endpoint of that service that gives
 * another value fails, and so does the placeholder when such an endpoint was made first ({@link QuotaLimits}).
 *
 * <pre>{@code
 * .throttle(constant("{{dfinery:event}}")).timePeriodMillis("{{dfinery:event.window}}")
 * }</pre>
 */
@org.apache.camel.spi.annotations.PropertiesFunction("dfinery")
public class DfineryQuotaFunction implements PropertiesFunction, CamelContextAware {

    private CamelContext camelContext;

    @Override
    public String getName() {
        return "dfinery";
    }

    @Override
    public String apply(String remainder) {
        String key = remainder.trim();
        boolean window = key.endsWith(".window");
        String apiName = window ? key.substring(0, key.length() - ".window".length()) : key;
        DfineryApi api;
        try {
            api = DfineryApi.valueOf(apiName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("{{dfinery:" + remainder + "}}: expected event, identity, profile or "
                                               + "export, optionally followed by .window");
        }
        DfineryComponent component = camelContext.getComponent("dfinery", DfineryComponent.class);
        QuotaLimits.Option option = window ? QuotaLimits.Option.window(api) : QuotaLimits.Option.quota(api);
        return Long.toString(component.quotaLimits().answer(option, "{{dfinery:" + key + "}}"));
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }
}

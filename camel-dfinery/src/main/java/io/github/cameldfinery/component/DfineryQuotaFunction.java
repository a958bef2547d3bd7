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
        return window ? Long.toString(component.getConfiguration().quotaWindow(api).toMillis())
                : Long.toString(component.getConfiguration().quota(api));
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

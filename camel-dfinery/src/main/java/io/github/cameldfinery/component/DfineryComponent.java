package io.github.cameldfinery.component;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

import io.github.cameldfinery.component.export.ExportQuota;
import io.github.cameldfinery.component.quota.QuotaGuards;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.ObjectHelper;

/**
 * The {@code dfinery} component. Holds the defaults every endpoint starts from, and the HTTP clients: one per
 * distinct connect timeout and proxy, shared by all endpoints so that connections are reused.
 */
@Component("dfinery")
public class DfineryComponent extends HealthCheckComponent {

    @Metadata
    private DfineryConfiguration configuration = new DfineryConfiguration();

    private final Map<String, HttpClient> httpClients = new ConcurrentHashMap<>();
    private final Map<String, ExportQuota> exportQuotas = new ConcurrentHashMap<>();
    private final QuotaGuards quotaGuards = new QuotaGuards();
    private ScheduledExecutorService scheduler;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        DfineryApi api;
        try {
            api = DfineryApi.valueOf(remaining);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown DFINERY API '" + remaining + "' in " + uri
                                               + "; expected dfinery:event, dfinery:identity, dfinery:profile or dfinery:export");
        }
        DfineryEndpoint endpoint = new DfineryEndpoint(uri, this, api, configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public DfineryConfiguration getConfiguration() {
        return configuration;
    }

    /** Default options for every dfinery endpoint; endpoints override them. */
    public void setConfiguration(DfineryConfiguration configuration) {
        this.configuration = configuration;
    }

    /** The client for this configuration: the injected one, or a shared one per connect timeout and proxy. */
    HttpClient httpClient(DfineryConfiguration config) {
        if (config.getHttpClient() != null) {
            return config.getHttpClient();
        }
        String key = config.getConnectTimeout() + "|" + config.getProxyHost() + "|" + config.getProxyPort();
        return httpClients.computeIfAbsent(key, k -> {
            HttpClient.Builder builder = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofMillis(config.getConnectTimeout()))
                    // Never follow a redirect: it would carry the token to wherever the redirect points.
                    .followRedirects(HttpClient.Redirect.NEVER);
            if (ObjectHelper.isNotEmpty(config.getProxyHost())) {
                builder.proxy(ProxySelector.of(new InetSocketAddress(config.getProxyHost(), config.getProxyPort())));
            }
            return builder.build();
        });
    }

    /**
     * The export budget of a service, shared by every export endpoint of that service in this context; the first
     * endpoint to use it sets its limits.
     */
    ExportQuota exportQuota(DfineryConfiguration config, Clock clock) {
        return exportQuotas.computeIfAbsent(String.valueOf(config.getServiceId()), id -> new ExportQuota(
                config.getExportQuota(), Duration.ofMillis(config.getExportQuotaWindow()), config.getExportConcurrency(),
                clock));
    }

    /** The quota guards of this component, one per service and API kind. */
    public QuotaGuards quotaGuards() {
        return quotaGuards;
    }

    /** The export budgets of this component, per service. */
    public Map<String, ExportQuota> exportQuotas() {
        return Map.copyOf(exportQuotas);
    }

    /** Timers for retry backoff, shared by all endpoints; no thread ever sleeps. */
    synchronized ScheduledExecutorService scheduler() {
        if (scheduler == null) {
            scheduler = getCamelContext().getExecutorServiceManager().newScheduledThreadPool(this, "DfineryRetry", 1);
        }
        return scheduler;
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        synchronized (this) {
            if (scheduler != null) {
                getCamelContext().getExecutorServiceManager().shutdown(scheduler);
                scheduler = null;
            }
        }
        httpClients.clear();
    }
}

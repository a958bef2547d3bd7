package io.github.cameldfinery.component;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import io.github.cameldfinery.component.api.DfineryApi;
import io.github.cameldfinery.component.http.DfineryHttpClient;
import io.github.cameldfinery.component.quota.ExportQuota;
import io.github.cameldfinery.component.quota.QuotaGuard;
import io.github.cameldfinery.component.quota.QuotaGuards;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.ObjectHelper;

/**
 * The {@code dfinery} component. Holds the defaults every endpoint starts from, and what its endpoints share while
 * it runs: the HTTP clients (one per distinct connect timeout, proxy and HTTP version, so connections are reused),
 * the threads that send requests, a timer thread for retries and quota waits, and the quota guards and export
 * budgets per service. Every thread is made through Camel's ExecutorServiceManager. Everything it shares is made in
 * {@code doStart} and dropped in {@code doStop}, so the component can be stopped and started again.
 */
@Component("dfinery")
public class DfineryComponent extends HealthCheckComponent {

    @Metadata
    private DfineryConfiguration configuration = new DfineryConfiguration();

    @Metadata(label = "advanced", defaultValue = "16")
    private int requestThreads = 16;

    private final Clock clock = Clock.systemUTC();
    private final Map<String, HttpClient> httpClients = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService scheduler;
    private volatile ExecutorService senders;
    private volatile ExecutorService httpClientThreads;
    private volatile QuotaGuards quotaGuards;

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

    public int getRequestThreads() {
        return requestThreads;
    }

    /**
     * Threads that send requests to DFINERY and handle the responses, shared by all endpoints: at most this many
     * requests are on the wire at once, more wait in line. The route goes on, after a producer, on one of them.
     */
    public void setRequestThreads(int requestThreads) {
        this.requestThreads = requestThreads;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (requestThreads < 1) {
            throw new IllegalArgumentException("requestThreads must be at least 1, got " + requestThreads);
        }
        // Blocking sends on threads of our own: the JDK's sendAsync hands every response to CompletableFuture's
        // default pool, which on 1 or 2 CPUs starts a new thread per task.
        senders = getCamelContext().getExecutorServiceManager().newThreadPool(this, "DfinerySend",
                fixedPool("DfinerySend", requestThreads));
        httpClientThreads = getCamelContext().getExecutorServiceManager().newThreadPool(this, "DfineryHttpClient",
                fixedPool("DfineryHttpClient", 2));
        // Unbounded queue: a retry or a quota wait must never be refused because many are pending.
        ThreadPoolProfile timer = new ThreadPoolProfile("DfineryTimer");
        timer.setPoolSize(1);
        timer.setMaxQueueSize(-1);
        scheduler = getCamelContext().getExecutorServiceManager().newScheduledThreadPool(this, "DfineryTimer", timer);
        quotaGuards = new QuotaGuards(clock, scheduler);
    }

    /** A pool of {@code threads} threads and an unbounded queue: work waits rather than being refused. */
    private static ThreadPoolProfile fixedPool(String name, int threads) {
        ThreadPoolProfile profile = new ThreadPoolProfile(name);
        profile.setPoolSize(threads);
        profile.setMaxPoolSize(threads);
        profile.setMaxQueueSize(-1);
        return profile;
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        for (ExecutorService pool : new ExecutorService[] { scheduler, senders, httpClientThreads }) {
            if (pool != null) {
                getCamelContext().getExecutorServiceManager().shutdown(pool);
            }
        }
        httpClients.clear();
    }

    Clock clock() {
        return clock;
    }

    /** The HTTP side of an endpoint with these options. */
    DfineryHttpClient http(DfineryConfiguration config) {
        return new DfineryHttpClient(httpClient(config), senders, config.getBaseUri(),
                Duration.ofMillis(config.getRequestTimeout()));
    }

    /** The client for this configuration: the injected one, or a shared one per connect timeout and proxy. */
    private HttpClient httpClient(DfineryConfiguration config) {
        if (config.getHttpClient() != null) {
            return config.getHttpClient();
        }
        String key = config.getConnectTimeout() + "|" + config.getProxyHost() + "|" + config.getProxyPort() + "|"
                     + config.getHttpVersion();
        return httpClients.computeIfAbsent(key, k -> {
            HttpClient.Builder builder = HttpClient.newBuilder()
                    .executor(httpClientThreads)
                    .version(config.getHttpVersion())
                    .connectTimeout(Duration.ofMillis(config.getConnectTimeout()))
                    // Never follow a redirect: it would carry the token to wherever the redirect points.
                    .followRedirects(HttpClient.Redirect.NEVER);
            if (ObjectHelper.isNotEmpty(config.getProxyHost())) {
                builder.proxy(ProxySelector.of(new InetSocketAddress(config.getProxyHost(), config.getProxyPort())));
            }
            return builder.build();
        });
    }

    /** The quota guard of a service and import API under these options, or null when guarding is off. */
    QuotaGuard quotaGuard(String serviceId, DfineryApi api, DfineryConfiguration config) {
        return config.isQuotaGuard()
                ? quotaGuards.guard(serviceId, api, config.quota(api), config.quotaWindow(api)) : null;
    }

    /** The export budget of a service, shared by every export endpoint of it; the first to ask sets its limits. */
    ExportQuota exportQuota(String serviceId, DfineryConfiguration config) {
        return quotaGuards.exportQuota(serviceId, config.getExportQuota(),
                Duration.ofMillis(config.getExportQuotaWindow()), config.getExportConcurrency());
    }

    /** Timers for retry backoff and quota waits, shared by all endpoints; no thread ever sleeps. */
    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** The quota guards of this component, one per service and API kind, and the export budgets. */
    public QuotaGuards quotaGuards() {
        return quotaGuards;
    }

    /** The export budgets of this component, per service. */
    public Map<String, ExportQuota> exportQuotas() {
        QuotaGuards guards = quotaGuards;
        return guards == null ? Map.of() : guards.exportQuotas();
    }
}

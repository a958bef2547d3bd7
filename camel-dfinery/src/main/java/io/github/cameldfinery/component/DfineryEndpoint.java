package io.github.cameldfinery.component;

import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import io.github.cameldfinery.component.http.DfineryHttpClient;
import io.github.cameldfinery.component.http.ImportResponses;
import io.github.cameldfinery.component.mapping.EventMapper;
import io.github.cameldfinery.component.mapping.IdentityMapper;
import io.github.cameldfinery.component.mapping.JsonTrees;
import io.github.cameldfinery.component.mapping.ProfileMapper;
import io.github.cameldfinery.component.mapping.RequestMapper;
import io.github.cameldfinery.component.pipeline.ImportPipeline;
import io.github.cameldfinery.component.pipeline.RetryPolicy;
import io.github.cameldfinery.component.validation.DfineryTrackingPlan;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Send user events, unified identities and user properties to DFINERY, the customer-data and marketing-analytics
 * platform.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "dfinery", title = "DFINERY", syntax = "dfinery:api",
             category = { Category.SAAS, Category.CLOUD }, producerOnly = true, headersClass = DfineryConstants.class)
public class DfineryEndpoint extends DefaultEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(DfineryEndpoint.class);

    @UriPath(description = "The DFINERY API: event (user events), identity (unified profiles: update or delete) or "
                           + "profile (user properties).")
    @Metadata(required = true)
    private final DfineryApi api;

    @UriParam
    private DfineryConfiguration configuration;

    private ImportPipeline pipeline;
    private RequestMapper mapper;

    public DfineryEndpoint(String uri, DfineryComponent component, DfineryApi api, DfineryConfiguration configuration) {
        super(uri, component);
        this.api = api;
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        return new DfineryProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("dfinery:" + api + " only sends; it cannot be used in from()");
    }

    @Override
    public DfineryComponent getComponent() {
        return (DfineryComponent) super.getComponent();
    }

    public DfineryApi getApi() {
        return api;
    }

    public DfineryConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(DfineryConfiguration configuration) {
        this.configuration = configuration;
    }

    ImportPipeline pipeline() {
        return pipeline;
    }

    RequestMapper mapper() {
        return mapper;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        validateOptions();
        DfineryTrackingPlan plan = trackingPlan();
        Clock clock = Clock.systemUTC();
        switch (api) {
            case event: mapper = new EventMapper(plan); break;
            case identity: mapper = new IdentityMapper(configuration.getOperation(), clock); break;
            default: mapper = new ProfileMapper(plan, clock); break;
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        DfineryHttpClient http = new DfineryHttpClient(getComponent().httpClient(configuration),
                configuration.getBaseUri(), Duration.ofMillis(configuration.getRequestTimeout()));
        RetryPolicy retry = new RetryPolicy(configuration.getMaxRetries(), configuration.getRetryDelay(),
                configuration.getRetryMaxDelay(), configuration.isRetryRequestTimeouts());
        pipeline = new ImportPipeline(http, new ImportResponses(JsonTrees.MAPPER), retry, getComponent().scheduler(),
                Duration.ofMillis(configuration.getRateLimitMaxWait()), Clock.systemUTC());
    }

    private void validateOptions() {
        URI base;
        try {
            base = URI.create(configuration.getBaseUri());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("baseUri '" + configuration.getBaseUri() + "' is not a URI", e);
        }
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("baseUri must be an http or https URI, got '" + configuration.getBaseUri() + "'");
        }
        if (scheme.equals("http") && !isLoopback(base.getHost())) {
            LOG.warn("baseUri {} uses plain http to a host that is not this machine: tokens and customer data would "
                     + "cross the network unencrypted", configuration.getBaseUri());
        }
        if (configuration.getProxyHost() != null && configuration.getProxyPort() == null) {
            throw new IllegalArgumentException("proxyPort is required when proxyHost is set");
        }
        requirePositive(configuration.getConnectTimeout(), "connectTimeout");
        requirePositive(configuration.getRequestTimeout(), "requestTimeout");
        if (configuration.getMaxRetries() < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative, got " + configuration.getMaxRetries());
        }
        if (configuration.getRetryDelay() < 0 || configuration.getRetryMaxDelay() < configuration.getRetryDelay()) {
            throw new IllegalArgumentException("retryDelay (" + configuration.getRetryDelay() + " ms) must be >= 0 and "
                                               + "not exceed retryMaxDelay (" + configuration.getRetryMaxDelay() + " ms)");
        }
        if (configuration.getRateLimitMaxWait() < 0) {
            throw new IllegalArgumentException("rateLimitMaxWait must not be negative");
        }
    }

    private DfineryTrackingPlan trackingPlan() throws Exception {
        if (configuration.getTrackingPlan() != null) {
            return configuration.getTrackingPlan();
        }
        if (ObjectHelper.isEmpty(configuration.getTrackingPlanUri())) {
            return null;
        }
        try (InputStream in = ResourceHelper.resolveMandatoryResourceAsInputStream(getCamelContext(),
                configuration.getTrackingPlanUri())) {
            return DfineryTrackingPlan.read(in);
        }
    }

    private static void requirePositive(long millis, String option) {
        if (millis <= 0) {
            throw new IllegalArgumentException(option + " must be positive, got " + millis + " ms");
        }
    }

    static boolean isLoopback(String host) {
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
                                || host.equals("::1"));
    }
}

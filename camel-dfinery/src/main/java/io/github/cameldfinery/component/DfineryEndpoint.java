package io.github.cameldfinery.component;

import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import io.github.cameldfinery.component.error.DfineryAuthenticationException;
import io.github.cameldfinery.component.export.ExportClient;
import io.github.cameldfinery.component.export.ExportCursor;
import io.github.cameldfinery.component.export.ExportQuota;
import io.github.cameldfinery.component.export.ExportRequest;
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
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Send user events, unified identities and user properties to DFINERY, the customer-data and marketing-analytics
 * platform, and export events and user profiles from it.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "dfinery", title = "DFINERY", syntax = "dfinery:api",
             category = { Category.SAAS, Category.CLOUD }, headersClass = DfineryConstants.class)
public class DfineryEndpoint extends ScheduledPollEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(DfineryEndpoint.class);

    @UriPath(description = "The DFINERY API: event (user events), identity (unified profiles: update or delete), "
                           + "profile (user properties), or export (events and user profiles out of DFINERY; the only "
                           + "one that can be a consumer).")
    @Metadata(required = true)
    private final DfineryApi api;

    @UriParam
    private DfineryConfiguration configuration;

    private ImportPipeline pipeline;
    private RequestMapper mapper;
    private ExportClient exportClient;
    private ExportCursor exportCursor;
    private final Clock clock = Clock.systemUTC();

    public DfineryEndpoint(String uri, DfineryComponent component, DfineryApi api, DfineryConfiguration configuration) {
        super(uri, component);
        this.api = api;
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        return api == DfineryApi.export ? new DfineryExportProducer(this, clock) : new DfineryProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (api != DfineryApi.export) {
            throw new UnsupportedOperationException("dfinery:" + api + " only sends; from() takes dfinery:export");
        }
        DfineryExportConsumer consumer = new DfineryExportConsumer(this, processor, clock);
        configureConsumer(consumer);
        return consumer;
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

    ExportClient exportClient() {
        return exportClient;
    }

    ExportCursor exportCursor() {
        return exportCursor;
    }

    ExportQuota exportQuota() {
        return getComponent().exportQuota(configuration, clock);
    }

    /** The export token, or an authentication failure naming the missing option. */
    String exportToken() {
        if (ObjectHelper.isEmpty(configuration.getExportToken())) {
            throw new DfineryAuthenticationException("No DFINERY export token: set the exportToken option", null, null,
                    0, null, null);
        }
        return configuration.getExportToken();
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        validateOptions();
        DfineryTrackingPlan plan = trackingPlan();
        switch (api) {
            case event: mapper = new EventMapper(plan); break;
            case identity: mapper = new IdentityMapper(configuration.getOperation(), clock); break;
            case profile: mapper = new ProfileMapper(plan, clock); break;
            default:
                validateExportOptions();
                if (configuration.getStateRepository() == null) {
                    configuration.setStateRepository(new MemoryStateRepository());
                }
                exportCursor = new ExportCursor(configuration.getStateRepository(), cursorKey());
                break;
        }
    }

    private void validateExportOptions() {
        if (configuration.getWindowDays() < 1) {
            throw new IllegalArgumentException("windowDays must be at least 1, got " + configuration.getWindowDays());
        }
        if (configuration.getMaxWindowsPerPoll() < 1) {
            throw new IllegalArgumentException("maxWindowsPerPoll must be at least 1");
        }
        if (configuration.getBatchSize() < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        if (configuration.getExportQuota() < 1 || configuration.getExportConcurrency() < 1
            || configuration.getExportQuotaWindow() <= 0) {
            throw new IllegalArgumentException("exportQuota, exportConcurrency and exportQuotaWindow must be positive");
        }
        if (configuration.getStartDate() != null) {
            ExportRequest.date(configuration.getStartDate(), "startDate");
        }
    }

    private String cursorKey() {
        if (ObjectHelper.isNotEmpty(configuration.getCursorKey())) {
            return configuration.getCursorKey();
        }
        String filter = configuration.getEventsConditionType() == DfineryConditionType.all ? "all"
                : configuration.getEventsConditionType() + ":" + configuration.getEvents();
        return "dfinery-export/" + configuration.getServiceId() + "/events/" + filter;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        DfineryHttpClient http = new DfineryHttpClient(getComponent().httpClient(configuration),
                configuration.getBaseUri(), Duration.ofMillis(configuration.getRequestTimeout()));
        RetryPolicy retry = new RetryPolicy(configuration.getMaxRetries(), configuration.getRetryDelay(),
                configuration.getRetryMaxDelay(), configuration.isRetryRequestTimeouts());
        pipeline = new ImportPipeline(http, new ImportResponses(JsonTrees.MAPPER), retry, getComponent().scheduler(),
                Duration.ofMillis(configuration.getRateLimitMaxWait()), clock,
                (serviceId, kind) -> configuration.isQuotaGuard()
                        ? getComponent().quotaGuards().guard(serviceId, kind, configuration, clock, getComponent().scheduler())
                        : null);
        exportClient = new ExportClient(http);
        if (configuration.getStateRepository() != null) {
            ServiceHelper.startService(configuration.getStateRepository());
        }
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

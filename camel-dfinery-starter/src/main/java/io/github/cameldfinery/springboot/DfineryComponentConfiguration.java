package io.github.cameldfinery.springboot;

import java.time.Duration;

import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The dfinery component's options as Spring Boot properties, {@code camel.component.dfinery.*}. Generated from the
 * component's descriptor by generate-configuration.py; do not edit.
 */
@ConfigurationProperties(prefix = "camel.component.dfinery")
public class DfineryComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * The DFINERY service id (service_id) that every call names. A CamelDfineryServiceId header set by the route
     * overrides it per message; the header a dfinery endpoint writes does not.
     */
    private String serviceId;

    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed
     * as a message and handled by the routing Error Handler. Important: This is only possible if the 3rd party
     * component allows Camel to be alerted if an exception was thrown. Some components handle this internally only,
     * and therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel component to
     * hook into the 3rd party component and make this possible for future releases. By default the consumer will use
     * the org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level
     * and ignored.
     */
    private Boolean bridgeErrorHandler = false;

    /**
     * For the events consumer: the key of the cursor in the state repository. Defaults to one derived from the
     * service id and the event filter; set it when two consumers of the same filter must keep separate cursors.
     */
    private String cursorKey;

    /**
     * For the events consumer with outputMode=rows: the rows already delivered, keyed by their df_event_log_id (the
     * further rows of an event with several items by df_event_log_id/1, /2, ...). A row found in it is skipped; a
     * row is added to it only once its exchange has completed without an exception, so a replica that dies while a
     * row is in the route leaves it to be delivered again (for example RedisIdempotentRepository from
     * camel-dfinery-redis, shared by the replicas). A reference to a bean, #name.
     */
    private String idempotentRepository;

    /**
     * For the events consumer: the most windows one poll exports, so that catching up spreads over polls.
     */
    private Integer maxWindowsPerPoll = 10;

    /**
     * For the events consumer: the first day (yyyy-MM-dd, UTC) to export when no cursor is stored yet. Defaults to
     * yesterday. Days older than lookbackDays cannot be exported any more and are skipped with a warning.
     */
    private String startDate;

    /**
     * For the events consumer: where the cursor (the next day to export) is kept. In memory by default, so a restart
     * starts again from startDate; use a FileStateRepository or another persistent one to resume. A reference to a
     * bean, #name.
     */
    private String stateRepository;

    /**
     * For the events consumer: days per export call. Each window is one request and is checkpointed on its own.
     */
    private Integer windowDays = 1;

    /**
     * For replicas that run the same events consumer on a shared stateRepository: claims on windows, so that each
     * closed window is exported by one replica at a time (for example RedisExportClaims from camel-dfinery-redis).
     * Without it, run the consumer on one replica at a time. A reference to a bean, #name.
     */
    private String exportClaims;

    /**
     * For the export producer: the first day (yyyy-MM-dd) of an ad-hoc event export; a header can override it.
     */
    private String fromDate;

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed
     * then creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;

    /**
     * How many times a request that failed transiently (HTTP 5xx, code 50000, connection failures) is sent again,
     * with the same body and event_log_ids. Validation, authentication and rate-limit failures are never retried.
     */
    private Integer maxRetries = 3;

    /**
     * For dfinery:identity: update (create or update the unified profile) or delete it.
     */
    private io.github.cameldfinery.component.api.DfineryIdentityOperation operation
            = io.github.cameldfinery.component.api.DfineryIdentityOperation.update;

    /**
     * When the rate limit is spent (the quota guard says so, or DFINERY answers HTTP 429 or code 40401): wait for
     * the reset if it is at most this far away. 0 (the default) fails at once with DfineryRateLimitException.
     */
    private Duration rateLimitMaxWait = Duration.ofSeconds(0);

    /**
     * The first backoff before a retry; it doubles on each retry, with random jitter, up to retryMaxDelay.
     */
    private Duration retryDelay = Duration.ofMillis(250);

    /**
     * The longest backoff between two retries.
     */
    private Duration retryMaxDelay = Duration.ofSeconds(10);

    /**
     * Whether a request timeout is retried. DFINERY may have processed the request already; a retry is still safe
     * because events carry the same event_log_id and identity and profile updates are idempotent.
     */
    private Boolean retryRequestTimeouts = true;

    /**
     * For the export producer: the last day (yyyy-MM-dd, inclusive) of an ad-hoc event export.
     */
    private String toDate;

    /**
     * A tracking plan (JSON: registered events, event_properties, item_properties, user_properties with their types)
     * to check every message against before sending, as classpath:, file: or http: resource. DFINERY itself only
     * loads registered names.
     */
    private String trackingPlanUri;

    /**
     * A tracking plan object to check every message against before sending; see trackingPlanUri. A reference to a
     * bean, #name.
     */
    private String trackingPlan;

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then
     * gets configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;

    /**
     * Where the API lives; point it at a DFINERY emulator for tests.
     */
    private String baseUri = "https://openapi.dfinery.ai";

    /**
     * How long to wait for a TCP connection. A connect timeout means nothing was sent, so it is always retried.
     */
    private Duration connectTimeout = Duration.ofSeconds(10);

    /**
     * A java.net.http.HttpClient to use instead of the one the component builds (one per distinct connect timeout
     * and proxy, shared by all endpoints). connectTimeout and the proxy options do not apply to an injected client.
     * A reference to a bean, #name.
     */
    private String httpClient;

    /**
     * The HTTP version to speak: HTTP_1_1 (the default; DFINERY's API speaks it, and over plain http every HTTP/2
     * request would carry upgrade headers) or HTTP_2. Does not apply to an injected httpClient.
     */
    private java.net.http.HttpClient.Version httpVersion = java.net.http.HttpClient.Version.HTTP_1_1;

    /**
     * Threads that send requests to DFINERY and handle the responses, shared by all endpoints: at most this many
     * requests are on the wire at once, more wait in line. The route goes on, after a producer, on one of them.
     */
    private Integer requestThreads = 16;

    /**
     * How long to wait for a response once the request is sent. After a request timeout DFINERY may have processed
     * the request; see retryRequestTimeouts.
     */
    private Duration requestTimeout = Duration.ofSeconds(30);

    /**
     * For dfinery:export of userProfiles: the audience whose users are exported; all users when unset.
     */
    private String audience;

    /**
     * For dfinery:export with outputMode=batch: rows per exchange.
     */
    private Integer batchSize = 1000;

    /**
     * For dfinery:export: events (incremental, by day windows) or userProfiles (a snapshot each poll).
     */
    private io.github.cameldfinery.component.api.DfineryExportDataset dataset
            = io.github.cameldfinery.component.api.DfineryExportDataset.events;

    /**
     * For dfinery:export: comma-separated event names, used with eventsConditionType include or exclude.
     */
    private String events;

    /**
     * For dfinery:export: all events, include only those in events, or exclude them.
     */
    private io.github.cameldfinery.component.api.DfineryConditionType eventsConditionType
            = io.github.cameldfinery.component.api.DfineryConditionType.all;

    /**
     * Export calls that may run at once per service (DFINERY: 5).
     */
    private Integer exportConcurrency = 5;

    /**
     * Export calls allowed per exportQuotaWindow and service (DFINERY: 100 an hour). The component counts its own
     * calls in a rolling window and never makes more; it is shared by every export endpoint of the service.
     */
    private Integer exportQuota = 100;

    /**
     * The window of exportQuota.
     */
    private Duration exportQuotaWindow = Duration.ofHours(1);

    /**
     * For dfinery:export of userProfiles: comma-separated identity columns; DFINERY supports df_external_id.
     */
    private String identities;

    /**
     * For dfinery:export of userProfiles: whether identity columns are exported (all, include, exclude).
     */
    private io.github.cameldfinery.component.api.DfineryConditionType identitiesConditionType;

    /**
     * How far back DFINERY exports events: 30 days before today (UTC).
     */
    private Integer lookbackDays = 30;

    /**
     * For dfinery:export: rows (one exchange per row), batch (batchSize rows per exchange) or stream (raw CSV).
     */
    private io.github.cameldfinery.component.DfineryExportOutput outputMode
            = io.github.cameldfinery.component.DfineryExportOutput.rows;

    /**
     * For dfinery:export: comma-separated property names (event properties, df_items_ item columns, or user
     * properties), used with propertiesConditionType include or exclude.
     */
    private String properties;

    /**
     * For dfinery:export: all properties, include only those in properties, or exclude them.
     */
    private io.github.cameldfinery.component.api.DfineryConditionType propertiesConditionType
            = io.github.cameldfinery.component.api.DfineryConditionType.all;

    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled = true;

    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by
     * default disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;

    /**
     * An HTTP proxy host to reach DFINERY through.
     */
    private String proxyHost;

    /**
     * The HTTP proxy port; required with proxyHost.
     */
    private Integer proxyPort;

    /**
     * Event API requests allowed per eventQuotaWindow and service (DFINERY's default: 1,000,000 a minute; contracts
     * differ). The quota guard holds requests to it; {{dfinery:event}} gives it to the throttle EIP.
     */
    private Long eventQuota = 1000000L;

    /**
     * The window of eventQuota; {{dfinery:event.window}} gives it in milliseconds.
     */
    private Duration eventQuotaWindow = Duration.ofMinutes(1);

    /**
     * Identity API requests (deletes included) allowed per identityQuotaWindow and service (default 10,000 a
     * minute).
     */
    private Long identityQuota = 10000L;

    /**
     * The window of identityQuota.
     */
    private Duration identityQuotaWindow = Duration.ofMinutes(1);

    /**
     * Profile API requests allowed per profileQuotaWindow and service (default 10,000 a minute).
     */
    private Long profileQuota = 10000L;

    /**
     * The window of profileQuota.
     */
    private Duration profileQuotaWindow = Duration.ofMinutes(1);

    /**
     * Whether every import request, retries included, takes a permit from the quota guard first. The guard follows
     * the server's x-ratelimit-remaining and x-ratelimit-reset, and when the budget is spent waits for the reset (up
     * to rateLimitMaxWait) or fails at once with DfineryRateLimitException, instead of sending into 429s.
     */
    private Boolean quotaGuard = true;

    /**
     * With quotaStoreUnavailable=LOCAL_SHARE: the part of each limit (0 to 1) this JVM uses on its own while the
     * store cannot be reached; at most 1 divided by the number of replicas, for example 0.33 for three.
     */
    private Double quotaLocalShare;

    /**
     * With quotaStoreUnavailable=LOCAL_SHARE: how long the local share may be used before requests fail.
     */
    private Duration quotaLocalShareMaxTime = Duration.ofMinutes(5);

    /**
     * Where DFINERY's limits are counted: by default in this JVM. Replicas of one application that share a DFINERY
     * service set a store they all reach (a bean), for example a Bucket4j store from camel-dfinery-redis, so that
     * together they stay within the quota. Takes precedence over quotaStoreUri. A reference to a bean, #name.
     */
    private String quotaStore;

    /**
     * What happens while the shared quota store cannot be reached: FAIL (requests fail at once with
     * DfineryQuotaStoreException, nothing is sent) or LOCAL_SHARE (this JVM counts quotaLocalShare of each limit
     * itself for at most quotaLocalShareMaxTime, then fails). Logged, and shown by the dev console and the health
     * check.
     */
    private io.github.cameldfinery.component.quota.QuotaStoreUnavailable quotaStoreUnavailable
            = io.github.cameldfinery.component.quota.QuotaStoreUnavailable.FAIL;

    /**
     * The shared quota store as a URI, for example redis://redis:6379 (needs camel-dfinery-redis on the classpath),
     * made and stopped with the component. Secret: a Redis URI may carry a password.
     */
    private String quotaStoreUri;

    /**
     * The import API token, sent as the access_token header of event, identity and profile calls.
     */
    private String accessToken;

    /**
     * The export API token, sent as an Authorization Bearer header on export calls.
     */
    private String bearerToken;

    public String getServiceId() {
        return serviceId;
    }

    public void setServiceId(String serviceId) {
        this.serviceId = serviceId;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public String getCursorKey() {
        return cursorKey;
    }

    public void setCursorKey(String cursorKey) {
        this.cursorKey = cursorKey;
    }

    public String getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(String idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public Integer getMaxWindowsPerPoll() {
        return maxWindowsPerPoll;
    }

    public void setMaxWindowsPerPoll(Integer maxWindowsPerPoll) {
        this.maxWindowsPerPoll = maxWindowsPerPoll;
    }

    public String getStartDate() {
        return startDate;
    }

    public void setStartDate(String startDate) {
        this.startDate = startDate;
    }

    public String getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(String stateRepository) {
        this.stateRepository = stateRepository;
    }

    public Integer getWindowDays() {
        return windowDays;
    }

    public void setWindowDays(Integer windowDays) {
        this.windowDays = windowDays;
    }

    public String getExportClaims() {
        return exportClaims;
    }

    public void setExportClaims(String exportClaims) {
        this.exportClaims = exportClaims;
    }

    public String getFromDate() {
        return fromDate;
    }

    public void setFromDate(String fromDate) {
        this.fromDate = fromDate;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public io.github.cameldfinery.component.api.DfineryIdentityOperation getOperation() {
        return operation;
    }

    public void setOperation(io.github.cameldfinery.component.api.DfineryIdentityOperation operation) {
        this.operation = operation;
    }

    public Duration getRateLimitMaxWait() {
        return rateLimitMaxWait;
    }

    public void setRateLimitMaxWait(Duration rateLimitMaxWait) {
        this.rateLimitMaxWait = rateLimitMaxWait;
    }

    public Duration getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(Duration retryDelay) {
        this.retryDelay = retryDelay;
    }

    public Duration getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(Duration retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public Boolean getRetryRequestTimeouts() {
        return retryRequestTimeouts;
    }

    public void setRetryRequestTimeouts(Boolean retryRequestTimeouts) {
        this.retryRequestTimeouts = retryRequestTimeouts;
    }

    public String getToDate() {
        return toDate;
    }

    public void setToDate(String toDate) {
        this.toDate = toDate;
    }

    public String getTrackingPlanUri() {
        return trackingPlanUri;
    }

    public void setTrackingPlanUri(String trackingPlanUri) {
        this.trackingPlanUri = trackingPlanUri;
    }

    public String getTrackingPlan() {
        return trackingPlan;
    }

    public void setTrackingPlan(String trackingPlan) {
        this.trackingPlan = trackingPlan;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public String getBaseUri() {
        return baseUri;
    }

    public void setBaseUri(String baseUri) {
        this.baseUri = baseUri;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public String getHttpClient() {
        return httpClient;
    }

    public void setHttpClient(String httpClient) {
        this.httpClient = httpClient;
    }

    public java.net.http.HttpClient.Version getHttpVersion() {
        return httpVersion;
    }

    public void setHttpVersion(java.net.http.HttpClient.Version httpVersion) {
        this.httpVersion = httpVersion;
    }

    public Integer getRequestThreads() {
        return requestThreads;
    }

    public void setRequestThreads(Integer requestThreads) {
        this.requestThreads = requestThreads;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience;
    }

    public Integer getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(Integer batchSize) {
        this.batchSize = batchSize;
    }

    public io.github.cameldfinery.component.api.DfineryExportDataset getDataset() {
        return dataset;
    }

    public void setDataset(io.github.cameldfinery.component.api.DfineryExportDataset dataset) {
        this.dataset = dataset;
    }

    public String getEvents() {
        return events;
    }

    public void setEvents(String events) {
        this.events = events;
    }

    public io.github.cameldfinery.component.api.DfineryConditionType getEventsConditionType() {
        return eventsConditionType;
    }

    public void setEventsConditionType(io.github.cameldfinery.component.api.DfineryConditionType eventsConditionType) {
        this.eventsConditionType = eventsConditionType;
    }

    public Integer getExportConcurrency() {
        return exportConcurrency;
    }

    public void setExportConcurrency(Integer exportConcurrency) {
        this.exportConcurrency = exportConcurrency;
    }

    public Integer getExportQuota() {
        return exportQuota;
    }

    public void setExportQuota(Integer exportQuota) {
        this.exportQuota = exportQuota;
    }

    public Duration getExportQuotaWindow() {
        return exportQuotaWindow;
    }

    public void setExportQuotaWindow(Duration exportQuotaWindow) {
        this.exportQuotaWindow = exportQuotaWindow;
    }

    public String getIdentities() {
        return identities;
    }

    public void setIdentities(String identities) {
        this.identities = identities;
    }

    public io.github.cameldfinery.component.api.DfineryConditionType getIdentitiesConditionType() {
        return identitiesConditionType;
    }

    public void setIdentitiesConditionType(io.github.cameldfinery.component.api.DfineryConditionType identitiesConditionType) {
        this.identitiesConditionType = identitiesConditionType;
    }

    public Integer getLookbackDays() {
        return lookbackDays;
    }

    public void setLookbackDays(Integer lookbackDays) {
        this.lookbackDays = lookbackDays;
    }

    public io.github.cameldfinery.component.DfineryExportOutput getOutputMode() {
        return outputMode;
    }

    public void setOutputMode(io.github.cameldfinery.component.DfineryExportOutput outputMode) {
        this.outputMode = outputMode;
    }

    public String getProperties() {
        return properties;
    }

    public void setProperties(String properties) {
        this.properties = properties;
    }

    public io.github.cameldfinery.component.api.DfineryConditionType getPropertiesConditionType() {
        return propertiesConditionType;
    }

    public void setPropertiesConditionType(io.github.cameldfinery.component.api.DfineryConditionType propertiesConditionType) {
        this.propertiesConditionType = propertiesConditionType;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public Long getEventQuota() {
        return eventQuota;
    }

    public void setEventQuota(Long eventQuota) {
        this.eventQuota = eventQuota;
    }

    public Duration getEventQuotaWindow() {
        return eventQuotaWindow;
    }

    public void setEventQuotaWindow(Duration eventQuotaWindow) {
        this.eventQuotaWindow = eventQuotaWindow;
    }

    public Long getIdentityQuota() {
        return identityQuota;
    }

    public void setIdentityQuota(Long identityQuota) {
        this.identityQuota = identityQuota;
    }

    public Duration getIdentityQuotaWindow() {
        return identityQuotaWindow;
    }

    public void setIdentityQuotaWindow(Duration identityQuotaWindow) {
        this.identityQuotaWindow = identityQuotaWindow;
    }

    public Long getProfileQuota() {
        return profileQuota;
    }

    public void setProfileQuota(Long profileQuota) {
        this.profileQuota = profileQuota;
    }

    public Duration getProfileQuotaWindow() {
        return profileQuotaWindow;
    }

    public void setProfileQuotaWindow(Duration profileQuotaWindow) {
        this.profileQuotaWindow = profileQuotaWindow;
    }

    public Boolean getQuotaGuard() {
        return quotaGuard;
    }

    public void setQuotaGuard(Boolean quotaGuard) {
        this.quotaGuard = quotaGuard;
    }

    public Double getQuotaLocalShare() {
        return quotaLocalShare;
    }

    public void setQuotaLocalShare(Double quotaLocalShare) {
        this.quotaLocalShare = quotaLocalShare;
    }

    public Duration getQuotaLocalShareMaxTime() {
        return quotaLocalShareMaxTime;
    }

    public void setQuotaLocalShareMaxTime(Duration quotaLocalShareMaxTime) {
        this.quotaLocalShareMaxTime = quotaLocalShareMaxTime;
    }

    public String getQuotaStore() {
        return quotaStore;
    }

    public void setQuotaStore(String quotaStore) {
        this.quotaStore = quotaStore;
    }

    public io.github.cameldfinery.component.quota.QuotaStoreUnavailable getQuotaStoreUnavailable() {
        return quotaStoreUnavailable;
    }

    public void setQuotaStoreUnavailable(io.github.cameldfinery.component.quota.QuotaStoreUnavailable quotaStoreUnavailable) {
        this.quotaStoreUnavailable = quotaStoreUnavailable;
    }

    public String getQuotaStoreUri() {
        return quotaStoreUri;
    }

    public void setQuotaStoreUri(String quotaStoreUri) {
        this.quotaStoreUri = quotaStoreUri;
    }

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public String getBearerToken() {
        return bearerToken;
    }

    public void setBearerToken(String bearerToken) {
        this.bearerToken = bearerToken;
    }
}

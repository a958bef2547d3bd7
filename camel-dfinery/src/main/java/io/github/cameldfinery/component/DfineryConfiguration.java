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

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;

import io.github.cameldfinery.component.api.DfineryApi;
import io.github.cameldfinery.component.api.DfineryConditionType;
import io.github.cameldfinery.component.api.DfineryExportDataset;
import io.github.cameldfinery.component.api.DfineryIdentityOperation;
import io.github.cameldfinery.component.export.ExportRequest;
import io.github.cameldfinery.component.spi.DfineryExportClaims;
import io.github.cameldfinery.component.validation.DfineryTrackingPlan;
import io.github.cameldfinery.component.validation.RequestRules;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Options of the {@code dfinery} component. Set once at component level ({@code camel.component.dfinery.*}) and
 * override per endpoint where needed.
 */
@UriParams
public class DfineryConfiguration implements Cloneable {

    /** The documented base URI of the DFINERY open API. */
    public static final String DEFAULT_BASE_URI = "https://openapi.dfinery.ai";

    @UriParam
    private String serviceId;

    @UriParam(label = "security", secret = true)
    private String accessToken;

    @UriParam(label = "security", secret = true)
    private String bearerToken;

    @UriParam(label = "advanced", defaultValue = DEFAULT_BASE_URI)
    private String baseUri = DEFAULT_BASE_URI;

    @UriParam(label = "advanced", javaType = "java.time.Duration", defaultValue = "10s")
    private long connectTimeout = 10_000;

    @UriParam(label = "advanced", javaType = "java.time.Duration", defaultValue = "30s")
    private long requestTimeout = 30_000;

    @UriParam(label = "proxy")
    private String proxyHost;

    @UriParam(label = "proxy")
    private Integer proxyPort;

    @UriParam(label = "advanced")
    private HttpClient httpClient;

    @UriParam(label = "advanced", defaultValue = "HTTP_1_1")
    private HttpClient.Version httpVersion = HttpClient.Version.HTTP_1_1;

    @UriParam(label = "producer", defaultValue = "update")
    private DfineryIdentityOperation operation = DfineryIdentityOperation.update;

    @UriParam(label = "producer", defaultValue = "3")
    private int maxRetries = 3;

    @UriParam(label = "producer", javaType = "java.time.Duration", defaultValue = "250ms")
    private long retryDelay = 250;

    @UriParam(label = "producer", javaType = "java.time.Duration", defaultValue = "10s")
    private long retryMaxDelay = 10_000;

    @UriParam(label = "producer", defaultValue = "true")
    private boolean retryRequestTimeouts = true;

    @UriParam(label = "producer", defaultValue = "1048576")
    private int maxRequestSize = RequestRules.DEFAULT_MAX_REQUEST_SIZE;

    @UriParam(label = "producer", javaType = "java.time.Duration", defaultValue = "0s")
    private long rateLimitMaxWait;

    @UriParam(label = "export", defaultValue = "events")
    private DfineryExportDataset dataset = DfineryExportDataset.events;

    @UriParam(label = "export")
    private String events;

    @UriParam(label = "export", defaultValue = "all")
    private DfineryConditionType eventsConditionType = DfineryConditionType.all;

    @UriParam(label = "export")
    private String properties;

    @UriParam(label = "export", defaultValue = "all")
    private DfineryConditionType propertiesConditionType = DfineryConditionType.all;

    @UriParam(label = "export")
    private String audience;

    @UriParam(label = "export")
    private String identities;

    @UriParam(label = "export")
    private DfineryConditionType identitiesConditionType;

    @UriParam(label = "consumer")
    private String startDate;

    @UriParam(label = "consumer", defaultValue = "1")
    private int windowDays = 1;

    @UriParam(label = "consumer", defaultValue = "10")
    private int maxWindowsPerPoll = 10;

    @UriParam(label = "export", defaultValue = "30")
    private int lookbackDays = 30;

    @UriParam(label = "consumer")
    private org.apache.camel.spi.StateRepository<String, String> stateRepository;

    @UriParam(label = "consumer")
    private String cursorKey;

    @UriParam(label = "consumer,advanced")
    private DfineryExportClaims exportClaims;

    @UriParam(label = "consumer")
    private IdempotentRepository idempotentRepository;

    @UriParam(label = "export", defaultValue = "rows")
    private DfineryExportOutput outputMode = DfineryExportOutput.rows;

    @UriParam(label = "export", defaultValue = "1000")
    private int batchSize = 1000;

    @UriParam(label = "export", defaultValue = "100")
    private int exportQuota = 100;

    @UriParam(label = "export", javaType = "java.time.Duration", defaultValue = "1h")
    private long exportQuotaWindow = 3_600_000;

    @UriParam(label = "export", defaultValue = "5")
    private int exportConcurrency = 5;

    @UriParam(label = "export", javaType = "java.time.Duration", defaultValue = "60s")
    private long exportReadTimeout = 60_000;

    @UriParam(label = "consumer", defaultValue = "retry")
    private DfineryExportFormatErrorPolicy exportFormatErrorPolicy = DfineryExportFormatErrorPolicy.retry;

    @UriParam(label = "producer")
    private String fromDate;

    @UriParam(label = "producer")
    private String toDate;

    @UriParam(label = "quota", defaultValue = "1000000")
    private long eventQuota = 1_000_000;

    @UriParam(label = "quota", javaType = "java.time.Duration", defaultValue = "1m")
    private long eventQuotaWindow = 60_000;

    @UriParam(label = "quota", defaultValue = "10000")
    private long identityQuota = 10_000;

    @UriParam(label = "quota", javaType = "java.time.Duration", defaultValue = "1m")
    private long identityQuotaWindow = 60_000;

    @UriParam(label = "quota", defaultValue = "10000")
    private long profileQuota = 10_000;

    @UriParam(label = "quota", javaType = "java.time.Duration", defaultValue = "1m")
    private long profileQuotaWindow = 60_000;

    @UriParam(label = "quota", defaultValue = "true")
    private boolean quotaGuard = true;

    @UriParam(label = "producer")
    private String trackingPlanUri;

    @UriParam(label = "producer,advanced")
    private DfineryTrackingPlan trackingPlan;

    public String getServiceId() {
        return serviceId;
    }

    /**
     * The DFINERY service id (service_id) that every call names. A CamelDfineryServiceId header set by the route
     * overrides it per message; the header a dfinery endpoint writes does not.
     */
    public void setServiceId(String serviceId) {
        this.serviceId = serviceId;
    }

    public String getAccessToken() {
        return accessToken;
    }

    /** The import API token, sent as the {@code access_token} header of event, identity and profile calls. */
    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public String getBearerToken() {
        return bearerToken;
    }

    /** The export API token, sent as an Authorization Bearer header on export calls. */
    public void setBearerToken(String bearerToken) {
        this.bearerToken = bearerToken;
    }

    public String getBaseUri() {
        return baseUri;
    }

    /** Where the API lives; point it at a DFINERY emulator for tests. */
    public void setBaseUri(String baseUri) {
        this.baseUri = baseUri;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    /** How long to wait for a TCP connection. A connect timeout means nothing was sent, so it is always retried. */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    /**
     * How long to wait for a response once the request is sent: for imports the whole answer, headers and body; for
     * exports the headers (exportReadTimeout bounds the body). After a request timeout DFINERY may have processed
     * the request; see retryRequestTimeouts.
     */
    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    /** An HTTP proxy host to reach DFINERY through. */
    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    /** The HTTP proxy port; required with proxyHost. */
    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public HttpClient getHttpClient() {
        return httpClient;
    }

    /**
     * A java.net.http.HttpClient to use instead of the one the component builds (one per distinct connect timeout
     * and proxy, shared by all endpoints). connectTimeout and the proxy options do not apply to an injected client.
     */
    public void setHttpClient(HttpClient httpClient) {
        this.httpClient = httpClient;
    }

    public HttpClient.Version getHttpVersion() {
        return httpVersion;
    }

    /**
     * The HTTP version to speak: HTTP_1_1 (the default; DFINERY's API speaks it, and over plain http every HTTP/2
     * request would carry upgrade headers) or HTTP_2. Does not apply to an injected httpClient.
     */
    public void setHttpVersion(HttpClient.Version httpVersion) {
        this.httpVersion = httpVersion;
    }

    public DfineryIdentityOperation getOperation() {
        return operation;
    }

    /** For dfinery:identity: update (create or update the unified profile) or delete it. */
    public void setOperation(DfineryIdentityOperation operation) {
        this.operation = operation;
    }

    public int getMaxRequestSize() {
        return maxRequestSize;
    }

    /**
     * The largest request body, in bytes, the producer sends (1 MiB by default; 0 for no bound). DFINERY documents
     * no limit; a hundred ordinary events take a few hundred KB. A batch that would be larger is split into more
     * requests; one event, identity or profile that alone is larger is refused with a DfineryValidationException
     * naming it, and nothing of the message is sent.
     */
    public void setMaxRequestSize(int maxRequestSize) {
        this.maxRequestSize = maxRequestSize;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    /**
     * How many times a request that failed transiently (HTTP 5xx, code 50000, connection failures) is sent again,
     * with the same body and event_log_ids. Validation, authentication and rate-limit failures are never retried.
     */
    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryDelay() {
        return retryDelay;
    }

    /** The first backoff before a retry; it doubles on each retry, with random jitter, up to retryMaxDelay. */
    public void setRetryDelay(long retryDelay) {
        this.retryDelay = retryDelay;
    }

    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    /** The longest backoff between two retries. */
    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public boolean isRetryRequestTimeouts() {
        return retryRequestTimeouts;
    }

    /**
     * Whether a request timeout is retried. DFINERY may have processed the request already; a retry is still safe
     * because events carry the same event_log_id and identity and profile updates are idempotent.
     */
    public void setRetryRequestTimeouts(boolean retryRequestTimeouts) {
        this.retryRequestTimeouts = retryRequestTimeouts;
    }

    public long getRateLimitMaxWait() {
        return rateLimitMaxWait;
    }

    /**
     * When the rate limit is spent (the quota guard says so, or DFINERY answers HTTP 429 or code 40401): wait for the
     * reset if it is at most this far away. 0 (the default) fails at once with DfineryRateLimitException.
     */
    public void setRateLimitMaxWait(long rateLimitMaxWait) {
        this.rateLimitMaxWait = rateLimitMaxWait;
    }

    public String getTrackingPlanUri() {
        return trackingPlanUri;
    }

    /**
     * A tracking plan (JSON: registered events, event_properties, item_properties, user_properties with their types)
     * to check every message against before sending, as classpath:, file: or http: resource. DFINERY itself only
     * loads registered names.
     */
    public void setTrackingPlanUri(String trackingPlanUri) {
        this.trackingPlanUri = trackingPlanUri;
    }

    public DfineryTrackingPlan getTrackingPlan() {
        return trackingPlan;
    }

    /** A tracking plan object to check every message against before sending; see trackingPlanUri. */
    public void setTrackingPlan(DfineryTrackingPlan trackingPlan) {
        this.trackingPlan = trackingPlan;
    }

    public DfineryExportDataset getDataset() {
        return dataset;
    }

    /** For dfinery:export: events (incremental, by day windows) or userProfiles (a snapshot each poll). */
    public void setDataset(DfineryExportDataset dataset) {
        this.dataset = dataset;
    }

    public String getEvents() {
        return events;
    }

    /** For dfinery:export: comma-separated event names, used with eventsConditionType include or exclude. */
    public void setEvents(String events) {
        this.events = events;
    }

    public DfineryConditionType getEventsConditionType() {
        return eventsConditionType;
    }

    /** For dfinery:export: all events, include only those in events, or exclude them. */
    public void setEventsConditionType(DfineryConditionType eventsConditionType) {
        this.eventsConditionType = eventsConditionType;
    }

    public String getProperties() {
        return properties;
    }

    /**
     * For dfinery:export: comma-separated property names (event properties, df_items_ item columns, or user
     * properties), used with propertiesConditionType include or exclude.
     */
    public void setProperties(String properties) {
        this.properties = properties;
    }

    public DfineryConditionType getPropertiesConditionType() {
        return propertiesConditionType;
    }

    /** For dfinery:export: all properties, include only those in properties, or exclude them. */
    public void setPropertiesConditionType(DfineryConditionType propertiesConditionType) {
        this.propertiesConditionType = propertiesConditionType;
    }

    public String getAudience() {
        return audience;
    }

    /** For dfinery:export of userProfiles: the audience whose users are exported; all users when unset. */
    public void setAudience(String audience) {
        this.audience = audience;
    }

    public String getIdentities() {
        return identities;
    }

    /** For dfinery:export of userProfiles: comma-separated identity columns; DFINERY supports df_external_id. */
    public void setIdentities(String identities) {
        this.identities = identities;
    }

    public DfineryConditionType getIdentitiesConditionType() {
        return identitiesConditionType;
    }

    /** For dfinery:export of userProfiles: whether identity columns are exported (all, include, exclude). */
    public void setIdentitiesConditionType(DfineryConditionType identitiesConditionType) {
        this.identitiesConditionType = identitiesConditionType;
    }

    public String getStartDate() {
        return startDate;
    }

    /**
     * For the events consumer: the first day (yyyy-MM-dd, UTC) to export when no cursor is stored yet. Defaults to
     * yesterday. Days older than lookbackDays cannot be exported any more and are skipped with a warning.
     */
    public void setStartDate(String startDate) {
        this.startDate = startDate;
    }

    public int getWindowDays() {
        return windowDays;
    }

    /** For the events consumer: days per export call. Each window is one request and is checkpointed on its own. */
    public void setWindowDays(int windowDays) {
        this.windowDays = windowDays;
    }

    public int getMaxWindowsPerPoll() {
        return maxWindowsPerPoll;
    }

    /** For the events consumer: the most windows one poll exports, so that catching up spreads over polls. */
    public void setMaxWindowsPerPoll(int maxWindowsPerPoll) {
        this.maxWindowsPerPoll = maxWindowsPerPoll;
    }

    public int getLookbackDays() {
        return lookbackDays;
    }

    /** How far back DFINERY exports events: 30 days before today (UTC). */
    public void setLookbackDays(int lookbackDays) {
        this.lookbackDays = lookbackDays;
    }

    public org.apache.camel.spi.StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    /**
     * For the events consumer: where the cursor (the next day to export) is kept. In memory by default, so a
     * restart starts again from startDate; use a FileStateRepository or another persistent one to resume.
     */
    public void setStateRepository(org.apache.camel.spi.StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public String getCursorKey() {
        return cursorKey;
    }

    /**
     * For the events consumer: the key of the cursor in the state repository. Defaults to one derived from the
     * service id and the event filter; set it when two consumers of the same filter must keep separate cursors.
     */
    public void setCursorKey(String cursorKey) {
        this.cursorKey = cursorKey;
    }

    public DfineryExportClaims getExportClaims() {
        return exportClaims;
    }

    /**
     * For replicas that run the same events consumer on a shared stateRepository: claims on windows, so that each
     * closed window is exported by one replica at a time (for example RedisExportClaims from camel-dfinery-redis).
     * Without it, run the consumer on one replica at a time.
     */
    public void setExportClaims(DfineryExportClaims exportClaims) {
        this.exportClaims = exportClaims;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    /**
     * For the export consumer with outputMode=rows: the rows already delivered, keyed by what they are, not where
     * they stand: an event row by its df_event_log_id, and one with item values by df_event_log_id/ and a hash of
     * its item columns; a profile row by df_unified_id/ and a hash of its values; identical rows of one export are
     * counted (#2, #3). A row found in it is skipped; a row is added to it only once its exchange has completed
     * without an exception, so a replica that dies while a row is in the route leaves it to be delivered again (for
     * example RedisIdempotentRepository from camel-dfinery-redis, shared by the replicas).
     */
    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public DfineryExportOutput getOutputMode() {
        return outputMode;
    }

    /** For dfinery:export: rows (one exchange per row), batch (batchSize rows per exchange) or stream (raw CSV). */
    public void setOutputMode(DfineryExportOutput outputMode) {
        this.outputMode = outputMode;
    }

    public int getBatchSize() {
        return batchSize;
    }

    /** For dfinery:export with outputMode=batch: rows per exchange. */
    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public int getExportQuota() {
        return exportQuota;
    }

    /**
     * Export calls allowed per exportQuotaWindow and service (DFINERY: 100 an hour). The component counts its own
     * calls in windows aligned on the epoch (each clock hour for an hour) and never makes more; it is shared by every
     * export endpoint of the service. One value per service, as eventQuota.
     */
    public void setExportQuota(int exportQuota) {
        this.exportQuota = exportQuota;
    }

    public long getExportQuotaWindow() {
        return exportQuotaWindow;
    }

    /** The window of exportQuota; one value per service, as eventQuota. */
    public void setExportQuotaWindow(long exportQuotaWindow) {
        this.exportQuotaWindow = exportQuotaWindow;
    }

    public int getExportConcurrency() {
        return exportConcurrency;
    }

    /** Export calls that may run at once per service (DFINERY: 5); one value per service, as eventQuota. */
    public void setExportConcurrency(int exportConcurrency) {
        this.exportConcurrency = exportConcurrency;
    }

    public long getExportReadTimeout() {
        return exportReadTimeout;
    }

    /**
     * How long an export body may go without progress: while the component or the route waits for its bytes, and,
     * for a stream-mode body, once its exchange has ended while it is neither read nor closed. Then the body is
     * aborted (the window fails and is exported again) and its concurrency slot is released. requestTimeout bounds
     * the wait for the answer's headers.
     */
    public void setExportReadTimeout(long exportReadTimeout) {
        this.exportReadTimeout = exportReadTimeout;
    }

    public DfineryExportFormatErrorPolicy getExportFormatErrorPolicy() {
        return exportFormatErrorPolicy;
    }

    /**
     * What the export consumer does with a window whose body is not the expected CSV (DfineryExportFormatException)
     * once the body proves it, the same error at the same line when the window is exported again (the first time,
     * the window is exported again whatever the policy): retry (the poll fails, the cursor stays and the window is
     * exported again on the next poll; Camel's backoffErrorThreshold and backoffMultiplier space the attempts),
     * skip (the window is logged at ERROR and counted, the cursor moves past it, and the readiness check is DOWN
     * until the next window is delivered), or stop (the route is stopped, the cursor stays). A body cut short is
     * never a format error: it is a connection failure, exported again under every policy. Rows the route received
     * before the defect are received again if the window is exported again.
     */
    public void setExportFormatErrorPolicy(DfineryExportFormatErrorPolicy exportFormatErrorPolicy) {
        this.exportFormatErrorPolicy = exportFormatErrorPolicy;
    }

    public String getFromDate() {
        return fromDate;
    }

    /** For the export producer: the first day (yyyy-MM-dd) of an ad-hoc event export; a header can override it. */
    public void setFromDate(String fromDate) {
        this.fromDate = fromDate;
    }

    public String getToDate() {
        return toDate;
    }

    /** For the export producer: the last day (yyyy-MM-dd, inclusive) of an ad-hoc event export. */
    public void setToDate(String toDate) {
        this.toDate = toDate;
    }

    public long getEventQuota() {
        return eventQuota;
    }

    /**
     * Event API requests allowed per eventQuotaWindow and service (DFINERY's default: 1,000,000 a minute; contracts
     * differ). The quota guard holds requests to it. One value per service: the component's applies to every service
     * no endpoint gives another, and endpoints of one service that give different values fail at start.
     * {{dfinery:event}} gives the component's value to the throttle EIP.
     */
    public void setEventQuota(long eventQuota) {
        this.eventQuota = eventQuota;
    }

    public long getEventQuotaWindow() {
        return eventQuotaWindow;
    }

    /**
     * The window of eventQuota; one value per service, as eventQuota. {{dfinery:event.window}} gives the component's in
     * milliseconds.
     */
    public void setEventQuotaWindow(long eventQuotaWindow) {
        this.eventQuotaWindow = eventQuotaWindow;
    }

    public long getIdentityQuota() {
        return identityQuota;
    }

    /**
     * Identity API requests (deletes included) allowed per identityQuotaWindow and service (default 10,000 a minute);
     * one value per service, as eventQuota.
     */
    public void setIdentityQuota(long identityQuota) {
        this.identityQuota = identityQuota;
    }

    public long getIdentityQuotaWindow() {
        return identityQuotaWindow;
    }

    /** The window of identityQuota; one value per service, as eventQuota. */
    public void setIdentityQuotaWindow(long identityQuotaWindow) {
        this.identityQuotaWindow = identityQuotaWindow;
    }

    public long getProfileQuota() {
        return profileQuota;
    }

    /**
     * Profile API requests allowed per profileQuotaWindow and service (default 10,000 a minute); one value per service,
     * as eventQuota.
     */
    public void setProfileQuota(long profileQuota) {
        this.profileQuota = profileQuota;
    }

    public long getProfileQuotaWindow() {
        return profileQuotaWindow;
    }

    /** The window of profileQuota; one value per service, as eventQuota. */
    public void setProfileQuotaWindow(long profileQuotaWindow) {
        this.profileQuotaWindow = profileQuotaWindow;
    }

    public boolean isQuotaGuard() {
        return quotaGuard;
    }

    /**
     * Whether every import request, retries included, takes a permit from the quota guard first. The guard follows
     * the server's x-ratelimit-remaining and x-ratelimit-reset, and when the budget is spent waits for the reset (up
     * to rateLimitMaxWait) or fails at once with DfineryRateLimitException, instead of sending into 429s.
     */
    public void setQuotaGuard(boolean quotaGuard) {
        this.quotaGuard = quotaGuard;
    }

    /** Requests per window that the options give for an API kind. */
    public long quota(DfineryApi api) {
        switch (api) {
            case event: return eventQuota;
            case identity: return identityQuota;
            case profile: return profileQuota;
            default: return exportQuota;
        }
    }

    /** The window of that limit. */
    public Duration quotaWindow(DfineryApi api) {
        switch (api) {
            case event: return Duration.ofMillis(eventQuotaWindow);
            case identity: return Duration.ofMillis(identityQuotaWindow);
            case profile: return Duration.ofMillis(profileQuotaWindow);
            default: return Duration.ofMillis(exportQuotaWindow);
        }
    }

    /** The export the options describe, for the day range {@code [from, to]} (ignored for user profiles). */
    public ExportRequest exportRequest(LocalDate from, LocalDate to, LocalDate today) {
        boolean events = dataset == DfineryExportDataset.events;
        ExportRequest request = new ExportRequest(dataset, eventsConditionType, ExportRequest.split(this.events),
                propertiesConditionType, ExportRequest.split(properties), audience, identitiesConditionType,
                ExportRequest.split(identities), events ? from : null, events ? to : null);
        request.validate(today, lookbackDays);
        return request;
    }

    /**
     * Checks the options an endpoint of this API needs, naming the option at fault. A consumer cannot take the
     * service id from a header, so it needs the option.
     */
    void validate(DfineryApi api, boolean consumer) {
        new ConfigurationRules(this).check(api, consumer);
    }

    public DfineryConfiguration copy() {
        try {
            return (DfineryConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /** Never prints the tokens. */
    @Override
    public String toString() {
        return "DfineryConfiguration[serviceId=" + serviceId + ", baseUri=" + baseUri + ", accessToken="
               + (accessToken == null ? "unset" : "***") + ", bearerToken=" + (bearerToken == null ? "unset" : "***") + "]";
    }
}

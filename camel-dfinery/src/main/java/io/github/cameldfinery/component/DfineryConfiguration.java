package io.github.cameldfinery.component;

import java.net.http.HttpClient;

import io.github.cameldfinery.component.validation.DfineryTrackingPlan;
import org.apache.camel.RuntimeCamelException;
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
    private String importToken;

    @UriParam(label = "security", secret = true)
    private String exportToken;

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

    @UriParam(label = "producer", javaType = "java.time.Duration", defaultValue = "0s")
    private long rateLimitMaxWait;

    @UriParam(label = "producer")
    private String trackingPlanUri;

    @UriParam(label = "producer,advanced")
    private DfineryTrackingPlan trackingPlan;

    public String getServiceId() {
        return serviceId;
    }

    /** The DFINERY service id ({@code service_id}) that every call names. A header can override it per message. */
    public void setServiceId(String serviceId) {
        this.serviceId = serviceId;
    }

    public String getImportToken() {
        return importToken;
    }

    /** The import API token, sent as the {@code access_token} header of event, identity and profile calls. */
    public void setImportToken(String importToken) {
        this.importToken = importToken;
    }

    public String getExportToken() {
        return exportToken;
    }

    /** The export API token, sent as an Authorization Bearer header on export calls. */
    public void setExportToken(String exportToken) {
        this.exportToken = exportToken;
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
     * How long to wait for a response once the request is sent. After a request timeout DFINERY may have processed
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

    public DfineryIdentityOperation getOperation() {
        return operation;
    }

    /** For dfinery:identity: update (create or update the unified profile) or delete it. */
    public void setOperation(DfineryIdentityOperation operation) {
        this.operation = operation;
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
     * When DFINERY answers that the rate limit is spent (HTTP 429 or code 40401): wait until the reset and try once
     * more if the reset is at most this far away. 0 (the default) fails at once with DfineryRateLimitException.
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
        return "DfineryConfiguration[serviceId=" + serviceId + ", baseUri=" + baseUri + ", importToken="
               + (importToken == null ? "unset" : "***") + ", exportToken=" + (exportToken == null ? "unset" : "***") + "]";
    }
}

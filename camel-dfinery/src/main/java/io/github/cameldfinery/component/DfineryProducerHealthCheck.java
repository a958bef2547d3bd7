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

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import io.github.cameldfinery.component.api.DfineryApi;
import io.github.cameldfinery.component.error.DfineryAuthenticationException;
import io.github.cameldfinery.component.quota.QuotaStoreFailover;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.util.ObjectHelper;
import org.apache.camel.util.URISupport;

/**
 * Readiness check {@code producer:<endpoint uri>} of the producers of one dfinery endpoint, in Camel's producers
 * repository while one of them runs (as camel-kafka registers its producers'), enabled as the component's
 * healthCheckProducerEnabled says; Camel runs producer checks only with {@code camel.health.producersEnabled=true}.
 * DOWN when a message sent now would fail whatever it holds:
 * <ul>
 * <li>the endpoint has no token (accessToken, or bearerToken for export): every message fails before it is sent;</li>
 * <li>DFINERY refused the endpoint's token (an authentication error with an answer, such as HTTP 401), until a
 * request of the endpoint succeeds;</li>
 * <li>the shared quota store cannot be reached and requests fail without being sent (quotaStoreUnavailable=FAIL, or
 * the local share used up), for an endpoint that counts its calls in it: export, or an import with quotaGuard.</li>
 * </ul>
 * A failure of one message (a bad body, a rate limit, a server error that retries cover) leaves it UP. It never
 * calls DFINERY, so it spends no quota.
 */
final class DfineryProducerHealthCheck extends DfineryReadinessCheck {

    private final DfineryEndpoint endpoint;
    /** Made when first registered: the component masks its secret options in URIs once it is initialised. */
    private volatile String id;
    /** DFINERY's refusal of the endpoint's token, until a request succeeds; null when none. */
    private volatile DfineryAuthenticationException refused;
    private volatile Instant refusedAt;
    /** The running component's clock, taken when the first producer starts. */
    private volatile Clock clock;
    /** Producers of the endpoint running; the check is in the repository while there are any. */
    private int running;
    private WritableHealthCheckRepository repository;

    DfineryProducerHealthCheck(DfineryEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** A producer of the endpoint started: the first one registers the check, if Camel has a producers repository. */
    synchronized void producerStarted() {
        if (running++ > 0) {
            return;
        }
        id = "producer:" + URISupport.sanitizeUri(endpoint.getEndpointUri());
        clock = endpoint.services().clock();
        repository = HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (repository != null) {
            setEnabled(endpoint.getComponent().isHealthCheckProducerEnabled());
            repository.addHealthCheck(this);
        }
    }

    /** A producer of the endpoint stopped: the last one removes the check. */
    synchronized void producerStopped() {
        if (running == 0 || --running > 0) {
            return;
        }
        if (repository != null) {
            repository.removeHealthCheck(this);
            repository = null;
        }
    }

    /** A message failed: an authentication error DFINERY answered with turns the check DOWN. */
    void failed(Throwable failure) {
        if (failure instanceof DfineryAuthenticationException && ((DfineryAuthenticationException) failure).hasResponse()) {
            refusedAt = clock.instant();
            refused = (DfineryAuthenticationException) failure;
        }
    }

    /** A request of the endpoint succeeded: its token is good. */
    void succeeded() {
        refused = null;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this);
        DfineryConfiguration config = endpoint.getConfiguration();
        boolean export = endpoint.getApi() == DfineryApi.export;
        builder.detail(ENDPOINT_URI, URISupport.sanitizeUri(endpoint.getEndpointUri()));
        builder.detail("dfinery.api", endpoint.getApi().name());
        if (config.getServiceId() != null) {
            builder.detail("dfinery.service.id", config.getServiceId());
        }
        if (!isEnabled()) {
            return builder.message("Disabled").unknown().build();
        }
        String token = export ? config.getBearerToken() : config.getAccessToken();
        if (ObjectHelper.isEmpty(token)) {
            return builder.message("No " + (export ? "bearerToken" : "accessToken") + " for " + endpoint.getApi()
                                   + ": every message fails before it is sent").down().build();
        }
        DfineryAuthenticationException token401 = refused;
        if (token401 != null) {
            builder.detail(HTTP_RESPONSE_CODE, token401.getHttpResponseCode());
            builder.detail("dfinery.refused.since", String.valueOf(refusedAt));
            builder.error(token401);
            return builder.message("DFINERY refused the token of " + endpoint.getApi() + " (code " + token401.getCode()
                                   + "); DOWN until a request succeeds").down().build();
        }
        QuotaStoreFailover.Status store = export || config.isQuotaGuard() ? storeStatus() : null;
        if (store != null && store.state() == QuotaStoreFailover.State.FAILING) {
            builder.detail("dfinery.quota.store", store.store());
            if (store.downSince() != null) {
                builder.detail("dfinery.quota.store.down.since", store.downSince().toString());
            }
            return builder.message("The shared DFINERY quota store cannot be reached; requests fail without being sent")
                    .down().build();
        }
        return builder.up().build();
    }

    /** The shared quota store's state; null with the in-memory store, or when the component is not running. */
    private QuotaStoreFailover.Status storeStatus() {
        DfineryComponent component = endpoint.getComponent();
        return component.quotaGuards() == null ? null : component.quotaGuards().storeStatus();
    }
}

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

import java.io.InputStream;
import java.time.Duration;

import io.github.cameldfinery.component.error.DfineryAuthenticationException;
import io.github.cameldfinery.component.error.DfineryValidationException;
import io.github.cameldfinery.component.http.ImportResponses;
import io.github.cameldfinery.component.mapping.EventMapper;
import io.github.cameldfinery.component.mapping.IdentityMapper;
import io.github.cameldfinery.component.mapping.ProfileMapper;
import io.github.cameldfinery.component.mapping.RequestMapper;
import io.github.cameldfinery.component.pipeline.ImportPipeline;
import io.github.cameldfinery.component.pipeline.ImportSettings;
import io.github.cameldfinery.component.pipeline.PreparedMessage;
import io.github.cameldfinery.component.pipeline.RetryPolicy;
import io.github.cameldfinery.component.validation.DfineryTrackingPlan;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.util.ObjectHelper;

/**
 * Sends a message to DFINERY's event, identity or profile API without holding a thread while waiting: the body
 * becomes validated requests, the shared pipeline sends them, and the outcome goes into headers or, on failure, a
 * DfineryException on the exchange.
 */
public class DfineryProducer extends DefaultAsyncProducer {

    /** Where a message's prepared requests wait for a redelivery. */
    static final String PREPARED = "CamelDfineryPreparedMessage";

    private final DfineryConfiguration config;
    private RequestMapper mapper;
    private ImportPipeline pipeline;
    private DfineryServices services;
    private DfineryProducerHealthCheck health;

    public DfineryProducer(DfineryEndpoint endpoint) {
        super(endpoint);
        this.config = endpoint.getConfiguration();
    }

    @Override
    public DfineryEndpoint getEndpoint() {
        return (DfineryEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        services = getEndpoint().services();
        DfineryTrackingPlan plan = trackingPlan();
        switch (getEndpoint().getApi()) {
            case event: mapper = new EventMapper(plan, config.getMaxRequestSize()); break;
            case identity: mapper = new IdentityMapper(config.getOperation(), services.clock(), config.getMaxRequestSize());
                break;
            default: mapper = new ProfileMapper(plan, services.clock(), config.getMaxRequestSize()); break;
        }
        pipeline = new ImportPipeline(services.importServices(config), new ImportSettings(new RetryPolicy(
                config.getMaxRetries(), config.getRetryDelay(), config.getRetryMaxDelay(), config.isRetryRequestTimeouts()),
                Duration.ofMillis(config.getRateLimitMaxWait()), Duration.ofMillis(config.getRequestTimeout())));
        // Its readiness check, in Camel's producers repository while it runs.
        health = getEndpoint().producerHealth();
        health.producerStarted();
    }

    @Override
    protected void doStop() throws Exception {
        if (health != null) {
            health.producerStopped();
        }
        // A stopped producer may be kept by JMX (its send processor): it must not keep the HTTP client, whose
        // selector thread lives as long as the client is referenced.
        pipeline = null;
        super.doStop();
    }

    private DfineryTrackingPlan trackingPlan() throws Exception {
        if (config.getTrackingPlan() != null) {
            return config.getTrackingPlan();
        }
        if (ObjectHelper.isEmpty(config.getTrackingPlanUri())) {
            return null;
        }
        try (InputStream in = ResourceHelper.resolveMandatoryResourceAsInputStream(getEndpoint().getCamelContext(),
                config.getTrackingPlanUri())) {
            return DfineryTrackingPlan.read(in);
        }
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        PreparedMessage prepared;
        String serviceId;
        ImportPipeline pipeline = this.pipeline;
        try {
            if (pipeline == null) {
                throw new IllegalStateException("The producer of " + getEndpoint() + " is stopped");
            }
            serviceId = ServiceIds.resolve(exchange, config.getServiceId());
            if (ObjectHelper.isEmpty(config.getAccessToken())) {
                throw DfineryAuthenticationException.missingToken("accessToken", DfinerySecrets.ACCESS_TOKEN);
            }
            prepared = prepare(exchange, exchange.getMessage());
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        } catch (StackOverflowError e) {
            // The last line behind the mappers' depth limit: an Error thrown here would leave the exchange in flight
            // and kill the thread of a seda or JMS consumer, out of the route's error handler's reach.
            exchange.setException(new DfineryValidationException("body", "nests too deeply to be mapped (the stack "
                                                                          + "overflowed)"));
            callback.done(true);
            return true;
        } catch (Error e) {
            if (e instanceof VirtualMachineError || e instanceof LinkageError) {
                throw e;
            }
            // Camel wraps it in a CamelExecutionException for the error handler.
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        ServiceIds.write(exchange, serviceId);
        pipeline.send(prepared, serviceId, config.getAccessToken()).whenCompleteAsync((success, failure) -> {
            try {
                if (failure != null) {
                    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                    health.failed(cause);
                    exchange.setException(cause);
                } else {
                    health.succeeded();
                    exchange.removeProperty(PREPARED);
                    describe(exchange.getMessage(), prepared, success);
                    if (success != null && success.rateLimit().remaining() != null) {
                        exchange.getMessage().setHeader(DfineryConstants.QUOTA_USED,
                                Math.max(0, services.quota(serviceId, getEndpoint().getApi())
                                            - success.rateLimit().remaining()));
                    }
                }
            } finally {
                callback.done(false);
            }
        }, pipeline.responses());
        return false;
    }

    /** The requests of this message: reused on a redelivery of the same body, so ids and progress are kept. */
    private PreparedMessage prepare(Exchange exchange, Message message) {
        PreparedMessage earlier = exchange.getProperty(PREPARED, PreparedMessage.class);
        if (earlier != null && earlier.isFor(message.getBody())) {
            return earlier;
        }
        PreparedMessage prepared = new PreparedMessage(message.getBody(),
                mapper.toRequests(message, MessageHeaderReader.headers(message)));
        exchange.setProperty(PREPARED, prepared);
        return prepared;
    }

    private static void describe(Message message, PreparedMessage prepared, ImportResponses.Success success) {
        message.setHeader(DfineryConstants.REQUEST_COUNT, prepared.requests().size());
        message.setHeader(DfineryConstants.ATTEMPT_COUNT, prepared.totalAttempts());
        if (success != null) {
            message.setHeader(DfineryConstants.RESPONSE_CODE, success.code());
            message.setHeader(DfineryConstants.RESPONSE_MESSAGE, success.message());
            if (success.rateLimit().isPresent()) {
                message.setHeader(DfineryConstants.RATE_LIMIT_WINDOW, success.rateLimit().window());
                message.setHeader(DfineryConstants.RATE_LIMIT_REMAINING, success.rateLimit().remaining());
                message.setHeader(DfineryConstants.RATE_LIMIT_RESET, success.rateLimit().resetAt());
            }
        }
        if (!prepared.eventLogIds().isEmpty()) {
            message.setHeader(DfineryConstants.EVENT_LOG_IDS, prepared.eventLogIds());
        }
    }
}

package io.github.cameldfinery.component;

import java.util.concurrent.CompletionException;

import io.github.cameldfinery.component.error.DfineryAuthenticationException;
import io.github.cameldfinery.component.http.ImportResponses;
import io.github.cameldfinery.component.pipeline.PreparedMessage;
import io.github.cameldfinery.component.quota.QuotaGuards;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.util.ObjectHelper;

/**
 * Sends a message to DFINERY without holding a thread while waiting: the body becomes validated requests, the
 * shared pipeline sends them, and the outcome goes into headers or, on failure, a DfineryException on the exchange.
 */
public class DfineryProducer extends DefaultAsyncProducer {

    /** Where a message's prepared requests wait for a redelivery. */
    static final String PREPARED = "CamelDfineryPreparedMessage";

    public DfineryProducer(DfineryEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public DfineryEndpoint getEndpoint() {
        return (DfineryEndpoint) super.getEndpoint();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        PreparedMessage prepared;
        String serviceId;
        String token;
        try {
            Message message = exchange.getMessage();
            DfineryConfiguration config = getEndpoint().getConfiguration();
            serviceId = message.getHeader(DfineryConstants.SERVICE_ID, config.getServiceId(), String.class);
            if (ObjectHelper.isEmpty(serviceId)) {
                throw new IllegalArgumentException("No DFINERY service id: set the serviceId option or the "
                                                   + DfineryConstants.SERVICE_ID + " header");
            }
            message.setHeader(DfineryConstants.SERVICE_ID, serviceId);
            token = config.getImportToken();
            if (ObjectHelper.isEmpty(token)) {
                throw new DfineryAuthenticationException("No DFINERY import token: set the importToken option",
                        null, null, 0, null, null);
            }
            prepared = prepare(exchange, message);
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        getEndpoint().pipeline().send(prepared, serviceId, token).whenComplete((success, failure) -> {
            try {
                if (failure != null) {
                    exchange.setException(failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure);
                } else {
                    exchange.removeProperty(PREPARED);
                    describe(exchange.getMessage(), prepared, success);
                    if (success != null && success.rateLimit().remaining() != null) {
                        long quota = QuotaGuards.limit(getEndpoint().getConfiguration(), getEndpoint().getApi());
                        exchange.getMessage().setHeader(DfineryConstants.QUOTA_USED,
                                Math.max(0, quota - success.rateLimit().remaining()));
                    }
                }
            } finally {
                callback.done(false);
            }
        });
        return false;
    }

    /** The requests of this message: reused on a redelivery of the same body, so ids and progress are kept. */
    private PreparedMessage prepare(Exchange exchange, Message message) {
        PreparedMessage earlier = exchange.getProperty(PREPARED, PreparedMessage.class);
        if (earlier != null && earlier.isFor(message.getBody())) {
            return earlier;
        }
        PreparedMessage prepared = new PreparedMessage(message.getBody(), getEndpoint().mapper().toRequests(message));
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

package io.github.cameldfinery.component.error;

/**
 * The shared quota store ({@code quotaStore}, {@code quotaStoreUri}) could not be reached, so the component did not
 * send: a replica that cannot see the shared count would spend the other replicas' quota and run them all into 429s.
 * Refused locally like any other guard refusal ({@link #isRefusedLocally()} is true): nothing was sent, and sending
 * later may succeed. With {@code quotaStoreUnavailable=LOCAL_SHARE} this is thrown only once the local share has
 * been used for longer than {@code quotaLocalShareMaxTime}.
 */
public class DfineryQuotaStoreException extends DfineryRateLimitException {

    public DfineryQuotaStoreException(String message, Throwable cause) {
        super(message, null, null, cause);
    }
}

package io.github.cameldfinery.component.quota;

/** What the component does while its shared quota store cannot be reached. */
public enum QuotaStoreUnavailable {
    /**
     * Send nothing: each request fails at once with {@code DfineryQuotaStoreException} (refused locally), so the
     * route's error handler can park it. The default: no replica can overrun the quota the others count on.
     */
    FAIL,
    /**
     * Go on with a share of each limit counted in this JVM ({@code quotaLocalShare}, for example 0.33 with three
     * replicas) for at most {@code quotaLocalShareMaxTime}, then fail as with FAIL. The store is tried again every
     * second meanwhile; the server's rate-limit headers are followed all along.
     */
    LOCAL_SHARE
}

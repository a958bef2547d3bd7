package io.github.cameldfinery.redis;

import io.github.cameldfinery.component.quota.DfineryQuotaStore;
import io.github.cameldfinery.component.quota.DfineryQuotaStoreFactory;

/** Makes a {@link RedisQuotaStore} for {@code quotaStoreUri=redis://…} or {@code rediss://…}. */
public class RedisQuotaStoreFactory implements DfineryQuotaStoreFactory {

    @Override
    public DfineryQuotaStore create(String uri) {
        return new RedisQuotaStore(uri);
    }
}

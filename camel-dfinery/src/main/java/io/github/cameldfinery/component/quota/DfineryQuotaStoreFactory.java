package io.github.cameldfinery.component.quota;

/**
 * Makes a {@link DfineryQuotaStore} from the component's {@code quotaStoreUri}. Found by the URI's scheme through
 * Camel's factory finder: a module that offers a store lists its factory in
 * {@code META-INF/services/io/github/cameldfinery/quota-store/<scheme>} (camel-dfinery-redis does, for
 * {@code redis} and {@code rediss}). The component owns the stores it makes this way and stops them with itself.
 */
public interface DfineryQuotaStoreFactory {

    /** The factory path under {@code META-INF/services/}. */
    String FACTORY_PATH = "META-INF/services/io/github/cameldfinery/quota-store/";

    DfineryQuotaStore create(String uri);
}

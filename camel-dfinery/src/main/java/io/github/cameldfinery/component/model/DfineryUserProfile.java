package io.github.cameldfinery.component.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * User properties to set for one user, for {@code dfinery:profile}. A {@code null} value clears a property; for
 * consent flags ({@code df_push_optin} …) always send an explicit true or false.
 */
public final class DfineryUserProfile {

    private final DfineryIdentity identity;
    private final Map<String, Object> properties;

    public DfineryUserProfile(DfineryIdentity identity, Map<String, ?> properties) {
        this.identity = identity;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    public static DfineryUserProfile of(DfineryIdentity identity, Map<String, ?> properties) {
        return new DfineryUserProfile(identity, properties);
    }

    /** The user; null when it comes from the message headers. */
    public DfineryIdentity getIdentity() {
        return identity;
    }

    public Map<String, Object> getProperties() {
        return properties;
    }

    @Override
    public String toString() {
        return "DfineryUserProfile" + properties.keySet();
    }
}

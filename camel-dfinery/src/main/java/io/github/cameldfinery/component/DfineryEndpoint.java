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

import java.util.Set;

import io.github.cameldfinery.component.api.DfineryApi;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * Send user events, unified identities and user properties to DFINERY, the customer-data and marketing-analytics
 * platform, and export events and user profiles from it.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "dfinery", title = "DFINERY", syntax = "dfinery:api",
             category = { Category.SAAS, Category.CLOUD }, headersClass = DfineryConstants.class)
public class DfineryEndpoint extends ScheduledPollEndpoint {

    @UriPath(description = "The DFINERY API: event (user events), identity (unified profiles: update or delete), "
                           + "profile (user properties), or export (events and user profiles out of DFINERY; the only "
                           + "one that can be a consumer).")
    @Metadata(required = true)
    private final DfineryApi api;

    @UriParam
    private DfineryConfiguration configuration;

    /** The readiness of this endpoint's producers, in Camel's producers repository while one runs. */
    private final DfineryProducerHealthCheck producerHealth = new DfineryProducerHealthCheck(this);

    /** The limit options its URI gives, which it gives its service even when equal to the component's. */
    private Set<QuotaLimits.Option> limitsInUri = Set.of();

    public DfineryEndpoint(String uri, DfineryComponent component, DfineryApi api, DfineryConfiguration configuration) {
        super(uri, component);
        this.api = api;
        this.configuration = configuration;
    }

    /**
     * Options are checked when the endpoint is made, so a wrong one fails the route before it starts; so are the
     * limits it gives its service, against those the other endpoints of the service give.
     */
    @Override
    protected void doInit() throws Exception {
        super.doInit();
        configuration.validate(api, false);
        getComponent().quotaLimits().state(this, limitsInUri);
    }

    /** Started again after a stop: it gives its service's limits again. */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        getComponent().quotaLimits().state(this, limitsInUri);
    }

    /** Stopped (the context stops, or Camel removed it): its limits no longer bind the other endpoints. */
    @Override
    protected void doStop() throws Exception {
        getComponent().quotaLimits().withdraw(this);
        super.doStop();
    }

    @Override
    protected void doShutdown() throws Exception {
        getComponent().quotaLimits().withdraw(this);
        super.doShutdown();
    }

    /** The limit options its URI gives. */
    void limitsInUri(Set<QuotaLimits.Option> options) {
        this.limitsInUri = Set.copyOf(options);
    }

    @Override
    public Producer createProducer() {
        return api == DfineryApi.export ? new DfineryExportProducer(this) : new DfineryProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (api != DfineryApi.export) {
            throw new UnsupportedOperationException("dfinery:" + api + " only sends; from() takes dfinery:export");
        }
        configuration.validate(api, true);
        DfineryExportConsumer consumer = new DfineryExportConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public DfineryComponent getComponent() {
        return (DfineryComponent) super.getComponent();
    }

    /** What the running component shares with this endpoint's producers and consumer. */
    DfineryServices services() {
        return getComponent().services();
    }

    /** The health check its producers share and report to. */
    DfineryProducerHealthCheck producerHealth() {
        return producerHealth;
    }

    public DfineryApi getApi() {
        return api;
    }

    public DfineryConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(DfineryConfiguration configuration) {
        this.configuration = configuration;
    }
}

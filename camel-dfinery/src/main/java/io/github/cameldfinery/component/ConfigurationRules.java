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

import java.net.URI;
import java.util.Locale;

import io.github.cameldfinery.component.api.DfineryApi;
import io.github.cameldfinery.component.export.ExportRequest;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The option checks of an endpoint, run when it starts: a wrong option fails the route, naming the option. */
final class ConfigurationRules {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationRules.class);

    private final DfineryConfiguration config;

    ConfigurationRules(DfineryConfiguration config) {
        this.config = config;
    }

    void check(DfineryApi api, boolean consumer) {
        // Every number and duration in its range, however it was set (text was checked when it was bound).
        OptionValues.checkConfiguration(config);
        checkConnection();
        if (api == DfineryApi.export) {
            checkExport(consumer);
        } else {
            checkImport();
        }
    }

    private void checkConnection() {
        URI base;
        try {
            base = URI.create(config.getBaseUri());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("baseUri '" + config.getBaseUri() + "' is not a URI", e);
        }
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("baseUri must be an http or https URI, got '" + config.getBaseUri() + "'");
        }
        if (scheme.equals("http") && !isLoopback(base.getHost())) {
            LOG.warn("baseUri {} uses plain http to a host that is not this machine: tokens and customer data would "
                     + "cross the network unencrypted", config.getBaseUri());
        }
        if (config.getProxyHost() != null && config.getProxyPort() == null) {
            throw new IllegalArgumentException("proxyPort is required when proxyHost is set");
        }
    }

    private void checkImport() {
        if (config.getRetryMaxDelay() < config.getRetryDelay()) {
            throw new IllegalArgumentException("retryDelay: must not exceed retryMaxDelay (" + config.getRetryMaxDelay()
                                               + " ms), got " + config.getRetryDelay() + " ms");
        }
    }

    private void checkExport(boolean consumer) {
        if (consumer && ObjectHelper.isEmpty(config.getServiceId())) {
            throw new IllegalArgumentException("dfinery:export needs the serviceId option (or "
                                               + "camel.component.dfinery.service-id): a consumer has no message whose "
                                               + "header could name the service");
        }
        if (config.getStartDate() != null) {
            ExportRequest.date(config.getStartDate(), "startDate");
        }
        if (consumer && config.getIdempotentRepository() != null && config.getOutputMode() != DfineryExportOutput.rows) {
            throw new IllegalArgumentException("idempotentRepository records each row delivered: it needs "
                                               + "outputMode=rows, got outputMode=" + config.getOutputMode());
        }
    }

    static boolean isLoopback(String host) {
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
                                || host.equals("::1"));
    }
}

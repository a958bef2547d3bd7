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
package io.github.cameldfinery.emulator.config;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.cameldfinery.emulator.ApiKind;

/**
 * One emulated DFINERY service: its id, tokens, registry, limits and audiences. Fluent setters double as the
 * Java builder; the same fields are read from the YAML or JSON configuration file.
 */
public final class ServiceConfig {

    @JsonProperty("service_id")
    private String serviceId;
    @JsonProperty("import_token")
    private String importToken;
    @JsonProperty("export_token")
    private String exportToken;
    @JsonProperty("old_import_token")
    private String oldImportToken;
    @JsonProperty("old_export_token")
    private String oldExportToken;
    @JsonProperty("standard_names")
    private boolean standardNames = true;
    @JsonProperty("registry")
    private Registry registry = new Registry();
    @JsonProperty("rate_limits")
    private Map<ApiKind, RateLimit> rateLimits = new EnumMap<>(ApiKind.class);
    @JsonProperty("export_concurrency")
    private int exportConcurrency = 5;
    @JsonProperty("deduplicate")
    private boolean deduplicate = true;
    @JsonProperty("audiences")
    private Map<String, List<String>> audiences = new LinkedHashMap<>();

    ServiceConfig() {
        // for Jackson
    }

    public ServiceConfig(String serviceId, String importToken, String exportToken) {
        this.serviceId = serviceId;
        this.importToken = importToken;
        this.exportToken = exportToken;
    }

    /** The documented defaults: Event 1,000,000/min, Identity and Profile 10,000/min, Export 100/hour. */
    public static Map<ApiKind, RateLimit> documentedRateLimits() {
        Map<ApiKind, RateLimit> limits = new EnumMap<>(ApiKind.class);
        limits.put(ApiKind.EVENT, RateLimit.perMinute(1_000_000));
        limits.put(ApiKind.IDENTITY, RateLimit.perMinute(10_000));
        limits.put(ApiKind.PROFILE, RateLimit.perMinute(10_000));
        limits.put(ApiKind.EXPORT, RateLimit.perHour(100));
        return limits;
    }

    /** A token that keeps working after a reissue, as DFINERY's two-week grace period does. */
    public ServiceConfig oldImportToken(String token) {
        this.oldImportToken = token;
        return this;
    }

    public ServiceConfig oldExportToken(String token) {
        this.oldExportToken = token;
        return this;
    }

    /** Whether the standard {@code df_*} names are registered (default true). The consent flags always are. */
    public ServiceConfig standardNames(boolean standard) {
        this.standardNames = standard;
        return this;
    }

    /** Registers names on top of the standard ones. */
    public ServiceConfig register(Registry extra) {
        this.registry.merge(extra);
        return this;
    }

    public ServiceConfig rateLimit(ApiKind kind, RateLimit limit) {
        this.rateLimits.put(kind, Objects.requireNonNull(limit));
        return this;
    }

    /** Exports that may run at once (DFINERY: 5). */
    public ServiceConfig exportConcurrency(int concurrent) {
        if (concurrent < 1) {
            throw new IllegalArgumentException("export_concurrency must be at least 1");
        }
        this.exportConcurrency = concurrent;
        return this;
    }

    /** Whether events are deduplicated on {@code event_log_id} (default true). */
    public ServiceConfig deduplicate(boolean deduplicate) {
        this.deduplicate = deduplicate;
        return this;
    }

    /** Defines an audience for the user-profile export, by the external ids of its members. */
    public ServiceConfig audience(String audienceId, List<String> externalIds) {
        this.audiences.put(audienceId, List.copyOf(externalIds));
        return this;
    }

    public String serviceId() {
        return serviceId;
    }

    public String importToken() {
        return importToken;
    }

    public String exportToken() {
        return exportToken;
    }

    public String oldImportToken() {
        return oldImportToken;
    }

    public String oldExportToken() {
        return oldExportToken;
    }

    public int exportConcurrency() {
        return exportConcurrency;
    }

    public boolean deduplicate() {
        return deduplicate;
    }

    public Map<String, List<String>> audiences() {
        return Map.copyOf(audiences);
    }

    /** The effective registry: standard names (unless switched off), consent flags, then the extra names. */
    public Registry effectiveRegistry() {
        Registry base = standardNames ? Registry.standard() : Registry.empty();
        return base.merge(registry);
    }

    /** The effective limits: the documented defaults overridden by the configured ones. */
    public Map<ApiKind, RateLimit> effectiveRateLimits() {
        Map<ApiKind, RateLimit> limits = documentedRateLimits();
        limits.putAll(rateLimits);
        return limits;
    }

    void validate() {
        requireText(serviceId, "service_id");
        requireText(importToken, "import_token of service " + serviceId);
        requireText(exportToken, "export_token of service " + serviceId);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must be set");
        }
    }
}

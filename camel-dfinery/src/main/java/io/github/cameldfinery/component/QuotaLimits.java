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

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

import io.github.cameldfinery.component.api.DfineryApi;
import io.github.cameldfinery.component.pipeline.ImportGuards;
import org.apache.camel.util.ObjectHelper;
import org.apache.camel.util.URISupport;

/**
 * The one limit of each service and API kind. DFINERY counts one quota per service and API (and one export budget
 * per service), and the component guards each with one quota guard; so each limit option has one value per service,
 * and this is where it is decided and kept:
 *
 * <ul>
 * <li>the component's value (camel.component.dfinery.*) is every service's, unless an endpoint of the service gives
 * another;</li>
 * <li>an endpoint gives its service's value when the option is in its URI, or its value is not the component's. An
 * endpoint's service is its serviceId (or the component's); an endpoint that names no service cannot give one;</li>
 * <li>endpoints of one service that give different values fail when the second is made, naming both; an endpoint
 * that gives none follows its service's;</li>
 * <li>{@code {{dfinery:event}}} answers the component's value, and so holds the service the component names (every
 * service, when it names none) to it: an endpoint of that service that gives another value fails, before or after
 * the placeholder is resolved;</li>
 * <li>a guard (or export budget) keeps the value it started with: an endpoint made later with another fails.</li>
 * </ul>
 *
 * <p>A message sent to a service by the {@code CamelDfineryServiceId} header is counted with that service's value,
 * whichever endpoint sent it.
 */
final class QuotaLimits {

    /** The options that size a quota guard or an export budget. */
    enum Option {
        eventQuota(DfineryApi.event, false),
        eventQuotaWindow(DfineryApi.event, true),
        identityQuota(DfineryApi.identity, false),
        identityQuotaWindow(DfineryApi.identity, true),
        profileQuota(DfineryApi.profile, false),
        profileQuotaWindow(DfineryApi.profile, true),
        exportQuota(DfineryApi.export, false),
        exportQuotaWindow(DfineryApi.export, true),
        exportConcurrency(DfineryApi.export, false);

        private final DfineryApi api;
        private final boolean window;

        Option(DfineryApi api, boolean window) {
            this.api = api;
            this.window = window;
        }

        long of(DfineryConfiguration config) {
            switch (this) {
                case eventQuota: return config.getEventQuota();
                case eventQuotaWindow: return config.getEventQuotaWindow();
                case identityQuota: return config.getIdentityQuota();
                case identityQuotaWindow: return config.getIdentityQuotaWindow();
                case profileQuota: return config.getProfileQuota();
                case profileQuotaWindow: return config.getProfileQuotaWindow();
                case exportQuota: return config.getExportQuota();
                case exportQuotaWindow: return config.getExportQuotaWindow();
                default: return config.getExportConcurrency();
            }
        }

        String format(long value) {
            return window ? formatDuration(value) : Long.toString(value);
        }

        /** The component's property, as Camel Main and Spring Boot write it. */
        String property() {
            StringBuilder kebab = new StringBuilder("camel.component.dfinery.");
            for (char c : name().toCharArray()) {
                kebab.append(Character.isUpperCase(c) ? "-" + Character.toLowerCase(c) : String.valueOf(c));
            }
            return kebab.toString();
        }

        static Option quota(DfineryApi api) {
            switch (api) {
                case event: return eventQuota;
                case identity: return identityQuota;
                case profile: return profileQuota;
                default: return exportQuota;
            }
        }

        static Option window(DfineryApi api) {
            switch (api) {
                case event: return eventQuotaWindow;
                case identity: return identityQuotaWindow;
                case profile: return profileQuotaWindow;
                default: return exportQuotaWindow;
            }
        }

        static Option named(String name) {
            String key = name.replace("-", "").toLowerCase(Locale.ROOT);
            for (Option option : values()) {
                if (option.name().toLowerCase(Locale.ROOT).equals(key)) {
                    return option;
                }
            }
            return null;
        }
    }

    /** The placeholders' statement when the component names no service: it holds every service. */
    private static final String EVERY_SERVICE = "";
    /** Who stated the values the running guards and budgets started with. */
    private static final Object GUARDS = new Object();
    /** Who stated the values the placeholders answered. */
    private static final Object PLACEHOLDERS = new Object();

    /**
     * A value given for a service, by a source (an endpoint's URI, a placeholder, a running guard), held by its owners:
     * the endpoints of that URI (weakly: an endpoint Camel let go without shutting it down, such as a toD's that is not
     * cached, does not stay here), or the guards' or placeholders' marker.
     */
    private static final class Statement {
        private final long value;
        private final String source;
        private final Set<Object> owners = Collections.newSetFromMap(new WeakHashMap<>());

        Statement(long value, String source) {
            this.value = value;
            this.source = source;
        }

        long value() {
            return value;
        }

        String source() {
            return source;
        }

        boolean held() {
            return !owners.isEmpty();
        }
    }

    private final DfineryComponent component;
    private final Map<Option, Map<String, List<Statement>>> statements = new EnumMap<>(Option.class);
    /** The limits of the running guards and budgets, which no longer change: read on every request without a lock. */
    private final Map<String, ImportGuards.Limit> importLimits = new ConcurrentHashMap<>();
    private final Map<String, ExportLimit> exportLimits = new ConcurrentHashMap<>();

    QuotaLimits(DfineryComponent component) {
        this.component = component;
    }

    /** The limit options among the names an endpoint's URI gives (any case, kebab-case too). */
    static Set<Option> given(Set<String> parameterNames) {
        Set<Option> given = EnumSet.noneOf(Option.class);
        for (String name : parameterNames) {
            Option option = Option.named(name);
            if (option != null) {
                given.add(option);
            }
        }
        return given;
    }

    /**
     * Records the values an endpoint gives its service, failing (and recording none) when one disagrees with what is
     * already given for that service.
     */
    synchronized void state(DfineryEndpoint endpoint, Set<Option> givenInUri) {
        DfineryConfiguration config = endpoint.getConfiguration();
        DfineryConfiguration defaults = component.getConfiguration();
        String service = config.getServiceId();
        String source = "endpoint " + URISupport.sanitizeUri(endpoint.getEndpointUri());
        try {
            for (Option option : Option.values()) {
                long value = option.of(config);
                if (!givenInUri.contains(option) && value == option.of(defaults)) {
                    continue;
                }
                if (ObjectHelper.isEmpty(service)) {
                    throw new IllegalArgumentException(option + "=" + option.format(value) + " is given by " + source
                            + ", which names no serviceId: DFINERY's limits are per service. Set serviceId on the "
                            + "endpoint, or set " + option + " on the component (" + option.property()
                            + "), where it applies to every service");
                }
                add(option, service, value, source, endpoint);
            }
        } catch (RuntimeException e) {
            withdraw(endpoint);
            throw e;
        }
    }

    /** Forgets what an endpoint gave (it is shut down). */
    synchronized void withdraw(Object owner) {
        for (Map<String, List<Statement>> byService : statements.values()) {
            for (List<Statement> list : byService.values()) {
                list.forEach(statement -> statement.owners.remove(owner));
                list.removeIf(statement -> !statement.held());
            }
            byService.values().removeIf(List::isEmpty);
        }
    }

    /** Forgets the values of the guards and budgets of a run: the component stopped. */
    synchronized void guardsStopped() {
        importLimits.clear();
        exportLimits.clear();
        withdraw(GUARDS);
    }

    /**
     * The limit a service's import guard applies, given for it or the component's; from now on it is the service's
     * value while the component runs.
     */
    ImportGuards.Limit importLimit(String serviceId, DfineryApi api) {
        ImportGuards.Limit running = serviceId == null ? null : importLimits.get(serviceId + "/" + api);
        return running != null ? running : decideImportLimit(serviceId, api);
    }

    private synchronized ImportGuards.Limit decideImportLimit(String serviceId, DfineryApi api) {
        long quota = applied(Option.quota(api), serviceId, "the quota guard of service " + serviceId + " (since its first "
                + "request)");
        long window = applied(Option.window(api), serviceId, "the quota guard of service " + serviceId + " (since its "
                + "first request)");
        ImportGuards.Limit limit = new ImportGuards.Limit(quota, Duration.ofMillis(window));
        if (serviceId != null) {
            importLimits.put(serviceId + "/" + api, limit);
        }
        return limit;
    }

    /** The export budget of a service: calls per window, the window, calls at once. */
    record ExportLimit(int quota, Duration window, int concurrency) {
    }

    /** The limits of a service's export budget; from now on they are the service's while the component runs. */
    ExportLimit exportLimit(String serviceId) {
        ExportLimit running = serviceId == null ? null : exportLimits.get(serviceId);
        return running != null ? running : decideExportLimit(serviceId);
    }

    private synchronized ExportLimit decideExportLimit(String serviceId) {
        String source = "the export budget of service " + serviceId + " (since its first export call)";
        ExportLimit limit = new ExportLimit((int) applied(Option.exportQuota, serviceId, source),
                Duration.ofMillis(applied(Option.exportQuotaWindow, serviceId, source)),
                (int) applied(Option.exportConcurrency, serviceId, source));
        if (serviceId != null) {
            exportLimits.put(serviceId, limit);
        }
        return limit;
    }

    private long applied(Option option, String serviceId, String guardSource) {
        List<Statement> given = statements(option).get(serviceId == null ? EVERY_SERVICE : serviceId);
        Statement held = given == null ? null : given.stream().filter(Statement::held).findFirst().orElse(null);
        long value = held != null ? held.value() : option.of(component.getConfiguration());
        if (serviceId != null) {
            add(option, serviceId, value, guardSource, GUARDS);
        }
        return value;
    }

    /**
     * What {@code {{dfinery:<api>}}} or {@code {{dfinery:<api>.window}}} answers: the component's value, which from
     * now on holds the service the component names (every service when it names none).
     */
    synchronized long answer(Option option, String placeholder) {
        DfineryConfiguration defaults = component.getConfiguration();
        long value = option.of(defaults);
        String service = ObjectHelper.isEmpty(defaults.getServiceId()) ? EVERY_SERVICE : defaults.getServiceId();
        add(option, service, value, placeholder + " (the component's " + option + ", for "
                + (service.equals(EVERY_SERVICE) ? "every service" : "its service " + service) + ")", PLACEHOLDERS);
        return value;
    }

    private Map<String, List<Statement>> statements(Option option) {
        return statements.computeIfAbsent(option, o -> new HashMap<>());
    }

    private void add(Option option, String service, long value, String source, Object owner) {
        Map<String, List<Statement>> byService = statements(option);
        List<Map.Entry<String, Statement>> others = new ArrayList<>();
        for (Map.Entry<String, List<Statement>> entry : byService.entrySet()) {
            boolean concerned = service.equals(EVERY_SERVICE) || entry.getKey().equals(service)
                                || entry.getKey().equals(EVERY_SERVICE);
            if (concerned) {
                entry.getValue().stream().filter(Statement::held)
                        .forEach(statement -> others.add(Map.entry(entry.getKey(), statement)));
            }
        }
        for (Map.Entry<String, Statement> other : others) {
            if (other.getValue().value() != value) {
                String named = service.equals(EVERY_SERVICE) ? other.getKey() : service;
                throw new IllegalArgumentException(option + " of service " + named + ": " + source + " gives "
                        + option.format(value) + ", but " + other.getValue().source() + " gives "
                        + option.format(other.getValue().value()) + ". DFINERY counts one " + describe(option)
                        + " per service, and the component holds all endpoints of a service to one value: give them "
                        + "the same, or set it once on the component (" + option.property() + "), where it applies to "
                        + "every service and is what {{dfinery:" + option.api + (option.window ? ".window" : "")
                        + "}} answers");
            }
        }
        List<Statement> list = byService.computeIfAbsent(service, s -> new ArrayList<>());
        list.removeIf(statement -> !statement.held());
        Statement same = list.stream().filter(statement -> statement.source().equals(source)).findFirst().orElse(null);
        if (same == null) {
            same = new Statement(value, source);
            list.add(same);
        }
        same.owners.add(owner);
    }

    private static String describe(Option option) {
        switch (option) {
            case exportConcurrency: return "limit of export calls at once";
            case exportQuota: case exportQuotaWindow: return "export quota";
            default: return option.api + " quota";
        }
    }

    /** 250ms, 30s, 1m, 1h, 1d; or milliseconds when no unit divides it. */
    static String formatDuration(long millis) {
        long[] units = { 86_400_000L, 3_600_000L, 60_000L, 1_000L };
        String[] names = { "d", "h", "m", "s" };
        for (int i = 0; i < units.length; i++) {
            if (millis != 0 && millis % units[i] == 0) {
                return millis / units[i] + names[i];
            }
        }
        return millis + "ms";
    }
}

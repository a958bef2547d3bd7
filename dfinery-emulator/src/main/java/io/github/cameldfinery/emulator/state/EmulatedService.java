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
package io.github.cameldfinery.emulator.state;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.config.RateLimit;
import io.github.cameldfinery.emulator.config.Registry;
import io.github.cameldfinery.emulator.config.ServiceConfig;
import io.github.cameldfinery.emulator.faults.Fault;
import io.github.cameldfinery.emulator.faults.FaultPlan;
import io.github.cameldfinery.emulator.quota.FixedWindowLimiter;
import io.github.cameldfinery.emulator.quota.QuotaState;
import io.github.cameldfinery.emulator.quota.WindowCount;
import io.github.cameldfinery.emulator.validation.ExportValidator;
import io.github.cameldfinery.emulator.validation.ImportValidator;
import io.github.cameldfinery.emulator.validation.ValidatedRequests.EventBatch;
import io.github.cameldfinery.emulator.validation.ValidatedRequests.IdentityDelete;
import io.github.cameldfinery.emulator.validation.ValidatedRequests.IdentityUpdate;
import io.github.cameldfinery.emulator.validation.ValidatedRequests.IncomingEvent;
import io.github.cameldfinery.emulator.validation.ValidatedRequests.ProfileUpdate;

/**
 * One emulated DFINERY service: its state, limits and injected faults. This is also the introspection API
 * that tests use to see what the service received and stored.
 */
public final class EmulatedService {

    private final ServiceConfig config;
    private final Clock clock;
    private final int requestLogSize;
    private final Map<ApiKind, FixedWindowLimiter> limiters = new EnumMap<>(ApiKind.class);
    private final Map<ApiKind, FaultPlan> faults = new EnumMap<>(ApiKind.class);
    private final Map<ApiKind, LongAdder> requests = new EnumMap<>(ApiKind.class);
    private final Map<ApiKind, LongAdder> accepted = new EnumMap<>(ApiKind.class);
    private final Map<String, LongAdder> rejections = new ConcurrentHashMap<>();
    private final Semaphore exportSlots;
    private final AtomicInteger exportsInFlight = new AtomicInteger();
    private final AtomicInteger peakExports = new AtomicInteger();
    private final Deque<RecordedRequest> log = new ArrayDeque<>();
    private final Map<String, Set<String>> audiences = new ConcurrentHashMap<>();

    private final EventStore events = new EventStore();
    private final ProfileStore profiles = new ProfileStore();
    private long deletes;
    private volatile Registry registry;
    private volatile ImportValidator importValidator;

    public EmulatedService(ServiceConfig config, Clock clock, int requestLogSize) {
        this.config = config;
        this.clock = clock;
        this.requestLogSize = requestLogSize;
        for (ApiKind kind : ApiKind.values()) {
            faults.put(kind, new FaultPlan());
            requests.put(kind, new LongAdder());
            accepted.put(kind, new LongAdder());
        }
        config.effectiveRateLimits().forEach((kind, limit) -> limiters.put(kind, new FixedWindowLimiter(limit, clock)));
        config.audiences().forEach((id, members) -> audiences.put(id, new LinkedHashSet<>(members)));
        this.exportSlots = new Semaphore(config.exportConcurrency());
        useRegistry(config.effectiveRegistry());
    }

    public String serviceId() {
        return config.serviceId();
    }

    // ---- introspection ------------------------------------------------------------------------------------

    /** Every stored event, by UTC event date, then arrival. */
    public synchronized List<StoredEvent> events() {
        List<StoredEvent> views = new ArrayList<>();
        for (EventRecord record : events.all()) {
            views.add(record.view());
        }
        return views;
    }

    /** The live unified profiles, oldest first. */
    public synchronized List<ProfileSnapshot> profiles() {
        return profiles.snapshot();
    }

    /** The live profile with this external id, or null. */
    public synchronized ProfileSnapshot profileByExternalId(String externalId) {
        UnifiedProfile profile = profiles.byExternalId(externalId);
        return profile == null ? null : ProfileStore.snapshot(profile.canonical());
    }

    /** The most recent requests, oldest first (at most the configured request log size). */
    public synchronized List<RecordedRequest> recentRequests() {
        return List.copyOf(log);
    }

    public synchronized ServiceStats stats() {
        Map<ApiKind, Long> requestCounts = new EnumMap<>(ApiKind.class);
        Map<ApiKind, Long> acceptedCounts = new EnumMap<>(ApiKind.class);
        Map<ApiKind, Long> faultCounts = new EnumMap<>(ApiKind.class);
        Map<ApiKind, QuotaState> quota = new EnumMap<>(ApiKind.class);
        for (ApiKind kind : ApiKind.values()) {
            requestCounts.put(kind, requests.get(kind).sum());
            acceptedCounts.put(kind, accepted.get(kind).sum());
            faultCounts.put(kind, faults.get(kind).injected());
            quota.put(kind, limiters.get(kind).peek());
        }
        Map<String, Long> rejectionCounts = new TreeMap<>();
        rejections.forEach((code, count) -> rejectionCounts.put(code, count.sum()));
        return new ServiceStats(requestCounts, acceptedCounts, rejectionCounts, events.stored(), events.duplicates(),
                profiles.size(), profiles.merges(), deletes, faultCounts, quota, exportsInFlight.get(),
                peakExports.get());
    }

    /**
     * The rate-limit windows of this API kind that saw a request, oldest first, the current one last: requests
     * admitted and refused in each (the last {@value FixedWindowLimiter#HISTORY} such windows).
     */
    public List<WindowCount> windows(ApiKind kind) {
        return limiters.get(kind).windows();
    }

    /** {@link #windows(ApiKind)} of every API kind. */
    public Map<ApiKind, List<WindowCount>> windows() {
        Map<ApiKind, List<WindowCount>> windows = new EnumMap<>(ApiKind.class);
        for (ApiKind kind : ApiKind.values()) {
            windows.put(kind, windows(kind));
        }
        return windows;
    }

    /** The faults to inject into requests of this API kind. */
    public FaultPlan faults(ApiKind kind) {
        return faults.get(kind);
    }

    /** Registers more names at run time, as a user would in the DFINERY console. */
    public synchronized EmulatedService register(Registry extra) {
        useRegistry(new Registry().merge(registry).merge(extra));
        return this;
    }

    /** Defines or replaces an audience for the user-profile export, by the external ids of its members. */
    public EmulatedService audience(String audienceId, List<String> externalIds) {
        audiences.put(audienceId, new LinkedHashSet<>(externalIds));
        return this;
    }

    /** Forgets all state, counters, quota use and faults; keeps the configuration. */
    public synchronized void reset() {
        events.clear();
        profiles.clear();
        deletes = 0;
        log.clear();
        rejections.clear();
        peakExports.set(exportsInFlight.get());
        for (ApiKind kind : ApiKind.values()) {
            requests.get(kind).reset();
            accepted.get(kind).reset();
            faults.get(kind).clear();
            limiters.get(kind).reset();
        }
        audiences.clear();
        config.audiences().forEach((id, members) -> audiences.put(id, new LinkedHashSet<>(members)));
        useRegistry(config.effectiveRegistry());
    }

    // ---- used by the HTTP layer ---------------------------------------------------------------------------

    public Registry registry() {
        return registry;
    }

    public ImportValidator importValidator() {
        return importValidator;
    }

    public ExportValidator exportValidator() {
        return new ExportValidator(Set.copyOf(audiences.keySet()));
    }

    public boolean acceptsImportToken(String token) {
        return matches(token, config.importToken()) || matches(token, config.oldImportToken());
    }

    public boolean acceptsExportToken(String token) {
        return matches(token, config.exportToken()) || matches(token, config.oldExportToken());
    }

    public void countRequest(ApiKind kind) {
        requests.get(kind).increment();
    }

    public QuotaState acquire(ApiKind kind) {
        return limiters.get(kind).tryAcquire();
    }

    public QuotaState quota(ApiKind kind) {
        return limiters.get(kind).peek();
    }

    public RateLimit rateLimit(ApiKind kind) {
        return config.effectiveRateLimits().get(kind);
    }

    public Fault drawFault(ApiKind kind) {
        return faults.get(kind).draw();
    }

    /** Takes one of the concurrent-export slots; false when all are busy. */
    public boolean tryStartExport() {
        if (!exportSlots.tryAcquire()) {
            return false;
        }
        peakExports.accumulateAndGet(exportsInFlight.incrementAndGet(), Math::max);
        return true;
    }

    public int exportConcurrency() {
        return config.exportConcurrency();
    }

    public void endExport() {
        exportsInFlight.decrementAndGet();
        exportSlots.release();
    }

    public void record(RecordedRequest request, boolean success) {
        if (success) {
            accepted.get(request.kind()).increment();
        } else {
            rejections.computeIfAbsent(request.code(), c -> new LongAdder()).increment();
        }
        synchronized (this) {
            if (requestLogSize > 0) {
                if (log.size() == requestLogSize) {
                    log.removeFirst();
                }
                log.addLast(request);
            }
        }
    }

    /** Stores the batch; returns how many events were new. */
    public synchronized int apply(EventBatch batch) {
        UnifiedProfile profile = profiles.upsert(batch.identity());
        Instant now = clock.instant();
        int stored = 0;
        for (IncomingEvent event : batch.events()) {
            if (events.add(new EventRecord(event, batch.identity(), profile, now), config.deduplicate())) {
                stored++;
            }
        }
        return stored;
    }

    public synchronized void apply(IdentityUpdate update) {
        profiles.upsert(update.identity());
    }

    public synchronized void apply(ProfileUpdate update) {
        profiles.setProperties(profiles.upsert(update.identity()), update.properties());
    }

    /** Deleting an unknown external id succeeds too: deletes are idempotent, so a client may retry them. */
    public synchronized void apply(IdentityDelete delete) {
        if (profiles.delete(delete.externalId())) {
            deletes++;
        }
    }

    /** The events of a date range, copied under the lock; rows are written from the copy without it. */
    public synchronized List<StoredEvent> eventsBetween(LocalDate from, LocalDate to) {
        List<EventRecord> records = events.between(from, to);
        List<StoredEvent> views = new ArrayList<>(records.size());
        for (EventRecord record : records) {
            views.add(record.view());
        }
        return views;
    }

    /** Live profiles, restricted to an audience's members when {@code audience} is not null. */
    public synchronized List<ProfileSnapshot> profilesFor(String audience) {
        List<ProfileSnapshot> all = profiles.snapshot();
        if (audience == null) {
            return all;
        }
        Set<String> members = audiences.getOrDefault(audience, Set.of());
        all.removeIf(profile -> !members.contains(profile.externalId()));
        return all;
    }

    public Clock clock() {
        return clock;
    }

    private void useRegistry(Registry next) {
        this.registry = next;
        this.importValidator = new ImportValidator(next);
    }

    private static boolean matches(String given, String expected) {
        return given != null && expected != null
               && java.security.MessageDigest.isEqual(given.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                       expected.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}

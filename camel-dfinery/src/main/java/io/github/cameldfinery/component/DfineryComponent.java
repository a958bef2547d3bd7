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

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Function;

import io.github.cameldfinery.component.api.DfineryApi;
import io.github.cameldfinery.component.error.DfineryConnectionException;
import io.github.cameldfinery.component.export.ExportBodies;
import io.github.cameldfinery.component.metrics.DfineryMetrics;
import io.github.cameldfinery.component.metrics.MetricsLookup;
import io.github.cameldfinery.component.quota.LocalQuotaStore;
import io.github.cameldfinery.component.quota.QuotaGuards;
import io.github.cameldfinery.component.quota.QuotaStoreFailover;
import io.github.cameldfinery.component.quota.QuotaStoreUnavailable;
import io.github.cameldfinery.component.spi.DfineryExportBudget;
import io.github.cameldfinery.component.spi.DfineryQuotaStore;
import io.github.cameldfinery.component.spi.DfineryQuotaStoreFactory;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Endpoint;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code dfinery} component. Holds the defaults every endpoint starts from, and what its endpoints share while
 * it runs: the HTTP clients (one per distinct connect timeout, proxy and HTTP version, so connections are reused),
 * the threads that send requests, a timer thread for retries and quota waits, and the quota guards and export
 * budgets per service. Every thread is made through Camel's ExecutorServiceManager. Everything it shares is made in
 * {@code doStart} and dropped in {@code doStop}, so the component can be stopped and started again.
 */
@Component("dfinery")
public class DfineryComponent extends HealthCheckComponent {

    private static final Logger LOG = LoggerFactory.getLogger(DfineryComponent.class);

    @Metadata
    private DfineryConfiguration configuration = new DfineryConfiguration();

    @Metadata(label = "advanced", defaultValue = "16")
    private int requestThreads = 16;

    @Metadata(label = "quota,advanced")
    private DfineryQuotaStore quotaStore;

    @Metadata(label = "quota,advanced", secret = true)
    private String quotaStoreUri;

    @Metadata(label = "quota,advanced", defaultValue = "FAIL")
    private QuotaStoreUnavailable quotaStoreUnavailable = QuotaStoreUnavailable.FAIL;

    @Metadata(label = "quota,advanced")
    private double quotaLocalShare;

    @Metadata(label = "quota,advanced", javaType = "java.time.Duration", defaultValue = "5m")
    private long quotaLocalShareMaxTime = 300_000;

    private volatile Clock clock = Clock.systemUTC();
    /** Where unset tokens are looked up: this process's environment unless {@link #useEnvironment} gave another. */
    private volatile DfinerySecrets secrets = new DfinerySecrets(System::getenv);
    /** The tokens taken from the environment, looked up once, for the options left unset. */
    private EnvironmentTokens environmentTokens;
    /** A timer given by {@link #useTime}; the component's own otherwise. */
    private volatile ScheduledExecutorService givenTimer;
    /** Import answers awaited: failed, never left pending, when the component stops. */
    private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
    private final ExportBodies exportBodies = new ExportBodies();
    private volatile ScheduledExecutorService scheduler;
    private volatile ExecutorService senders;
    private volatile ExecutorService httpClientThreads;
    private volatile HttpConnections connections;
    private volatile QuotaGuards quotaGuards;
    private volatile DfineryMetrics metrics = DfineryMetrics.NONE;
    private volatile DfineryServices services;
    private DfineryQuotaStore ownedStore;
    private QuotaStoreHealthCheck storeHealth;
    /** The one limit of each service and API kind, as the endpoints and the placeholders give them. */
    private final QuotaLimits quotaLimits = new QuotaLimits(this);
    private volatile CheckedOptionsConfigurer componentConfigurer;
    private volatile CheckedOptionsConfigurer endpointConfigurer;

    /** Camel Main initialises a component before it binds and prints the component's properties. */
    @Override
    protected void doInit() throws Exception {
        super.doInit();
        SensitiveOptionNames.register(getCamelContext());
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        DfineryApi api;
        try {
            api = DfineryApi.valueOf(remaining);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown DFINERY API '" + remaining + "' in " + uri
                                               + "; expected dfinery:event, dfinery:identity, dfinery:profile or dfinery:export");
        }
        DfineryEndpoint endpoint = new DfineryEndpoint(uri, this, api, configuration.copy());
        // Before binding, which consumes the parameters: a limit written in the URI is given even when it equals the
        // component's.
        endpoint.limitsInUri(QuotaLimits.given(parameters.keySet()));
        setProperties(endpoint, parameters);
        // After the URI's options: a token the endpoint or the component sets wins over the environment.
        environmentTokens().fillIn(endpoint.getConfiguration());
        return endpoint;
    }

    /**
     * The tokens the component's configuration leaves unset, from the environment ({@link DfinerySecrets}): looked
     * up once, the first time an endpoint is made or the component starts, after Camel has bound the options.
     */
    private synchronized EnvironmentTokens environmentTokens() {
        if (environmentTokens == null) {
            String access = ObjectHelper.isEmpty(configuration.getAccessToken())
                    ? secrets.get(DfinerySecrets.ACCESS_TOKEN, "accessToken") : null;
            String bearer = ObjectHelper.isEmpty(configuration.getBearerToken())
                    ? secrets.get(DfinerySecrets.BEARER_TOKEN, "bearerToken") : null;
            environmentTokens = new EnvironmentTokens(access, bearer);
        }
        return environmentTokens;
    }

    /**
     * Takes the tokens left unset from {@code environment} instead of this process's environment variables
     * ({@link DfinerySecrets}). Meant for tests, which cannot set real environment variables; call it before the
     * first endpoint is made and before the component starts.
     */
    public synchronized void useEnvironment(Function<String, String> environment) {
        if (environmentTokens != null || isStarted() || isStarting()) {
            throw new IllegalStateException("Give the dfinery component its environment before it makes endpoints "
                                            + "or starts");
        }
        this.secrets = new DfinerySecrets(environment);
    }

    /** Tokens from the environment; never printed. */
    private static final class EnvironmentTokens {
        private final String accessToken;
        private final String bearerToken;

        EnvironmentTokens(String accessToken, String bearerToken) {
            this.accessToken = accessToken;
            this.bearerToken = bearerToken;
        }

        void fillIn(DfineryConfiguration config) {
            if (accessToken != null && ObjectHelper.isEmpty(config.getAccessToken())) {
                config.setAccessToken(accessToken);
            }
            if (bearerToken != null && ObjectHelper.isEmpty(config.getBearerToken())) {
                config.setBearerToken(bearerToken);
            }
        }

        @Override
        public String toString() {
            return "EnvironmentTokens[accessToken=" + (accessToken == null ? "unset" : "***") + ", bearerToken="
                   + (bearerToken == null ? "unset" : "***") + "]";
        }
    }

    /**
     * The generated configurer, reading every number, duration and ratio option strictly first ({@link
     * OptionValues}): Camel Main, the Spring Boot starter and Kamelets set the component's options through it.
     */
    @Override
    public PropertyConfigurer getComponentPropertyConfigurer() {
        PropertyConfigurer generated = super.getComponentPropertyConfigurer();
        CheckedOptionsConfigurer checked = componentConfigurer;
        if (generated == null || checked != null && checked.delegate() == generated) {
            return generated == null ? null : checked;
        }
        checked = new CheckedOptionsConfigurer(generated);
        componentConfigurer = checked;
        return checked;
    }

    /** The generated configurer of the endpoints, reading number, duration and ratio options strictly first. */
    @Override
    public PropertyConfigurer getEndpointPropertyConfigurer() {
        PropertyConfigurer generated = super.getEndpointPropertyConfigurer();
        CheckedOptionsConfigurer checked = endpointConfigurer;
        if (generated == null || checked != null && checked.delegate() == generated) {
            return generated == null ? null : checked;
        }
        checked = new CheckedOptionsConfigurer(generated);
        endpointConfigurer = checked;
        return checked;
    }

    /**
     * Reads the text or value given for an option as the component's configurers read it when Camel binds it, and
     * fails as they do, naming the option and the text: a duration Camel would read as 0 ({@code abc}, {@code -5s}),
     * a number out of the option's range. Options that are not numbers or durations pass. For integrations that bind
     * the options by other means: the Spring Boot starter checks its properties with it, since camel-spring-boot
     * retries a value it could not bind as a bean reference and so loses the reason.
     *
     * @throws IllegalArgumentException naming the option and the value
     */
    public static void checkOptionValue(String option, Object value) {
        OptionValues.Range range = OptionValues.range(option);
        if (range != null && value != null) {
            OptionValues.checked(range, value);
        }
    }

    /** The limits of each service and API kind that the endpoints and placeholders have given. */
    QuotaLimits quotaLimits() {
        return quotaLimits;
    }

    public DfineryConfiguration getConfiguration() {
        return configuration;
    }

    /** Default options for every dfinery endpoint; endpoints override them. */
    public void setConfiguration(DfineryConfiguration configuration) {
        this.configuration = configuration;
    }

    public int getRequestThreads() {
        return requestThreads;
    }

    /**
     * Threads that send requests to DFINERY and handle the responses, shared by all endpoints: at most this many
     * requests are on the wire at once, more wait in line. The route goes on, after a producer, on one of them.
     */
    public void setRequestThreads(int requestThreads) {
        this.requestThreads = requestThreads;
    }

    public DfineryQuotaStore getQuotaStore() {
        return quotaStore;
    }

    /**
     * Where DFINERY's limits are counted: by default in this JVM. Replicas of one application that share a DFINERY
     * service set a store they all reach (a bean), for example camel-dfinery-redis's RedisQuotaStore or one of their
     * own over any backend that can compare and set, so that together they stay within the quota. Takes precedence
     * over quotaStoreUri.
     */
    public void setQuotaStore(DfineryQuotaStore quotaStore) {
        this.quotaStore = quotaStore;
    }

    public String getQuotaStoreUri() {
        return quotaStoreUri;
    }

    /**
     * The shared quota store as a URI, for example redis://redis:6379 (needs camel-dfinery-redis on the classpath),
     * made and stopped with the component. Secret: a Redis URI may carry a password.
     */
    public void setQuotaStoreUri(String quotaStoreUri) {
        this.quotaStoreUri = quotaStoreUri;
    }

    public QuotaStoreUnavailable getQuotaStoreUnavailable() {
        return quotaStoreUnavailable;
    }

    /**
     * What happens while the shared quota store cannot be reached: FAIL (requests fail at once with
     * DfineryQuotaStoreException, nothing is sent) or LOCAL_SHARE (this JVM counts quotaLocalShare of each limit
     * itself for at most quotaLocalShareMaxTime, then fails). Logged, and shown by the dev console and the health
     * check.
     */
    public void setQuotaStoreUnavailable(QuotaStoreUnavailable quotaStoreUnavailable) {
        this.quotaStoreUnavailable = quotaStoreUnavailable;
    }

    public double getQuotaLocalShare() {
        return quotaLocalShare;
    }

    /**
     * With quotaStoreUnavailable=LOCAL_SHARE: the part of each limit (0 to 1) this JVM uses on its own while the
     * store cannot be reached; at most 1 divided by the number of replicas, for example 0.33 for three.
     */
    public void setQuotaLocalShare(double quotaLocalShare) {
        this.quotaLocalShare = quotaLocalShare;
    }

    public long getQuotaLocalShareMaxTime() {
        return quotaLocalShareMaxTime;
    }

    /** With quotaStoreUnavailable=LOCAL_SHARE: how long the local share may be used before requests fail. */
    public void setQuotaLocalShareMaxTime(long quotaLocalShareMaxTime) {
        this.quotaLocalShareMaxTime = quotaLocalShareMaxTime;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // Values set without text (Java, a Spring XML bean) meet the same ranges as text does when it is bound.
        OptionValues.checkValue("requestThreads", requestThreads);
        OptionValues.checkValue("quotaLocalShareMaxTime", quotaLocalShareMaxTime);
        if (quotaLocalShare != 0) {
            OptionValues.checkValue("quotaLocalShare", quotaLocalShare);
        }
        OptionValues.checkConfiguration(configuration);
        // A token file that cannot be read fails the start, not the first request.
        environmentTokens();
        // Blocking sends on threads of our own: the JDK's sendAsync hands every response to CompletableFuture's
        // default pool, which on 1 or 2 CPUs starts a new thread per task.
        senders = getCamelContext().getExecutorServiceManager().newThreadPool(this, "DfinerySend",
                fixedPool("DfinerySend", requestThreads));
        httpClientThreads = getCamelContext().getExecutorServiceManager().newThreadPool(this, "DfineryHttpClient",
                fixedPool("DfineryHttpClient", 2));
        scheduler = givenTimer != null ? givenTimer : newTimer();
        DfineryQuotaStore store = quotaStore();
        QuotaStoreFailover failover = store.isShared() ? new QuotaStoreFailover(store, quotaStoreUnavailable,
                quotaLocalShare, Duration.ofMillis(quotaLocalShareMaxTime), clock) : null;
        metrics = MetricsLookup.find(getCamelContext());
        quotaGuards = new QuotaGuards(store, failover, clock, scheduler, metrics);
        connections = new HttpConnections(senders, httpClientThreads, scheduler, inFlight, exportBodies);
        services = new DfineryServices(connections, scheduler, clock, metrics, quotaGuards, quotaLimits);
        if (failover != null) {
            LOG.info("DFINERY quotas are counted in the shared store {}; while it cannot be reached: {}",
                    store.describe(), quotaStoreUnavailable);
            failover.check();
            storeHealth = new QuotaStoreHealthCheck(quotaGuards);
            HealthCheckRegistry health = HealthCheckRegistry.get(getCamelContext());
            if (health != null) {
                health.register(storeHealth);
            }
        }
    }

    private ScheduledExecutorService newTimer() {
        // Unbounded queue: a retry or a quota wait must never be refused because many are pending.
        ThreadPoolProfile profile = new ThreadPoolProfile("DfineryTimer");
        profile.setPoolSize(1);
        profile.setMaxQueueSize(-1);
        ScheduledExecutorService timer = getCamelContext().getExecutorServiceManager()
                .newScheduledThreadPool(this, "DfineryTimer", profile);
        if (timer instanceof ScheduledThreadPoolExecutor) {
            // Every import send schedules its deadline and cancels it when the answer is in: drop cancelled ones
            // at once rather than keeping them queued until their time.
            ((ScheduledThreadPoolExecutor) timer).setRemoveOnCancelPolicy(true);
        }
        return timer;
    }

    /**
     * Runs the component on a time given from outside: the quota windows, the export days, and every wait (resets,
     * retries, timeouts) on {@code clock} and {@code timer}. Meant for tests, with a clock moved by hand and a timer
     * run by hand, so that quota windows pass in no time. Call it before the component starts; the component does
     * not shut down a timer given here.
     */
    public void useTime(Clock clock, ScheduledExecutorService timer) {
        if (isStarted() || isStarting()) {
            throw new IllegalStateException("Give the dfinery component its clock and timer before it starts");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.givenTimer = Objects.requireNonNull(timer, "timer");
    }

    /**
     * The clock the component runs on (the quota windows, the export days): the system's UTC clock unless
     * {@link #useTime} gave another. Tests take "today" from it.
     */
    public Clock clock() {
        return clock;
    }

    /** The configured store, started; a store made from quotaStoreUri is the component's to stop. */
    private DfineryQuotaStore quotaStore() throws Exception {
        if (quotaStoreUnavailable == QuotaStoreUnavailable.LOCAL_SHARE && (quotaLocalShare <= 0 || quotaLocalShare > 1)) {
            throw new IllegalArgumentException("quotaLocalShare: quotaStoreUnavailable=LOCAL_SHARE needs it more than 0 "
                    + "and at most 1, for example 0.33 for three replicas; got " + quotaLocalShare);
        }
        DfineryQuotaStore store = quotaStore;
        if (store == null && ObjectHelper.isNotEmpty(quotaStoreUri)) {
            String scheme = quotaStoreUri.contains(":") ? quotaStoreUri.substring(0, quotaStoreUri.indexOf(':')) : "";
            DfineryQuotaStoreFactory factory = getCamelContext().getCamelContextExtension()
                    .getFactoryFinder(DfineryQuotaStoreFactory.FACTORY_PATH)
                    .newInstance(scheme, DfineryQuotaStoreFactory.class)
                    .orElseThrow(() -> new IllegalArgumentException("No DFINERY quota store for the scheme '" + scheme
                            + "' of quotaStoreUri; for redis:// add camel-dfinery-redis to the classpath"));
            store = factory.create(quotaStoreUri);
            ownedStore = store;
        }
        if (store == null) {
            return new LocalQuotaStore();
        }
        if (store instanceof CamelContextAware) {
            ((CamelContextAware) store).setCamelContext(getCamelContext());
        }
        ServiceHelper.startService(store);
        return store;
    }

    /** A pool of {@code threads} threads and an unbounded queue: work waits rather than being refused. */
    private static ThreadPoolProfile fixedPool(String name, int threads) {
        ThreadPoolProfile profile = new ThreadPoolProfile(name);
        profile.setPoolSize(threads);
        profile.setMaxPoolSize(threads);
        profile.setMaxQueueSize(-1);
        return profile;
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        // The guards and budgets of this run go; the next start makes them again with the limits given then.
        quotaLimits.guardsStopped();
        if (storeHealth != null) {
            HealthCheckRegistry health = HealthCheckRegistry.get(getCamelContext());
            if (health != null) {
                health.unregister(storeHealth);
            }
            storeHealth = null;
        }
        ServiceHelper.stopService(ownedStore);
        ownedStore = null;
        releaseWhatIsInFlight();
        if (connections != null) {
            connections.close();
            connections = null;
        }
    }

    /** What this running component shares with the producers and consumers of its endpoints. */
    DfineryServices services() {
        DfineryServices running = services;
        if (running == null) {
            throw new IllegalStateException("The dfinery component is not started");
        }
        return running;
    }

    /**
     * Nothing outlives a stop: open export bodies are aborted, sends in progress are interrupted, timers due later
     * run now (a retry or a quota wait then fails, as nothing can be sent any more), and the import answers still
     * awaited fail. Graceful shutdown has let the routes finish what they could before this.
     */
    private void releaseWhatIsInFlight() {
        exportBodies.abortAll("the dfinery component stopped");
        ExecutorServiceManager threads = getCamelContext().getExecutorServiceManager();
        if (senders != null) {
            threads.shutdownNow(senders);
        }
        if (scheduler != null && scheduler != givenTimer) {
            for (Runnable due : threads.shutdownNow(scheduler)) {
                try {
                    due.run();
                } catch (RuntimeException e) {
                    LOG.debug("A timer task failed while the component stopped", e);
                }
            }
        }
        DfineryConnectionException stopped = new DfineryConnectionException("The dfinery component stopped before "
                + "DFINERY answered; DFINERY may have processed the request", true, null);
        for (CompletableFuture<?> answer : inFlight) {
            answer.completeExceptionally(stopped);
        }
        inFlight.clear();
        if (httpClientThreads != null) {
            threads.shutdownNow(httpClientThreads);
        }
    }

    /** The quota guards of this component, one per service and API kind, and the export budgets. */
    public QuotaGuards quotaGuards() {
        return quotaGuards;
    }

    /** The export budgets of this component, per service. */
    public Map<String, DfineryExportBudget> exportBudgets() {
        QuotaGuards guards = quotaGuards;
        return guards == null ? Map.of() : guards.exportBudgets();
    }
}

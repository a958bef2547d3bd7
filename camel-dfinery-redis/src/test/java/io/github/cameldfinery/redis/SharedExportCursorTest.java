package io.github.cameldfinery.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.cameldfinery.component.DfineryComponent;
import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.model.DfineryIdentity;
import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.junit.DfineryEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One replica exports some closed days and stops; another one, a new JVM's worth of objects with its own repository
 * on the same Redis, goes on from the shared cursor: every event arrives once, no day is exported twice.
 */
class SharedExportCursorTest {

    static final String SERVICE = "shop";
    static final int DAYS = 6;
    static final int PER_DAY = 5;

    @RegisterExtension
    static RedisServerExtension redis = new RedisServerExtension();

    @RegisterExtension
    static DfineryEmulatorExtension dfinery = DfineryEmulatorExtension.withService(SERVICE, "imp", "exp");

    final List<String> delivered = new CopyOnWriteArrayList<>();

    static CamelContext application() {
        CamelContext context = new DefaultCamelContext();
        DfineryComponent component = new DfineryComponent();
        component.getConfiguration().setBaseUri(dfinery.baseUri().toString());
        component.getConfiguration().setServiceId(SERVICE);
        component.getConfiguration().setImportToken("imp");
        component.getConfiguration().setExportToken("exp");
        context.addComponent("dfinery", component);
        return context;
    }

    CamelContext replica(int windowsPerPoll) throws Exception {
        CamelContext context = application();
        context.getRegistry().bind("cursor", new RedisStateRepository(redis.uri()));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("dfinery:export?stateRepository=#cursor&delay=100&maxWindowsPerPoll=" + windowsPerPoll
                     + "&startDate=" + today().minusDays(DAYS))
                        .process(e -> delivered.add(e.getMessage().getBody(Map.class).get("df_event_log_id").toString()));
            }
        });
        return context;
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    @Test
    void aSecondReplicaGoesOnFromTheSharedCursor() throws Exception {
        seed();
        CamelContext first = replica(2);
        first.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() >= 2 * PER_DAY);
        first.stop();
        int byFirst = delivered.size();
        assertThat(byFirst).isLessThan(DAYS * PER_DAY);

        CamelContext second = replica(10);
        second.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() == DAYS * PER_DAY);
        } finally {
            second.stop();
        }

        assertThat(delivered).doesNotHaveDuplicates().hasSize(DAYS * PER_DAY);
        assertThat(dfinery.service(SERVICE).stats().requests(ApiKind.EXPORT)).isEqualTo(DAYS);
    }

    /** {@code PER_DAY} events on each of the {@code DAYS} closed days before today. */
    void seed() throws Exception {
        List<DfineryEvent> events = new ArrayList<>();
        for (int d = DAYS; d >= 1; d--) {
            Instant day = today().minusDays(d).atStartOfDay(ZoneOffset.UTC).toInstant();
            for (int i = 0; i < PER_DAY; i++) {
                events.add(DfineryEvent.builder("df_login").identity(DfineryIdentity.externalId("user-" + i))
                        .datetime(day.plusSeconds(60L * i)).build());
            }
        }
        try (CamelContext seeder = application()) {
            seeder.start();
            seeder.createProducerTemplate().sendBody("dfinery:event", events);
        }
    }
}

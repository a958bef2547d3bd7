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
package io.github.cameldfinery.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import io.github.cameldfinery.component.spi.DfineryExportBudget;
import io.github.cameldfinery.testsupport.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The export budget of a service, shared through Redis by two replicas' stores: calls per hour and calls at once. */
class SharedExportBudgetIT {

    @RegisterExtension
    static RedisServerExtension redis = new RedisServerExtension();

    final String service = "svc-" + UUID.randomUUID();
    final RedisQuotaStore first = store();
    final RedisQuotaStore second = store();

    RedisQuotaStore store() {
        RedisQuotaStore store = new RedisQuotaStore(redis.uri());
        store.setExportSlotLease(Duration.ofMillis(600));
        store.start();
        return store;
    }

    @AfterEach
    void stop() {
        first.stop();
        second.stop();
    }

    @Test
    void callsPerWindowAreCountedOnceForAllReplicas() {
        DfineryExportBudget a = first.exportBudget(service, 3, Duration.ofHours(1), 5);
        DfineryExportBudget b = second.exportBudget(service, 3, Duration.ofHours(1), 5);

        a.tryAcquire().close();
        b.tryAcquire().close();
        a.tryAcquire().close();

        assertThat(b.tryAcquire()).as("the fourth call in the hour, from either replica").isNull();
        assertThat(a.tryAcquire()).isNull();
        assertThat(a.remaining()).isZero();
        assertThat(b.remaining()).isZero();
        assertThat(b.nextSlot()).isAfter(java.time.Instant.now());
    }

    @Test
    void callsAtOnceAreCountedForAllReplicasAndASlotOfADeadReplicaComesBackAfterItsLease() {
        DfineryExportBudget a = first.exportBudget(service, 100, Duration.ofHours(1), 2);
        DfineryExportBudget b = second.exportBudget(service, 100, Duration.ofHours(1), 2);

        DfineryExportBudget.Permit running = a.tryAcquire();
        DfineryExportBudget.Permit held = b.tryAcquire();
        assertThat(running).isNotNull();
        assertThat(held).isNotNull();
        assertThat(a.tryAcquire()).as("a third call at once").isNull();

        // The slot is extended while its call runs, past its lease.
        await().pollDelay(Duration.ofMillis(900)).atMost(Duration.ofSeconds(2)).until(() -> true);
        assertThat(b.tryAcquire()).as("slots held past their lease while their calls run").isNull();

        running.close();
        DfineryExportBudget.Permit next = b.tryAcquire();
        assertThat(next).as("a slot given back").isNotNull();
        next.close();

        // The replica holding the other slot dies: its lease is no longer extended.
        second.stop();
        RedisQuotaStore third = store();
        try {
            DfineryExportBudget c = third.exportBudget(service, 100, Duration.ofHours(1), 2);
            DfineryExportBudget.Permit one = c.tryAcquire();
            assertThat(one).isNotNull();
            await().atMost(Duration.ofSeconds(3)).until(() -> {
                DfineryExportBudget.Permit freed = c.tryAcquire();
                if (freed != null) {
                    freed.close();
                }
                return freed != null;
            });
            one.close();
        } finally {
            third.stop();
        }
    }
}

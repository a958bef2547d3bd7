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
package io.github.cameldfinery.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.cameldfinery.emulator.junit.DfineryEmulatorExtension;
import io.github.cameldfinery.emulator.state.EmulatedService;
import io.github.cameldfinery.emulator.state.StoredEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Many clients at once: nothing lost, nothing counted twice. */
class ConcurrencyTest {

    @RegisterExtension
    static DfineryEmulatorExtension dfinery = DfineryEmulatorExtension.withService(ApiClient.SERVICE,
            ApiClient.IMPORT_TOKEN, ApiClient.EXPORT_TOKEN);

    @Test
    void sixteenClientsSendingAtOnce() throws Exception {
        int clients = 16;
        int requestsPerClient = 25;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Integer>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String user = "user-" + c;
            results.add(pool.submit(() -> {
                ApiClient api = new ApiClient(dfinery.baseUri());
                int ok = 0;
                for (int r = 0; r < requestsPerClient; r++) {
                    if (api.importCall("/api/v1/events", Bodies.purchases(user, 10, "2024-06-24T06:42:25Z"))
                            .statusCode() == 200) {
                        ok++;
                    }
                    api.importCall("/api/v1/user-profile", Bodies.profile(user, "{\"df_membership\":\"m" + r + "\"}"));
                }
                return ok;
            }));
        }
        int ok = 0;
        for (Future<Integer> result : results) {
            ok += result.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        EmulatedService service = dfinery.service(ApiClient.SERVICE);
        assertThat(ok).isEqualTo(clients * requestsPerClient);
        assertThat(service.stats().eventsStored()).isEqualTo(clients * requestsPerClient * 10L);
        assertThat(service.events()).extracting(StoredEvent::eventLogId).doesNotHaveDuplicates();
        assertThat(service.stats().requests(ApiKind.EVENT)).isEqualTo(clients * requestsPerClient);
        assertThat(service.stats().quota().get(ApiKind.EVENT).used()).isEqualTo(clients * requestsPerClient);
        assertThat(service.profiles()).hasSize(clients);
        assertThat(service.profileByExternalId("user-3").properties().get("df_membership").textValue())
                .isEqualTo("m" + (requestsPerClient - 1));
    }
}

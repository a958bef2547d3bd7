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
package io.github.cameldfinery.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;

/** Loads events into an emulator over plain HTTP, 100 per request, without holding them in memory. */
final class Seeder {

    private Seeder() {
    }

    /** {@code count} events dated {@code day}, spread over 1,000 users. */
    static void events(URI base, String serviceId, String accessToken, LocalDate day, int count) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create(base + "/api/v1/events?service_id=" + serviceId);
        for (int sent = 0; sent < count; sent += 100) {
            int n = Math.min(100, count - sent);
            StringBuilder body = new StringBuilder(n * 260);
            body.append("{\"common\":{\"identity\":{\"external_id\":\"user-").append(sent / 100 % 1000)
                    .append("\"}},\"events\":[");
            for (int i = 0; i < n; i++) {
                body.append(i == 0 ? "" : ",").append("{\"event_log_id\":\"").append(UUID.randomUUID())
                        .append("\",\"event_name\":\"df_purchase\",\"event_datetime\":\"").append(day)
                        .append("T12:00:00.000Z\",\"event_properties\":{\"df_order_id\":\"order-").append(sent + i)
                        .append("\",\"df_total_purchase_amount\":12900.0,\"df_payment_method\":\"card, \\\"quoted\\\"\"}}");
            }
            body.append("]}");
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json").header("access_token", accessToken)
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !response.body().contains("20000")) {
                throw new IllegalStateException("Seeding failed: " + response.body());
            }
        }
    }
}

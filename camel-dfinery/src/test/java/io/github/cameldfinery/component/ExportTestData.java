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

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.model.DfineryIdentity;
import org.apache.camel.CamelContext;

/** Events spread over the days before today (UTC) as the component's clock tells it, to export back. */
final class ExportTestData {

    private ExportTestData() {
    }

    /** Today (UTC) on the clock of the context's dfinery component, which chooses the export windows. */
    static LocalDate today(CamelContext context) {
        return LocalDate.now(context.getComponent("dfinery", DfineryComponent.class).clock().withZone(ZoneOffset.UTC));
    }

    /** {@code perDay} purchases on each of the {@code days} days before today, plus 3 of today (not yet closed). */
    static List<DfineryEvent> spread(LocalDate today, int days, int perDay) {
        List<DfineryEvent> events = new ArrayList<>();
        for (int d = days; d >= 0; d--) {
            Instant dayStart = today.minusDays(d).atStartOfDay(ZoneOffset.UTC).toInstant();
            int count = d == 0 ? 3 : perDay;
            for (int i = 0; i < count; i++) {
                events.add(DfineryEvent.builder("df_purchase")
                        .identity(DfineryIdentity.externalId("user-" + (i % 7)))
                        .datetime(dayStart.plusSeconds(3_600L * (i % 24) + i))
                        .property("df_order_id", "order-" + d + "-" + i)
                        .build());
            }
        }
        return events;
    }
}

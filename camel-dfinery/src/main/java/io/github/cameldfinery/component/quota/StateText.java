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
package io.github.cameldfinery.component.quota;

import java.time.Duration;
import java.time.Instant;

import io.github.cameldfinery.component.spi.DfineryQuotaValue;

/** Instants in the texts of a store's values. */
final class StateText {

    private StateText() {
    }

    static String millis(Instant instant) {
        return instant == null ? "-" : Long.toString(instant.toEpochMilli());
    }

    static Instant instant(String text) {
        return "-".equals(text) ? null : Instant.ofEpochMilli(Long.parseLong(text));
    }

    /** Keeps {@code text} until {@code keepUntil} (at least a millisecond), or removes it when there is nothing to keep. */
    static DfineryQuotaValue.Next keep(String text, Instant keepUntil, Instant now) {
        if (keepUntil == null || !keepUntil.isAfter(now)) {
            return DfineryQuotaValue.Next.remove();
        }
        Duration keepFor = Duration.between(now, keepUntil);
        return new DfineryQuotaValue.Next(text, keepFor.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1)
                : keepFor);
    }

    static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}

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

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Which {@code x-ratelimit-reset} the policy counts with. */
class ServerResetsTest {

    static final Duration WINDOW = Duration.ofSeconds(2);
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00.100Z");

    final ServerResets resets = new ServerResets("test limit", WINDOW);

    @Test
    void resetsNoInstantHoldsOrOutsideTheWindowAreNotBelieved() {
        assertThat(resets.resetToCountWith(null, NOW)).isNull();
        assertThat(resets.resetToCountWith(Instant.MIN, NOW)).isNull();
        assertThat(resets.resetToCountWith(Instant.MAX, NOW)).isNull();
        assertThat(resets.resetToCountWith(NOW.minus(WINDOW), NOW)).isNull();
        assertThat(resets.resetToCountWith(NOW.plus(WINDOW).plusMillis(1), NOW)).isNull();
    }

    @Test
    void aResetWithinAWindowIsBelievedOneJustPastGivesTheNextWindowsEnd() {
        assertThat(resets.resetToCountWith(NOW.plus(WINDOW), NOW)).isEqualTo(NOW.plus(WINDOW));
        assertThat(resets.resetToCountWith(NOW.minusMillis(300), NOW))
                .as("an answer that came after its window ended: the next window's end")
                .isEqualTo(NOW.minusMillis(300).plus(WINDOW));
    }
}

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

import io.github.cameldfinery.component.spi.DfineryRequestCount.Window;
import io.github.cameldfinery.testsupport.FakeClock;
import org.junit.jupiter.api.Test;

/** What a store does with the server's counts, as the SPI describes it, on the in-memory store. */
class LocalRequestCountTest {

    static final Duration WINDOW = Duration.ofSeconds(10);
    static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    static final Instant RESET = START.plusSeconds(4);

    final FakeClock clock = new FakeClock(START);
    final LocalRequestCount count = new LocalRequestCount(5, WINDOW, clock);

    @Test
    void nothingIsStoredUntilAnAnswerIsObserved() {
        assertThat(count.read()).isNull();
        assertThat(count.take(1)).isNull();
        count.observe(9, RESET, true);
        assertThat(count.read()).as("never above the limit").isEqualTo(new Window(5, RESET));
    }

    @Test
    void inTheSameWindowWhatIsLeftOnlyGoesDown() {
        count.observe(3, RESET, true);
        count.observe(4, RESET.plusMillis(999), true);
        assertThat(count.read().remaining()).isEqualTo(3);
        count.observe(1, RESET.minusMillis(999), true);
        assertThat(count.read()).isEqualTo(new Window(1, RESET));
    }

    @Test
    void aLaterResetMovesTheWindowsAnEarlierOneChangesNothing() {
        count.observe(3, RESET, true);
        count.observe(5, RESET.minusSeconds(2), true);
        assertThat(count.read()).isEqualTo(new Window(3, RESET));
        count.observe(4, RESET.plusSeconds(2), true);
        assertThat(count.read()).isEqualTo(new Window(3, RESET.plusSeconds(2)));
    }

    @Test
    void aRepeatingWindowRollsOverWholeAGuessIsForgottenAtItsEnd() {
        count.observe(0, RESET, true);
        clock.set(RESET.plus(WINDOW).plusSeconds(1));
        assertThat(count.read()).isEqualTo(new Window(5, RESET.plus(WINDOW.multipliedBy(2))));

        LocalRequestCount guessed = new LocalRequestCount(5, WINDOW, clock);
        guessed.observe(2, clock.instant().plus(WINDOW), false);
        guessed.observe(4, clock.instant().plusSeconds(3), true);
        assertThat(guessed.read()).as("a guess gives way to the server's reset, earlier or not")
                .isEqualTo(new Window(2, clock.instant().plusSeconds(3)));
        LocalRequestCount forgotten = new LocalRequestCount(5, WINDOW, clock);
        forgotten.observe(2, clock.instant().plus(WINDOW), false);
        clock.advance(WINDOW);
        assertThat(forgotten.read()).isNull();
    }

    @Test
    void takesAndGiveBacksStayWithinZeroAndTheLimit() {
        count.observe(2, RESET, true);
        assertThat(count.take(5).taken()).isEqualTo(2);
        assertThat(count.take(1).taken()).isZero();
        count.giveBack(9);
        assertThat(count.read().remaining()).isEqualTo(5);
    }

    @Test
    void oneHolderOfTheLeaseAtATime() {
        assertThat(count.tryLease()).isTrue();
        assertThat(count.tryLease()).isFalse();
        count.releaseLease();
        assertThat(count.tryLease()).isTrue();
    }
}

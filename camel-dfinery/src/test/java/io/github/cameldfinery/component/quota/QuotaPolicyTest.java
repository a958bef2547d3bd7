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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/**
 * The local counter and the reset bounds on a clock the test moves, in milliseconds: window roll-over, the reset
 * margin, a 429, and resets the server gives that cannot be believed.
 */
class QuotaPolicyTest {

    static final Duration WINDOW = Duration.ofSeconds(2);
    static final Instant FAR = Instant.parse("2030-01-01T00:00:00Z");

    final FakeClock clock = new FakeClock(Instant.parse("2026-12-01T10:00:00.100Z"));
    final LocalQuotaCounter counter = new LocalQuotaCounter(5, WINDOW, clock);
    final ServerResets resets = new ServerResets("test limit", WINDOW);

    Instant now() {
        return clock.instant();
    }

    QuotaCounter.Take take(int wanted) {
        return counter.take(wanted, now());
    }

    @Test
    void theServersWindowRollsOverWholeAtItsReset() {
        assertThat(take(1).outcome()).isEqualTo(QuotaCounter.Outcome.PROBE);
        Instant reset = Instant.parse("2026-12-01T10:00:02Z");
        counter.observe(3L, resets.believe(reset, now()), false);

        assertThat(take(5).granted()).isEqualTo(3);
        assertThat(take(1)).isEqualTo(QuotaCounter.Take.spent(reset));
        clock.set(reset);
        assertThat(take(5).granted()).isEqualTo(5);
    }

    @Test
    void aRequestThatMayWaitIsHeldWithinTheMarginOfTheReset() {
        Instant reset = Instant.parse("2026-12-01T10:00:02Z");
        counter.observe(3L, reset, false);
        clock.set(reset.minusMillis(400));

        assertThat(counter.take(1, FAR)).isEqualTo(QuotaCounter.Take.waitUntil(reset));
        assertThat(counter.take(1, now()).granted()).as("one that may not wait goes").isEqualTo(1);
    }

    @Test
    void aResetBeyondTheWindowIsHeldToItAndTheNextWindowIsProbed() {
        Instant year3000 = Instant.parse("3000-01-01T00:00:00Z");
        counter.observe(0L, resets.believe(year3000, now()), false);

        QuotaCounter.Take spent = take(1);
        assertThat(spent.outcome()).isEqualTo(QuotaCounter.Outcome.SPENT);
        assertThat(spent.until()).isEqualTo(now().plus(WINDOW));
        clock.advance(WINDOW);
        assertThat(take(5).outcome()).as("a probe, not a window given out on a guess")
                .isEqualTo(QuotaCounter.Outcome.PROBE);
    }

    @Test
    void a429WithAResetInThePastHoldsTheWindowThenProbes() {
        Instant past = now().minusSeconds(10);
        counter.observe(0L, resets.believe(past, now()), true);

        assertThat(take(1).until()).isEqualTo(now().plus(WINDOW));
        clock.advance(Duration.ofMillis(250));
        assertThat(take(1).outcome()).as("no fresh window after a short back-off")
                .isEqualTo(QuotaCounter.Outcome.SPENT);
        clock.advance(WINDOW);
        assertThat(take(5).outcome()).isEqualTo(QuotaCounter.Outcome.PROBE);
    }

    @Test
    void a429WithAResetAboutToComeBacksOffAtLeast250Ms() {
        counter.observe(0L, resets.believe(now().plusMillis(10), now()), true);

        assertThat(take(1).until()).isEqualTo(now().plusMillis(250));
    }

    @Test
    void resetsNoInstantHoldsOrOutsideTheWindowAreNotBelieved() {
        assertThat(resets.believe(null, now())).isNull();
        assertThat(resets.believe(Instant.MIN, now())).isNull();
        assertThat(resets.believe(Instant.MAX, now())).isNull();
        assertThat(resets.believe(now().minus(WINDOW), now())).isNull();
        assertThat(resets.believe(now().minusMillis(300), now()))
                .as("an answer that came after its window ended: the next window's end")
                .isEqualTo(now().minusMillis(300).plus(WINDOW));
        assertThat(resets.believe(now().plus(WINDOW), now())).isEqualTo(now().plus(WINDOW));
        assertThat(resets.believe(now().plus(WINDOW).plusMillis(1), now())).isNull();
    }

    @Test
    void aCountWithoutAResetIsKeptForTheWindowThenProbed() {
        counter.observe(2L, null, false);

        assertThat(take(5).granted()).isEqualTo(2);
        assertThat(take(1).outcome()).isEqualTo(QuotaCounter.Outcome.SPENT);
        clock.advance(WINDOW);
        assertThat(take(1).outcome()).isEqualTo(QuotaCounter.Outcome.PROBE);
        Instant reset = now().plusMillis(700);
        counter.observe(4L, reset, false);
        assertThat(take(5).granted()).as("the server's schedule from here on").isEqualTo(4);
        clock.set(reset);
        assertThat(take(5).granted()).isEqualTo(5);
    }

    /** A clock the test moves. */
    static final class FakeClock extends Clock {
        private Instant now;

        FakeClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        void set(Instant at) {
            now = at;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

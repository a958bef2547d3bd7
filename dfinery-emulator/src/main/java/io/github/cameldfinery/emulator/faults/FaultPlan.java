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
package io.github.cameldfinery.emulator.faults;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;

/**
 * Which requests of one service and API kind fail, and how: first the queued "next N" faults, then a random
 * fraction. Seeded, so a test run is repeatable.
 */
public final class FaultPlan {

    /** Queued in {@link #next} for a request that is to pass untouched. */
    private static final Fault PASS = new Fault(Fault.Type.DELAY, java.time.Duration.ZERO);

    private final Deque<Fault> next = new ArrayDeque<>();
    private java.util.List<Fault> fractionFaults = java.util.List.of();
    private double fraction;
    private Random random = new Random(0);
    private long injected;

    /** The next {@code count} requests fail with {@code fault}, after any already queued. */
    public synchronized FaultPlan failNext(int count, Fault fault) {
        for (int i = 0; i < count; i++) {
            next.add(fault);
        }
        return this;
    }

    /** The next {@code count} requests pass normally, after any already queued; then the queued faults apply. */
    public synchronized FaultPlan passNext(int count) {
        for (int i = 0; i < count; i++) {
            next.add(PASS);
        }
        return this;
    }

    /** Each request fails with {@code fault} with probability {@code fraction}, drawn from {@code seed}. */
    public synchronized FaultPlan failFraction(double fraction, Fault fault, long seed) {
        return failFraction(fraction, seed, fault);
    }

    /**
     * Each request fails with probability {@code fraction}, with one of {@code faults} picked at random; drawn from
     * {@code seed}.
     */
    public synchronized FaultPlan failFraction(double fraction, long seed, Fault... faults) {
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("fraction must be within 0..1, got " + fraction);
        }
        if (faults.length == 0) {
            throw new IllegalArgumentException("at least one fault");
        }
        this.fraction = fraction;
        this.fractionFaults = java.util.List.of(faults);
        this.random = new Random(seed);
        return this;
    }

    public synchronized void clear() {
        next.clear();
        fraction = 0;
        fractionFaults = java.util.List.of();
        injected = 0;
    }

    /** The fault for the request at hand, or null for a normal answer. */
    public synchronized Fault draw() {
        Fault fault = next.poll();
        if (fault == PASS) {
            return null;
        }
        if (fault == null && !fractionFaults.isEmpty() && random.nextDouble() < fraction) {
            fault = fractionFaults.get(random.nextInt(fractionFaults.size()));
        }
        if (fault != null) {
            injected++;
        }
        return fault;
    }

    public synchronized long injected() {
        return injected;
    }
}

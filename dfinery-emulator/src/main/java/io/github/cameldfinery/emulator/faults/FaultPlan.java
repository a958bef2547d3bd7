package io.github.cameldfinery.emulator.faults;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;

/**
 * Which requests of one service and API kind fail, and how: first the queued "next N" faults, then a random
 * fraction. Seeded, so a test run is repeatable.
 */
public final class FaultPlan {

    private final Deque<Fault> next = new ArrayDeque<>();
    private Fault fractionFault;
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

    /** Each request fails with {@code fault} with probability {@code fraction}, drawn from {@code seed}. */
    public synchronized FaultPlan failFraction(double fraction, Fault fault, long seed) {
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("fraction must be within 0..1, got " + fraction);
        }
        this.fraction = fraction;
        this.fractionFault = fault;
        this.random = new Random(seed);
        return this;
    }

    public synchronized void clear() {
        next.clear();
        fraction = 0;
        fractionFault = null;
        injected = 0;
    }

    /** The fault for the request at hand, or null for a normal answer. */
    public synchronized Fault draw() {
        Fault fault = next.poll();
        if (fault == null && fractionFault != null && random.nextDouble() < fraction) {
            fault = fractionFault;
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

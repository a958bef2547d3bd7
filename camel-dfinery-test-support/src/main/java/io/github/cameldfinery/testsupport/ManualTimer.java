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
package io.github.cameldfinery.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A timer on a {@link FakeClock} that runs what is due when the test says so, on the test's thread: waits of minutes
 * pass in no time, in a fixed order.
 */
public final class ManualTimer extends AbstractExecutorService implements ScheduledExecutorService {
    private final FakeClock clock;
    private final List<Task<?>> tasks = new ArrayList<>();

    public ManualTimer(FakeClock clock) {
        this.clock = clock;
    }

    /** Moves the clock on and runs what is due by then. */
    public void advance(Duration by) {
        clock.advance(by);
        runDue();
    }

    /** When the earliest task still to run is due; empty when no task waits. */
    public synchronized Optional<Instant> nextTask() {
        tasks.removeIf(Task::isDone);
        return tasks.stream().map(t -> t.at).min(Comparator.naturalOrder());
    }

    /**
     * Moves the clock on to the earliest task still to run, unless that is due already, and runs what is due then;
     * returns false, moving nothing, when no task waits.
     */
    public boolean advanceToNextTask() {
        Instant next = nextTask().orElse(null);
        if (next == null) {
            return false;
        }
        if (next.isAfter(clock.instant())) {
            clock.set(next);
        }
        runDue();
        return true;
    }

    /** Runs every task whose time has come, earliest first, including those they schedule for now. */
    public void runDue() {
        while (true) {
            Task<?> next;
            synchronized (this) {
                tasks.removeIf(Task::isDone);
                next = tasks.stream().filter(t -> !t.at.isAfter(clock.instant()))
                        .min(Comparator.comparing(t -> t.at)).orElse(null);
                if (next == null) {
                    return;
                }
                tasks.remove(next);
            }
            next.run();
        }
    }

    @Override
    public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        Task<Object> task = new Task<>(() -> {
            command.run();
            return null;
        }, clock.instant().plusNanos(unit.toNanos(delay)));
        tasks.add(task);
        return task;
    }

    @Override
    public synchronized <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        Task<V> task = new Task<>(callable, clock.instant().plusNanos(unit.toNanos(delay)));
        tasks.add(task);
        return task;
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
                                                     TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void execute(Runnable command) {
        command.run();
    }

    @Override
    public void shutdown() {
    }

    @Override
    public List<Runnable> shutdownNow() {
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public boolean isTerminated() {
        return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }

    final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
        final Instant at;

        Task(Callable<V> callable, Instant at) {
            super(callable);
            this.at = at;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(clock.instant(), at));
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.MILLISECONDS), other.getDelay(TimeUnit.MILLISECONDS));
        }
    }
}

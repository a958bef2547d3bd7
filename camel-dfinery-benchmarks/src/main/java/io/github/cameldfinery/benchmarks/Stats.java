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

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/** Latencies, CPU time and allocation of one measured path. */
final class Stats {

    private final long[] latencies;
    private int count;
    private final long startNanos = System.nanoTime();
    private final long startCpu = cpuNanos();
    private final long startAllocated = allocatedBytes();
    private final long startThreads = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();
    private long endThreads;
    private long endNanos;
    private long endCpu;
    private long endAllocated;

    Stats(int requests) {
        this.latencies = new long[requests];
    }

    synchronized void latency(long nanos) {
        if (count < latencies.length) {
            latencies[count++] = nanos;
        }
    }

    void stop() {
        endNanos = System.nanoTime();
        endCpu = cpuNanos();
        endAllocated = allocatedBytes();
        endThreads = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();
    }

    /** Threads started while the path ran. */
    long threadsStarted() {
        return endThreads - startThreads;
    }

    double seconds() {
        return (endNanos - startNanos) / 1e9;
    }

    double cpuMillisPer1000(long events) {
        return (endCpu - startCpu) / 1e6 / (events / 1000.0);
    }

    double allocatedPerEvent(long events) {
        return (endAllocated - startAllocated) / (double) events;
    }

    synchronized double percentileMillis(double p) {
        long[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))] / 1e6;
    }

    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Bytes allocated by every thread of this JVM, those that ended included. */
    static long allocatedBytes() {
        return Allocation.total();
    }
}

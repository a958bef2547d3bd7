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

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Map;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Bytes allocated on the heap by every thread of this JVM, including threads that have ended (a thread per response
 * would hide its allocation from per-thread counters): what each collection found in use, less what the one before
 * left, plus what is in use now.
 */
final class Allocation {

    private static long collected;
    private static long leftAfterLast = used();

    private Allocation() {
    }

    static {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    GarbageCollectionNotificationInfo info =
                            GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    record(sum(info.getGcInfo().getMemoryUsageBeforeGc()), sum(info.getGcInfo().getMemoryUsageAfterGc()));
                }
            }, null, null);
        }
    }

    private static synchronized void record(long before, long after) {
        if (before >= leftAfterLast) {
            collected += before - leftAfterLast;
        }
        leftAfterLast = after;
    }

    /** Bytes allocated since the JVM started, as far as the collections tell. */
    static synchronized long total() {
        return collected + Math.max(0, used() - leftAfterLast);
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long sum(Map<String, MemoryUsage> pools) {
        long total = 0;
        for (Map.Entry<String, MemoryUsage> pool : pools.entrySet()) {
            if (!pool.getKey().contains("Metaspace") && !pool.getKey().contains("Code")
                && !pool.getKey().contains("Compressed")) {
                total += pool.getValue().getUsed();
            }
        }
        return total;
    }
}

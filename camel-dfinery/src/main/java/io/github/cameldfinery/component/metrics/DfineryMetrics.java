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
package io.github.cameldfinery.component.metrics;

import java.util.function.DoubleSupplier;

import io.github.cameldfinery.component.api.DfineryApi;
import io.github.cameldfinery.component.quota.QuotaObserver;

/**
 * The component's measurements, reported as they happen. {@link #NONE} records nothing; the component uses it
 * unless a Micrometer registry is found, and then never reads a clock for it.
 */
public interface DfineryMetrics extends QuotaObserver {

    /** Records nothing. */
    DfineryMetrics NONE = new DfineryMetrics() {
    };

    /** Whether anything is recorded: callers skip the clock when not. */
    default boolean isEnabled() {
        return false;
    }

    /**
     * An HTTP request to an import API ended: with an answer ({@code outcome} "success" or the kind of failure) or
     * without one ("connection").
     *
     * @param events events (or records) it carried, counted as sent on success
     * @param items  event items it carried
     */
    default void request(String serviceId, DfineryApi api, String outcome, long nanos, int events, int items) {
    }

    /** A request is sent again after a transient failure. */
    default void retry(String serviceId, DfineryApi api) {
    }

    /** A message failed for good; {@code type} is the kind of failure. */
    default void failure(String serviceId, DfineryApi api, String type) {
    }

    /** DFINERY said its limit is spent: HTTP 429 ({@code code} "429") or code 40401 under HTTP 200. */
    default void rateLimited(String serviceId, DfineryApi api, String code) {
    }

    /** The quota guard held a request this long before it could go out. */
    default void quotaWait(String serviceId, DfineryApi api, long nanos) {
    }

    /** The quota guard refused a request (nothing sent). */
    default void quotaRefused(String serviceId, DfineryApi api) {
    }

    /** A gauge of the requests left in the current window, as the guard knows them (NaN while unknown). */
    @Override
    default void quotaRemaining(String serviceId, DfineryApi api, DoubleSupplier remaining) {
    }

    /** An export call ended ("success" or the kind of failure), with the rows and bytes it delivered. */
    default void export(String serviceId, String dataset, String outcome, long rows, long bytes) {
    }

    /** An export window was completed (the cursor moved) or will be exported again. */
    default void exportWindow(String serviceId, boolean completed) {
    }

    /**
     * An export window's body was not the expected CSV; {@code action} is what was done with it: {@code retry} (the
     * window is exported again: under the policy retry, or the first time under any policy), {@code skip} or
     * {@code stop} (the same error at the same line a second time, under those policies).
     */
    default void exportFormatError(String serviceId, String action) {
    }

    /** An export call's CSV lacks {@code column}, which DFINERY documents for it; its rows are delivered all the same. */
    default void exportColumnMissing(String serviceId, String dataset, String column) {
    }

    /**
     * An export call's CSV has columns beyond the documented ones and the properties it asked for (an export whose
     * properties are a list to include); its rows are delivered with them.
     */
    default void exportColumnsAdded(String serviceId, String dataset) {
    }

    /** A gauge of how many closed days the cursor {@code cursorKey} is behind. */
    default void exportCursorLag(String serviceId, String cursorKey, DoubleSupplier days) {
    }

    /** The kind of a failure, for tags: the exception's simple name without its Dfinery/Exception affixes. */
    static String kind(Throwable failure) {
        String name = failure.getClass().getSimpleName().replace("Dfinery", "").replace("Exception", "");
        StringBuilder kind = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c) && kind.length() > 0) {
                kind.append('_');
            }
            kind.append(Character.toLowerCase(c));
        }
        return kind.length() == 0 ? "error" : kind.toString();
    }
}

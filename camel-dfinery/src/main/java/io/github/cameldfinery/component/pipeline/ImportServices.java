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
package io.github.cameldfinery.component.pipeline;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

import io.github.cameldfinery.component.http.DfineryHttpClient;
import io.github.cameldfinery.component.metrics.DfineryMetrics;

/**
 * What an {@link ImportPipeline} sends with, given by the running component.
 *
 * @param http      the HTTP side of the endpoint
 * @param scheduler timers for retry backoff and waits for a rate-limit reset; no thread ever sleeps
 * @param clock     the component's clock, against which a reset time is read
 * @param guards    the quota guards the endpoint sends under, or {@link ImportGuards#OFF}
 * @param metrics   where requests, retries, failures and quota waits are measured
 */
public record ImportServices(DfineryHttpClient http, ScheduledExecutorService scheduler, Clock clock,
                             ImportGuards guards, DfineryMetrics metrics) {
}

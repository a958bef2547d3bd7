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

import java.time.Duration;

/**
 * The options of an endpoint that an {@link ImportPipeline} follows.
 *
 * @param retryPolicy      when and after how long a failed request is sent again
 * @param rateLimitMaxWait how long a request may wait for DFINERY's rate-limit reset (or for the guard); zero: not
 * @param requestTimeout   how long a request may wait for the first answer after a start (the guard's probe)
 */
public record ImportSettings(RetryPolicy retryPolicy, Duration rateLimitMaxWait, Duration requestTimeout) {
}

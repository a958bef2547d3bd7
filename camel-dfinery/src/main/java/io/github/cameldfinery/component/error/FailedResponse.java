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
package io.github.cameldfinery.component.error;

import java.util.Map;

/**
 * What DFINERY answered to a call that failed.
 *
 * @param status     the HTTP status
 * @param code       the DFINERY result code ({@code 40001}) or export message ({@code invalid_parameter}); null if none
 * @param apiMessage the DFINERY result message ({@code VALIDATION_FAILURE}); null if none
 * @param body       the response body as received
 * @param headers    the response headers that explain the failure (rate-limit state, content type)
 */
public record FailedResponse(int status, String code, String apiMessage, String body, Map<String, String> headers) {

    public FailedResponse {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}

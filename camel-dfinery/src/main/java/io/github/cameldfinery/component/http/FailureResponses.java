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
package io.github.cameldfinery.component.http;

import java.net.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.github.cameldfinery.component.error.DfineryAuthenticationException;
import io.github.cameldfinery.component.error.DfineryException;
import io.github.cameldfinery.component.error.DfineryRateLimitException;
import io.github.cameldfinery.component.error.DfineryServerException;
import io.github.cameldfinery.component.error.DfineryValidationException;
import io.github.cameldfinery.component.error.FailedResponse;

/**
 * Which exception a failed answer of DFINERY becomes, for import and export calls alike: the limit, the token,
 * the request, or DFINERY itself (the only kind worth retrying).
 */
public final class FailureResponses {

    private FailureResponses() {
    }

    /**
     * @param what    how the failure reads in the exception message
     * @param code    the import result code ({@code 40001}) or the export message ({@code invalid_parameter})
     */
    public static DfineryException classify(String what, int status, String code, String apiMessage, String body,
                                            HttpHeaders headers) {
        FailedResponse response = new FailedResponse(status, code, apiMessage, body, relevantHeaders(headers));
        if (status == 429 || "40401".equals(code) || "too_many_api_requests".equals(code)) {
            RateLimitState rateLimit = RateLimitState.from(headers);
            return new DfineryRateLimitException(what + (rateLimit.resetAt() != null ? "; resets at "
                    + rateLimit.resetAt() : ""), response, rateLimit.resetAt());
        }
        if (status == 401 || status == 403 || "40201".equals(code) || "40101".equals(code)) {
            return new DfineryAuthenticationException(what, response);
        }
        boolean serverCode = code != null && code.startsWith("5");
        if ((code != null && code.startsWith("4")) || (status / 100 == 4 && !serverCode)) {
            return new DfineryValidationException(what, response);
        }
        return new DfineryServerException(what, response);
    }

    /** The response headers that explain a failure (rate-limit state, content type). */
    static Map<String, String> relevantHeaders(HttpHeaders responseHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        responseHeaders.map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-ratelimit-") || lower.startsWith("x-rate-limit-") || lower.equals("content-type")) {
                headers.put(name, String.join(",", values));
            }
        });
        return headers;
    }
}

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
package io.github.cameldfinery.component;

import java.util.Locale;

import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedCamelContext;

/**
 * Option names of the component whose values Camel must mask where it prints configuration (Camel Main's start-up
 * summary), but which are not on Camel's own list of sensitive names: quotaStoreUri, as a Redis URI may carry a
 * password. The tokens need no entry: accessToken and bearerToken are on Camel's list.
 */
final class SensitiveOptionNames {

    static final String QUOTA_STORE_URI = "quotastoreuri";

    private SensitiveOptionNames() {
    }

    /**
     * Adds the names to the context's additional sensitive keywords, keeping those already there. Camel matches a
     * printed option when its last name segment, lower-cased without '-', is contained in that list.
     */
    static void register(CamelContext context) {
        ExtendedCamelContext extension = context.getCamelContextExtension();
        String keywords = extension.getAdditionalSensitiveKeywords();
        if (keywords == null || keywords.isBlank()) {
            extension.setAdditionalSensitiveKeywords(QUOTA_STORE_URI);
        } else if (!keywords.toLowerCase(Locale.ROOT).contains(QUOTA_STORE_URI)) {
            extension.setAdditionalSensitiveKeywords(keywords + "," + QUOTA_STORE_URI);
        }
    }
}

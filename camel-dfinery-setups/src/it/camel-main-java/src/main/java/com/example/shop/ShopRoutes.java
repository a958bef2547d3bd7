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
package com.example.shop;

// region: routes
import io.github.cameldfinery.component.dsl.DfineryEndpointBuilderFactory;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;

public class ShopRoutes extends EndpointRouteBuilder implements DfineryEndpointBuilderFactory.DfineryBuilders {
    @Override
    public void configure() {
        from(direct("purchases")).routeId("purchases")
            .to(dfinery("event").maxRetries(5).retryDelay("500ms"));

        // Without a startDate, the first export is of yesterday; the cursor keeps the next day to export.
        from(dfinery("export").stateRepository("#exportCursor")).routeId("export")
            .to(file("{{shop.warehouse}}/events").fileName("${header.CamelDfineryExportFromDate}.ndjson")
                .fileExist("Append"));
    }
}
// endregion: routes

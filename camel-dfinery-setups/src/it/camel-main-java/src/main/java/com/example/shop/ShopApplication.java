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
// region: main
package com.example.shop;

import org.apache.camel.main.Main;

/** The shop's integration: Camel Main reads application.properties, which names the package it finds the routes in. */
public final class ShopApplication {

    private ShopApplication() {
    }

    public static void main(String[] args) throws Exception {
        new Main().run(args);
    }
}
// endregion: main

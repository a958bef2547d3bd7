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

import java.util.concurrent.CountDownLatch;

import org.springframework.context.support.ClassPathXmlApplicationContext;

/** Starts the application context, and with it Camel; stops both when the JVM is asked to stop. */
public final class ShopApplication {

    private ShopApplication() {
    }

    public static void main(String[] args) throws InterruptedException {
        ClassPathXmlApplicationContext spring = new ClassPathXmlApplicationContext("META-INF/spring/shop-context.xml");
        spring.registerShutdownHook();
        new CountDownLatch(1).await();
    }
}
// endregion: main

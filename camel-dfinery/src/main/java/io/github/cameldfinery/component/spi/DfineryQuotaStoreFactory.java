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
package io.github.cameldfinery.component.spi;

/**
 * Makes a {@link DfineryQuotaStore} from the component's {@code quotaStoreUri}. Found by the URI's scheme through
 * Camel's factory finder: a module that offers a store lists its factory in
 * {@code META-INF/services/io/github/cameldfinery/quota-store/<scheme>} (camel-dfinery-redis does, for
 * {@code redis} and {@code rediss}). The component owns the stores it makes this way and stops them with itself.
 */
public interface DfineryQuotaStoreFactory {

    /** The factory path under {@code META-INF/services/}. */
    String FACTORY_PATH = "META-INF/services/io/github/cameldfinery/quota-store/";

    DfineryQuotaStore create(String uri);
}

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
package io.github.cameldfinery.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** A Redis URI may carry a password: the store never shows it, and the option is a secret of the component. */
class RedisQuotaStoreSecretTest {

    @Test
    void thePasswordOfTheUriIsNeverShown() {
        RedisQuotaStore store = new RedisQuotaStore("redis://user:s3cret-pass@redis.internal:6380/0");
        assertThat(store.describe()).isEqualTo("redis://redis.internal:6380").doesNotContain("s3cret");
    }

    @Test
    void aBeanThatCannotConnectNamesTheAddressNeverThePassword() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            RedisStateRepository repository = new RedisStateRepository("redis://user:s3cret-pass@127.0.0.1:1?timeout=300ms");
            context.getRegistry().bind("cursor", repository);

            Throwable failure = catchThrowable(repository::start);

            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            assertThat(failure).isInstanceOf(RedisStateException.class)
                    .hasMessageContaining("127.0.0.1:1");
            assertThat(trace.toString()).doesNotContain("s3cret");
        }
    }

    @Test
    void quotaStoreUriIsASecretOptionOfTheComponent() throws Exception {
        try (InputStream descriptor = getClass().getClassLoader()
                .getResourceAsStream("META-INF/io/github/cameldfinery/component/dfinery.json")) {
            assertThat(new ObjectMapper().readTree(descriptor).at("/componentProperties/quotaStoreUri/secret").asBoolean())
                    .as("Camel masks it in URIs, dumps and consoles").isTrue();
        }
    }
}

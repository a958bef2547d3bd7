package io.github.cameldfinery.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** A Redis URI may carry a password: the store never shows it, and the option is a secret of the component. */
class RedisQuotaStoreSecretTest {

    @Test
    void thePasswordOfTheUriIsNeverShown() {
        RedisQuotaStore store = new RedisQuotaStore("redis://user:s3cret-pass@redis.internal:6380/0");
        assertThat(store.describe()).isEqualTo("redis://redis.internal:6380").doesNotContain("s3cret");
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

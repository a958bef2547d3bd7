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

import java.util.function.Function;

import io.lettuce.core.RedisException;
import io.lettuce.core.api.sync.RedisCommands;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A Camel service on Redis: it takes its application's Lettuce client on its URI when it starts (the beans of one
 * Camel context share one client per URI) and gives it back when it stops; every command fails with a
 * {@link RedisStateException} that says what could not be done and where.
 */
abstract class RedisService extends ServiceSupport implements CamelContextAware {

    protected final RedisConnection redis;
    private CamelContext camelContext;

    /**
     * @param purpose what the connection is for, in error messages
     */
    RedisService(String redisUri, String purpose) {
        this.redis = new RedisConnection(redisUri, purpose, this::getCamelContext);
    }

    @Override
    protected void doStart() throws Exception {
        redis.open();
    }

    @Override
    protected void doStop() throws Exception {
        redis.close();
    }

    /** Runs a command; a Redis failure becomes a RedisStateException that starts with {@code what}. */
    protected <T> T command(String what, Function<RedisCommands<String, String>, T> command) {
        try {
            return command.apply(redis.commands());
        } catch (RedisException e) {
            throw new RedisStateException(what + " in Redis at " + redis.where(), e);
        }
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    /** The application whose Lettuce client this bean shares; set by Camel when the bean is bound or used. */
    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }
}

package io.github.cameldfinery.redis;

import java.time.Duration;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * One Lettuce connection to Redis, opened and closed with the service that uses it. Every command waits at most the
 * URI's {@code timeout} (2 seconds unless the URI says otherwise), so that nothing hangs while Redis is away.
 */
final class RedisConnection {

    private final RedisURI uri;
    private final String purpose;
    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;

    /**
     * @param purpose what the connection is for, in error messages
     */
    RedisConnection(String redisUri, String purpose) {
        this.uri = RedisURI.create(redisUri);
        if (!redisUri.contains("timeout=")) {
            uri.setTimeout(Duration.ofSeconds(2));
        }
        this.purpose = purpose;
    }

    void open() {
        client = RedisClient.create(uri);
        try {
            connection = client.connect();
        } catch (RedisException e) {
            client.shutdown();
            client = null;
            throw new RedisStateRepository.RedisStateException("Cannot connect to Redis at " + where() + " for "
                                                               + purpose, e);
        }
    }

    void close() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
        if (client != null) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            client = null;
        }
    }

    RedisCommands<String, String> commands() {
        if (connection == null) {
            throw new RedisStateRepository.RedisStateException("The Redis connection for " + purpose + " at "
                                                               + where() + " is not open", null);
        }
        return connection.sync();
    }

    /** Host and port only: a Redis URI may carry a password. */
    String where() {
        return uri.getHost() + ":" + uri.getPort();
    }
}

package io.github.cameldfinery.redis;

import java.time.Duration;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A Camel {@link StateRepository} on Redis, so that the replicas of an application share one export cursor:
 * {@code dfinery:export?stateRepository=#cursor} on every replica, with the same key, reads and moves the same
 * cursor, and a replica started later (or after a crash) goes on where the others left off.
 *
 * <p>Every key is stored under a prefix ({@code dfinery:state:} by default). Each command waits at most
 * {@code timeout} (2 seconds by default): when Redis cannot be reached, reading or moving the cursor fails with a
 * {@link RedisStateException} instead of hanging, the poll fails, and the window is exported once Redis is back.
 */
public class RedisStateRepository extends ServiceSupport implements StateRepository<String, String> {

    private final RedisURI uri;
    private final String prefix;
    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;

    /**
     * @param redisUri for example {@code redis://127.0.0.1:6379/0}; a {@code timeout} query parameter sets how long
     *                 a command may wait
     */
    public RedisStateRepository(String redisUri) {
        this(redisUri, "dfinery:state:");
    }

    public RedisStateRepository(String redisUri, String prefix) {
        this.uri = RedisURI.create(redisUri);
        if (!redisUri.contains("timeout=")) {
            uri.setTimeout(Duration.ofSeconds(2));
        }
        this.prefix = prefix;
    }

    @Override
    protected void doStart() {
        client = RedisClient.create(uri);
        try {
            connection = client.connect();
        } catch (RedisException e) {
            client.shutdown();
            client = null;
            throw new RedisStateException("Cannot connect to Redis at " + where() + " for the state repository", e);
        }
    }

    @Override
    protected void doStop() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
        if (client != null) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            client = null;
        }
    }

    @Override
    public String getState(String key) {
        try {
            return commands().get(prefix + key);
        } catch (RedisException e) {
            throw new RedisStateException("Cannot read state '" + key + "' from Redis at " + where(), e);
        }
    }

    @Override
    public void setState(String key, String value) {
        try {
            commands().set(prefix + key, value);
        } catch (RedisException e) {
            throw new RedisStateException("Cannot write state '" + key + "' to Redis at " + where(), e);
        }
    }

    private RedisCommands<String, String> commands() {
        if (connection == null) {
            throw new RedisStateException("The Redis state repository at " + where() + " is not started", null);
        }
        return connection.sync();
    }

    /** Host and port only: a Redis URI may carry a password. */
    private String where() {
        return uri.getHost() + ":" + uri.getPort();
    }

    /** Redis could not be reached, or answered with an error. */
    public static class RedisStateException extends RuntimeCamelException {
        public RedisStateException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

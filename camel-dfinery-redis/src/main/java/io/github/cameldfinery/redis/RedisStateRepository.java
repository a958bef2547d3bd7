package io.github.cameldfinery.redis;

import io.lettuce.core.RedisException;
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

    private final RedisConnection redis;
    private final String prefix;

    /**
     * @param redisUri for example {@code redis://127.0.0.1:6379/0}; a {@code timeout} query parameter sets how long
     *                 a command may wait
     */
    public RedisStateRepository(String redisUri) {
        this(redisUri, "dfinery:state:");
    }

    public RedisStateRepository(String redisUri, String prefix) {
        this.redis = new RedisConnection(redisUri, "the state repository");
        this.prefix = prefix;
    }

    @Override
    protected void doStart() {
        redis.open();
    }

    @Override
    protected void doStop() {
        redis.close();
    }

    @Override
    public String getState(String key) {
        try {
            return redis.commands().get(prefix + key);
        } catch (RedisException e) {
            throw new RedisStateException("Cannot read state '" + key + "' from Redis at " + redis.where(), e);
        }
    }

    @Override
    public void setState(String key, String value) {
        try {
            redis.commands().set(prefix + key, value);
        } catch (RedisException e) {
            throw new RedisStateException("Cannot write state '" + key + "' to Redis at " + redis.where(), e);
        }
    }

    /** Redis could not be reached, or answered with an error. */
    public static class RedisStateException extends RuntimeCamelException {
        public RedisStateException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

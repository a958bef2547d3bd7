package io.github.cameldfinery.redis;

/** The Lua scripts that make a lease safe: only its holder may give it up or extend it. */
final class RedisScripts {

    /** KEYS[1] the lease, ARGV[1] its holder: deletes it if the holder still holds it. */
    static final String RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then "
                                  + "return redis.call('del', KEYS[1]) else return 0 end";

    /** KEYS[1] the lease, ARGV[1] its holder, ARGV[2] milliseconds: extends it if the holder still holds it. */
    static final String EXTEND = "if redis.call('get', KEYS[1]) == ARGV[1] then "
                                 + "return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

    private RedisScripts() {
    }
}

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

/** The Lua scripts that make a lease safe: only its holder may give it up or extend it. */
final class RedisScripts {

    /** KEYS[1] the lease, ARGV[1] its holder: deletes it if the holder still holds it. */
    static final String RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then "
                                  + "return redis.call('del', KEYS[1]) else return 0 end";

    /** KEYS[1] the lease, ARGV[1] its holder, ARGV[2] milliseconds: extends it if the holder still holds it. */
    static final String EXTEND = "if redis.call('get', KEYS[1]) == ARGV[1] then "
                                 + "return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

    /**
     * KEYS[1] a quota value, ARGV[1] the text it is expected to hold ('' for none), ARGV[2] the new text ('' to
     * remove it), ARGV[3] milliseconds to keep it: sets it if it holds the expected text and answers {1}, or answers
     * {0, the text it holds}. Redis runs a script alone, so the compare and the set are one step.
     */
    static final String COMPARE_AND_SET = "local current = redis.call('get', KEYS[1]) or '' "
                                          + "if current ~= ARGV[1] then return {0, current} end "
                                          + "if ARGV[2] == '' then redis.call('del', KEYS[1]) "
                                          + "elseif ARGV[2] ~= current then "
                                          + "redis.call('set', KEYS[1], ARGV[2], 'px', ARGV[3]) end "
                                          + "return {1}";

    private RedisScripts() {
    }
}

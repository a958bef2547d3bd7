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
package io.github.cameldfinery.component.model;

import java.security.SecureRandom;
import java.util.SplittableRandom;

/**
 * Random event ids in the RFC 4122 version 4 text form the API asks for, without {@code UUID.randomUUID()}'s lock
 * on one shared SecureRandom per event: each thread draws from its own generator, seeded from SecureRandom once.
 * An id needs to be unique, not secret; 122 random bits from a securely seeded generator are.
 */
final class EventLogIds {

    private static final SecureRandom SEEDS = new SecureRandom();
    private static final ThreadLocal<SplittableRandom> RANDOM =
            ThreadLocal.withInitial(() -> new SplittableRandom(SEEDS.nextLong()));
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private EventLogIds() {
    }

    static String next() {
        SplittableRandom random = RANDOM.get();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;                          // version 4
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // variant 10
        char[] text = new char[36];
        hex(text, 0, high >>> 32, 8);
        text[8] = '-';
        hex(text, 9, high >>> 16, 4);
        text[13] = '-';
        hex(text, 14, high, 4);
        text[18] = '-';
        hex(text, 19, low >>> 48, 4);
        text[23] = '-';
        hex(text, 24, low, 12);
        return new String(text);
    }

    private static void hex(char[] text, int at, long value, int digits) {
        for (int i = at + digits - 1; i >= at; i--) {
            text[i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
    }
}

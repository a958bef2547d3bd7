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
package io.github.cameldfinery.component.export;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.cameldfinery.component.api.DfineryExportDataset;

/**
 * The keys under which the export consumer records delivered rows: what a row is, never where it stands in the body,
 * so that a window exported again with its rows in another order (the API promises none) delivers each row once.
 * <ul>
 * <li>an event row is its {@code df_event_log_id}, and for a row with item values (columns {@code df_items_*}) that
 * id, a slash and 16 hex digits of the SHA-256 of those columns' names and values
 * ({@code 0f8e…-…/3fa9c2d04be1a7e6});</li>
 * <li>a user-profile row is its {@code df_unified_id}, a slash and the same hash over every other column with a
 * value, so that a profile comes again only when one of its values changed;</li>
 * <li>columns without a value do not count, and names are taken in alphabetical order, so a new empty column or
 * another column order does not change a key;</li>
 * <li>rows of one export that are identical in all this (an event with the same item twice) are counted: the second
 * gets {@code #2} after its key, the third {@code #3}, in whatever order they come.</li>
 * </ul>
 * One instance per export call. To count identical rows it keeps an 8-byte fingerprint and a count of every row's
 * key: 17 to 34 bytes a row with the table's free space, about 17 to 34 MB for a window of a million rows.
 */
public final class RowKeys {

    /** The prefix of the columns DFINERY flattens an event's items into. */
    public static final String ITEM_PREFIX = "df_items_";
    public static final String EVENT_LOG_ID = "df_event_log_id";
    public static final String UNIFIED_ID = "df_unified_id";

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final DfineryExportDataset dataset;
    private final MessageDigest sha256;
    private final Occurrences occurrences = new Occurrences();

    public RowKeys(DfineryExportDataset dataset) {
        this.dataset = dataset;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The column that identifies a row of this dataset: df_event_log_id or df_unified_id. */
    public String idColumn() {
        return dataset == DfineryExportDataset.events ? EVENT_LOG_ID : UNIFIED_ID;
    }

    /**
     * The key of the next row of the export.
     *
     * @param  id  the row's {@link #idColumn()} value, not empty
     * @param  row the row, column to value
     */
    public String next(String id, Map<String, String> row) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, String> column : row.entrySet()) {
            String value = column.getValue();
            if (value == null || value.isEmpty()) {
                continue;
            }
            String name = column.getKey();
            if (dataset == DfineryExportDataset.events ? name.startsWith(ITEM_PREFIX) : !name.equals(UNIFIED_ID)) {
                names.add(name);
            }
        }
        String key = id;
        if (!names.isEmpty()) {
            names.sort(null);
            for (String name : names) {
                update(name);
                update(row.get(name));
            }
            key = id + "/" + hex(sha256.digest(), 8);
        }
        int seen = occurrences.increment(fingerprint(key));
        return seen == 1 ? key : key + "#" + seen;
    }

    /** Length-prefixed, so that no two different lists of names and values feed the same bytes. */
    private void update(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sha256.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        sha256.update(bytes);
    }

    private long fingerprint(String key) {
        return ByteBuffer.wrap(sha256.digest(key.getBytes(StandardCharsets.UTF_8))).getLong();
    }

    private static String hex(byte[] bytes, int count) {
        char[] text = new char[count * 2];
        for (int i = 0; i < count; i++) {
            text[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            text[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(text);
    }

    /** How often each 64-bit fingerprint was seen: open addressing on two arrays, no object per row. */
    static final class Occurrences {
        private long[] keys = new long[1024];
        private int[] counts = new int[1024];
        private int size;

        int increment(long fingerprint) {
            long key = fingerprint == 0 ? 1 : fingerprint;
            int mask = keys.length - 1;
            int slot = (int) (key ^ (key >>> 32)) & mask;
            while (keys[slot] != 0) {
                if (keys[slot] == key) {
                    return ++counts[slot];
                }
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            counts[slot] = 1;
            if (++size * 10 > keys.length * 7) {
                grow();
            }
            return 1;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldCounts = counts;
            keys = new long[oldKeys.length * 2];
            counts = new int[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    int slot = (int) (oldKeys[i] ^ (oldKeys[i] >>> 32)) & mask;
                    while (keys[slot] != 0) {
                        slot = (slot + 1) & mask;
                    }
                    keys[slot] = oldKeys[i];
                    counts[slot] = oldCounts[i];
                }
            }
        }
    }
}

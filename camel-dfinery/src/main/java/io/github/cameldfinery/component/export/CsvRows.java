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

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * Reads an export's CSV (RFC 4180, header row first) one row at a time, as column-to-value maps in column order,
 * one row ahead so that the caller knows which row is the last. A body that ends early fails with an IOException
 * from the stream, never as a short success.
 */
public final class CsvRows implements AutoCloseable {

    private static final ObjectReader READER = new CsvMapper().readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader());

    private final MappingIterator<Map<String, String>> rows;
    private Map<String, String> next;
    private long index = -1;

    public CsvRows(InputStream csv) throws IOException {
        this.rows = READER.readValues(csv);
        this.next = rows.hasNextValue() ? rows.nextValue() : null;
    }

    public boolean hasNext() {
        return next != null;
    }

    /** The next row; afterwards {@link #isLast()} tells whether it was the last one. */
    public Map<String, String> next() throws IOException {
        Map<String, String> current = next;
        next = rows.hasNextValue() ? rows.nextValue() : null;
        index++;
        return current;
    }

    /** The 0-based index of the row last returned. */
    public long index() {
        return index;
    }

    public boolean isLast() {
        return next == null;
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}

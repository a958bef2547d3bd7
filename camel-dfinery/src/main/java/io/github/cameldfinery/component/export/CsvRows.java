package io.github.cameldfinery.component.export;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.cameldfinery.component.model.DfineryExportRow;

/**
 * Reads an export's CSV (RFC 4180, header row first) one row at a time, as column-to-value maps in column order,
 * one row ahead so that the caller knows which row is the last. A body that ends early fails with an IOException
 * from the stream, never as a short success.
 */
public final class CsvRows implements AutoCloseable {

    private static final ObjectReader READER = new CsvMapper().readerFor(DfineryExportRow.class)
            .with(CsvSchema.emptySchema().withHeader());

    private final MappingIterator<DfineryExportRow> rows;
    private DfineryExportRow next;
    private long index = -1;

    public CsvRows(InputStream csv) throws IOException {
        this.rows = READER.readValues(csv);
        this.next = rows.hasNextValue() ? rows.nextValue() : null;
    }

    public boolean hasNext() {
        return next != null;
    }

    /** The next row; afterwards {@link #isLast()} tells whether it was the last one. */
    public DfineryExportRow next() throws IOException {
        DfineryExportRow current = next;
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

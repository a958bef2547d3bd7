package io.github.cameldfinery.component.mapping;

import java.io.ByteArrayOutputStream;

/** The buffer a request is written into, handed to the HTTP body as it is instead of copied out. */
final class RequestBuffer extends ByteArrayOutputStream {

    RequestBuffer(int size) {
        super(size);
    }

    /** The bytes written so far are the first {@link #size()} of it. */
    byte[] buffer() {
        return buf;
    }
}

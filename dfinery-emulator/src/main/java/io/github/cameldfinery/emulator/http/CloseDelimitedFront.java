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
package io.github.cameldfinery.emulator.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A front on the emulator's port for {@code export_body_framing: close}. The JDK's server frames every streamed
 * answer with chunked encoding for an HTTP/1.1 client; this front passes requests and answers through as they are,
 * but sends every {@code text/csv} answer as an HTTP/1.0 proxy would: without Content-Length or chunking, the
 * connection closed at its end. An answer the server cuts short (an injected fault) then ends as a whole one does.
 */
final class CloseDelimitedFront {

    private static final int MAX_HEAD = 64 * 1024;

    private final ServerSocket listener;
    private final InetSocketAddress backend;
    private final ExecutorService threads;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;

    CloseDelimitedFront(String host, int port, InetSocketAddress backend) throws IOException {
        this.listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(host, port), 1024);
        this.backend = backend;
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "dfinery-emulator-front-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    void start() {
        threads.execute(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    void stop() {
        running = false;
        close(listener);
        open.forEach(CloseDelimitedFront::close);
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void accept() {
        while (running) {
            try {
                Socket client = listener.accept();
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                if (!running) {
                    return;
                }
            }
        }
    }

    private void serve(Socket client) {
        Socket server = new Socket();
        open.add(client);
        open.add(server);
        try {
            server.connect(backend);
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            threads.execute(() -> requests(client, server));
            answers(new BufferedInputStream(server.getInputStream()), client);
        } catch (IOException e) {
            // one side went away: the other is closed below
        } finally {
            close(client);
            close(server);
            open.remove(client);
            open.remove(server);
        }
    }

    /** Client to server, byte for byte. */
    private static void requests(Socket client, Socket server) {
        try {
            client.getInputStream().transferTo(server.getOutputStream());
            server.shutdownOutput();
        } catch (IOException e) {
            // the connection is being closed
        }
    }

    /** Server to client, one answer after the other, until a close-delimited answer ends the connection. */
    private static void answers(InputStream in, Socket client) throws IOException {
        OutputStream out = client.getOutputStream();
        while (true) {
            List<String> head = head(in);
            if (head == null) {
                return;
            }
            boolean chunked = "chunked".equalsIgnoreCase(header(head, "transfer-encoding"));
            String length = header(head, "content-length");
            long contentLength = length == null ? -1 : Long.parseLong(length.trim());
            String type = header(head, "content-type");
            boolean csv = type != null && type.toLowerCase(Locale.ROOT).startsWith("text/csv");
            if (!csv) {
                writeHead(out, head);
                if (chunked) {
                    chunks(in, out, true);
                } else if (contentLength > 0) {
                    copy(in, out, contentLength);
                }
                out.flush();
                continue;
            }
            List<String> closeDelimited = new ArrayList<>();
            for (String line : head) {
                String name = line.contains(":") ? line.substring(0, line.indexOf(':')).trim().toLowerCase(Locale.ROOT)
                        : "";
                if (!name.equals("transfer-encoding") && !name.equals("content-length") && !name.equals("connection")) {
                    closeDelimited.add(line);
                }
            }
            closeDelimited.add("Connection: close");
            writeHead(out, closeDelimited);
            try {
                if (chunked) {
                    chunks(in, out, false);
                } else if (contentLength > 0) {
                    copy(in, out, contentLength);
                }
            } finally {
                // The end of the body is the end of the connection, whether the server finished it or broke off.
                out.flush();
                client.shutdownOutput();
            }
            return;
        }
    }

    /** Copies a chunked body: as it is ({@code raw}), or only its data. Stops at its last chunk or at EOF. */
    private static void chunks(InputStream in, OutputStream out, boolean raw) throws IOException {
        while (true) {
            String sizeLine = line(in);
            if (sizeLine == null) {
                return;
            }
            int semicolon = sizeLine.indexOf(';');
            long size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (raw) {
                out.write((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            if (size == 0) {
                String trailer;
                do {
                    trailer = line(in);
                    if (raw && trailer != null) {
                        out.write((trailer + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    }
                } while (trailer != null && !trailer.isEmpty());
                return;
            }
            if (!copy(in, out, size)) {
                return;
            }
            out.flush();
            String end = line(in);
            if (raw && end != null) {
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
        }
    }

    /** Copies {@code length} bytes; false when the input ended first. */
    private static boolean copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[8192];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                return false;
            }
            out.write(buffer, 0, n);
            left -= n;
        }
        return true;
    }

    /** The status line and header lines of an answer; null when the connection ended before one. */
    private static List<String> head(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        int size = 0;
        while (true) {
            String line = line(in);
            if (line == null) {
                return null;
            }
            if (line.isEmpty()) {
                return lines;
            }
            size += line.length();
            if (size > MAX_HEAD) {
                throw new IOException("answer head larger than " + MAX_HEAD + " bytes");
            }
            lines.add(line);
        }
    }

    /** One CRLF-ended line without its end; null at EOF before any byte. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static String header(List<String> head, String name) {
        for (String line : head.subList(1, head.size())) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    private static void writeHead(OutputStream out, List<String> head) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line : head) {
            text.append(line).append("\r\n");
        }
        text.append("\r\n");
        out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void close(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}

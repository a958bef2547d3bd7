package io.github.cameldfinery.component.export;

import java.io.InputStream;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

/** The export bodies of a component that are open: a stop aborts them, so no thread stays blocked reading one. */
public final class ExportBodies {

    private final Set<ExportBodyStream> open = ConcurrentHashMap.newKeySet();

    ExportBodyStream open(InputStream in, String window, Duration readTimeout, ScheduledExecutorService timer,
                          Runnable onClose) {
        ExportBodyStream[] body = new ExportBodyStream[1];
        body[0] = new ExportBodyStream(in, window, readTimeout, timer, () -> {
            open.remove(body[0]);
            onClose.run();
        });
        open.add(body[0]);
        return body[0];
    }

    /** Aborts every open body: reads fail with {@code reason}, and what the bodies hold is given back. */
    public void abortAll(String reason) {
        for (ExportBodyStream body : open) {
            body.abort(reason);
        }
    }

    /** How many bodies are open. */
    public int size() {
        return open.size();
    }
}

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

import java.io.InputStream;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

/** The export bodies of a component that are open: a stop aborts them, so no thread stays blocked reading one. */
public final class ExportBodies {

    private final Set<ExportBodyStream> open = ConcurrentHashMap.newKeySet();

    ExportBodyStream open(InputStream in, String window, Duration readTimeout, ScheduledExecutorService timer,
                          Runnable onClose, boolean closeDelimited) {
        ExportBodyStream[] body = new ExportBodyStream[1];
        body[0] = new ExportBodyStream(in, window, readTimeout, timer, () -> {
            open.remove(body[0]);
            onClose.run();
        }, closeDelimited);
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

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.github.cameldfinery.component.error.DfineryConnectionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A body whose end is only the closed connection is whole when it ends with a line break outside quotes, as RFC 4180
 * quotes: a line break inside a quoted value, or none at all, means the body was cut.
 */
class CloseDelimitedBodyTest {

    static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor();

    @AfterAll
    static void stopTimer() {
        TIMER.shutdownNow();
    }

    static ExportBodyStream body(String text, boolean closeDelimited) {
        return new ExportBodyStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "the test export",
                Duration.ofSeconds(30), TIMER, () -> { }, closeDelimited);
    }

    @ParameterizedTest
    @ValueSource(strings = { "a,b\n1,2\n", "a,b\r\n1,2\r\n", "a,b\n1,\"x\ny\"\n", "a,b\n1,\"x\"\"y\"\n",
                             "a,b\n1,ab\"c\n", "a,b\n1,\"\"\n", "a,b\n" })
    void endsWithALineBreakOutsideQuotes(String text) throws Exception {
        assertThat(body(text, true).readAllBytes()).hasSize(text.getBytes(StandardCharsets.UTF_8).length);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "a,b\n1,2", "a,b\n1,2\r", "a,b\n1,\"x\n", "a,b\n1,\"x\"\"\n", "a,b\n1,\"x,\n" })
    void endsInsideARow(String text) {
        ExportBodyStream cut = body(text, true);
        assertThatThrownBy(cut::readAllBytes).isInstanceOf(DfineryConnectionException.class)
                .hasMessageContaining("the test export").hasMessageContaining("inside a row");
        assertThat(cut.brokeOff()).isTrue();
        assertThatThrownBy(cut::read).as("and stays failed").isInstanceOf(DfineryConnectionException.class);
    }

    @Test
    void aBodyWithALengthOrChunksIsWholeWhenHttpSaysSo() throws Exception {
        assertThat(body("a,b\n1,2", false).readAllBytes()).hasSize(7);
    }
}

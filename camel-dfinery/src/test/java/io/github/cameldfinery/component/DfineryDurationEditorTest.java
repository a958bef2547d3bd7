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
package io.github.cameldfinery.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Duration text as Spring XML users write it, read into the milliseconds the options hold. */
class DfineryDurationEditorTest {

    static long millis(String text) {
        DfineryDurationEditor editor = new DfineryDurationEditor();
        editor.setAsText(text);
        return (Long) editor.getValue();
    }

    @Test
    void readsTheFormsCamelAccepts() {
        assertThat(millis("30s")).isEqualTo(30_000);
        assertThat(millis("1m")).isEqualTo(60_000);
        assertThat(millis("250ms")).isEqualTo(250);
        assertThat(millis("1h30m")).isEqualTo(5_400_000);
        assertThat(millis("PT30S")).isEqualTo(30_000);
        assertThat(millis("1500")).as("digits stay milliseconds").isEqualTo(1_500);
    }

    @Test
    void refusesWhatIsNoDurationNamingTheText() {
        assertThatThrownBy(() -> millis("soon")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'soon'");
        assertThatThrownBy(() -> millis(" ")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }

    @Test
    void refusesWhatCamelWouldReadAsZero() {
        assertThatThrownBy(() -> millis("abc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'abc' is not a duration (use 250ms, 30s, 1m or ISO-8601 PT30S)");
        assertThatThrownBy(() -> millis("12x")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'12x'");
        assertThatThrownBy(() -> millis("-5s")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a duration must be at least 0 ms, got '-5s'");
        assertThat(millis("-5")).as("digits keep their meaning for other long properties").isEqualTo(-5);
    }
}

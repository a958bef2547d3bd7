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
package io.github.cameldfinery.emulator.state;

import java.time.Instant;

import io.github.cameldfinery.emulator.validation.Identity;
import io.github.cameldfinery.emulator.validation.ValidatedRequests.IncomingEvent;

/** A stored event with a live link to its profile, so that a later merge shows in exports. */
final class EventRecord {

    final IncomingEvent event;
    final Identity identity;
    final UnifiedProfile profile;
    final Instant serverDatetime;

    EventRecord(IncomingEvent event, Identity identity, UnifiedProfile profile, Instant serverDatetime) {
        this.event = event;
        this.identity = identity;
        this.profile = profile;
        this.serverDatetime = serverDatetime;
    }

    StoredEvent view() {
        UnifiedProfile current = profile.canonical();
        return new StoredEvent(event.eventLogId(), event.eventName(), event.eventDatetime(), serverDatetime,
                identity.identifiers(), event.items(), event.properties(), current.unifiedId,
                current.identifiers.get("external_id"));
    }
}

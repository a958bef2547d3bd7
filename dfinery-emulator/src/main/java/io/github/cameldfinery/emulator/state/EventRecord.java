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

package io.github.cameldfinery.emulator.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.state.EmulatedService;

/** What one import endpoint does with a parsed body: validate it whole, then apply it to the service. */
enum ImportOperation {
    EVENTS("/api/v1/events", ApiKind.EVENT) {
        @Override
        void apply(EmulatedService service, ObjectNode body) {
            service.apply(service.importValidator().events(body));
        }
    },
    IDENTITIES("/api/v1/identities", ApiKind.IDENTITY) {
        @Override
        void apply(EmulatedService service, ObjectNode body) {
            service.apply(service.importValidator().identityUpdate(body));
        }
    },
    IDENTITIES_DELETE("/api/v1/identities/delete", ApiKind.IDENTITY) {
        @Override
        void apply(EmulatedService service, ObjectNode body) {
            service.apply(service.importValidator().identityDelete(body));
        }
    },
    USER_PROFILE("/api/v1/user-profile", ApiKind.PROFILE) {
        @Override
        void apply(EmulatedService service, ObjectNode body) {
            service.apply(service.importValidator().profileUpdate(body));
        }
    };

    final String path;
    final ApiKind kind;

    ImportOperation(String path, ApiKind kind) {
        this.path = path;
        this.kind = kind;
    }

    abstract void apply(EmulatedService service, ObjectNode body);
}

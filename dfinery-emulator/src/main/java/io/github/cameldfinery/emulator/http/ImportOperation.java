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

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
package io.github.cameldfinery.component.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who a message is about: at least one of external id, phone number, email, Kakao id and LINE id.
 *
 * <pre>{@code
 * DfineryIdentity.externalId("user-123");
 * DfineryIdentity.builder().externalId("user-123").email("a@example.com").build();
 * }</pre>
 */
public final class DfineryIdentity {

    public static final String EXTERNAL_ID = "external_id";
    public static final String PHONE_NO = "phone_no";
    public static final String EMAIL = "email";
    public static final String KAKAO_USER_ID = "kakao_user_id";
    public static final String LINE_USER_ID = "line_user_id";
    /** Every identifier the API knows, in its order. */
    public static final List<String> IDENTIFIERS = List.of(EXTERNAL_ID, PHONE_NO, EMAIL, KAKAO_USER_ID, LINE_USER_ID);

    private final Map<String, String> identifiers;
    /** Kept: identities are map keys on the busiest path, where events of one user are grouped. */
    private final int hash;

    private DfineryIdentity(Map<String, String> identifiers) {
        this.identifiers = Collections.unmodifiableMap(new LinkedHashMap<>(identifiers));
        this.hash = this.identifiers.hashCode();
    }

    public static DfineryIdentity externalId(String externalId) {
        return builder().externalId(externalId).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Identifier name (as on the wire, e.g. {@code external_id}) to value; only the identifiers that are set. */
    public Map<String, String> identifiers() {
        return identifiers;
    }

    public String getExternalId() {
        return identifiers.get(EXTERNAL_ID);
    }

    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof DfineryIdentity && hash == ((DfineryIdentity) other).hash
                                && identifiers.equals(((DfineryIdentity) other).identifiers);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** Names the identifiers that are set, not their values: identities are personal data. */
    @Override
    public String toString() {
        return "DfineryIdentity" + identifiers.keySet();
    }

    /** Builds a {@link DfineryIdentity}; unset identifiers are left out. */
    public static final class Builder {
        private final Map<String, String> identifiers = new LinkedHashMap<>();

        public Builder externalId(String value) {
            return put(EXTERNAL_ID, value);
        }

        /** Country code first, digits only, no {@code +}: {@code 821012345678}. */
        public Builder phoneNo(String value) {
            return put(PHONE_NO, value);
        }

        public Builder email(String value) {
            return put(EMAIL, value);
        }

        public Builder kakaoUserId(String value) {
            return put(KAKAO_USER_ID, value);
        }

        public Builder lineUserId(String value) {
            return put(LINE_USER_ID, value);
        }

        private Builder put(String name, String value) {
            if (value != null) {
                identifiers.put(name, value);
            } else {
                identifiers.remove(name);
            }
            return this;
        }

        /** The identity; validity (at least one identifier, formats) is checked when it is sent. */
        public DfineryIdentity build() {
            return new DfineryIdentity(identifiers);
        }
    }

}

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

import org.apache.camel.spi.Metadata;

/** Exchange headers of the {@code dfinery} component. */
public final class DfineryConstants {

    @Metadata(description = "The DFINERY service id for this message. Set by the route, it overrides the endpoint's "
                            + "serviceId option. Every dfinery endpoint sets it to the service it called (so a throttle "
                            + "can correlate on it); that value is information and does not redirect the next dfinery "
                            + "endpoint, whose own serviceId applies.",
              javaType = "String")
    public static final String SERVICE_ID = "CamelDfineryServiceId";

    @Metadata(label = "producer", description = "The user identity of the message, as a DfineryIdentity or a Map with "
                                                + "the keys external_id, phone_no, email, kakao_user_id, line_user_id. "
                                                + "Used when the body carries no identity.",
              javaType = "Object")
    public static final String IDENTITY = "CamelDfineryIdentity";

    @Metadata(label = "producer", description = "The user's external id, when the body carries no identity.",
              javaType = "String")
    public static final String EXTERNAL_ID = "CamelDfineryExternalId";

    @Metadata(label = "producer", description = "The user's email, when the body carries no identity.", javaType = "String")
    public static final String EMAIL = "CamelDfineryEmail";

    @Metadata(label = "producer", description = "The user's phone number, country code first, digits only, when the "
                                                + "body carries no identity.",
              javaType = "String")
    public static final String PHONE_NO = "CamelDfineryPhoneNo";

    @Metadata(label = "producer", description = "The user's Kakao id, when the body carries no identity.",
              javaType = "String")
    public static final String KAKAO_USER_ID = "CamelDfineryKakaoUserId";

    @Metadata(label = "producer", description = "The user's LINE id, when the body carries no identity.",
              javaType = "String")
    public static final String LINE_USER_ID = "CamelDfineryLineUserId";

    @Metadata(label = "producer", description = "For dfinery:identity, update or delete; overrides the operation option.",
              javaType = "io.github.cameldfinery.component.api.DfineryIdentityOperation")
    public static final String OPERATION = "CamelDfineryOperation";

    @Metadata(label = "producer", description = "The result code of the last DFINERY response (20000 on success).",
              javaType = "String")
    public static final String RESPONSE_CODE = "CamelDfineryResponseCode";

    @Metadata(label = "producer", description = "The result message of the last DFINERY response (OK on success).",
              javaType = "String")
    public static final String RESPONSE_MESSAGE = "CamelDfineryResponseMessage";

    @Metadata(label = "producer", description = "How many HTTP requests the message became (not counting retries).",
              javaType = "int")
    public static final String REQUEST_COUNT = "CamelDfineryRequestCount";

    @Metadata(label = "producer", description = "How many HTTP attempts were made, retries included.", javaType = "int")
    public static final String ATTEMPT_COUNT = "CamelDfineryAttemptCount";

    @Metadata(label = "producer", description = "The event_log_id of every event sent, in order; the ids generated for "
                                                + "events that had none are here too.",
              javaType = "java.util.List<String>")
    public static final String EVENT_LOG_IDS = "CamelDfineryEventLogIds";

    @Metadata(label = "producer", description = "For dfinery:event: what identifies the message at its source, for "
                                                + "example ${header.CamelKafkaTopic}-${header.CamelKafkaPartition}-"
                                                + "${header.CamelKafkaOffset} (camel-kafka 4's headers; Camel 3 named "
                                                + "them kafka.TOPIC ...) or ${header.JMSMessageID}. A key without a "
                                                + "letter or digit (--, from parts that came out empty) is refused. "
                                                + "Each event "
                                                + "without an event_log_id of its own (a DfineryEvent built without "
                                                + "one included) gets the name-based UUID of this key and its place "
                                                + "in the message (DfineryEventLogIds.fromKey), so a redelivered "
                                                + "message sends the same ids and DFINERY stores its events once. "
                                                + "Without it such events get random ids.",
              javaType = "String")
    public static final String EVENT_LOG_ID_KEY = "CamelDfineryEventLogIdKey";

    @Metadata(label = "producer", description = "The rate-limit window of the last response, as DFINERY writes it (1m, 1H).",
              javaType = "String")
    public static final String RATE_LIMIT_WINDOW = "CamelDfineryRateLimitWindow";

    @Metadata(label = "producer", description = "Requests remaining in the current rate-limit window, from the last "
                                                + "response.",
              javaType = "Long")
    public static final String RATE_LIMIT_REMAINING = "CamelDfineryRateLimitRemaining";

    @Metadata(label = "producer", description = "When the current rate-limit window resets, from the last response.",
              javaType = "java.time.Instant")
    public static final String RATE_LIMIT_RESET = "CamelDfineryRateLimitReset";

    @Metadata(label = "producer", description = "Requests spent in the current rate-limit window of this service and "
                                                + "API: the configured quota minus what the last response said remains.",
              javaType = "Long")
    public static final String QUOTA_USED = "CamelDfineryQuotaUsed";

    @Metadata(label = "consumer", description = "What was exported: events or userProfiles.",
              javaType = "io.github.cameldfinery.component.api.DfineryExportDataset")
    public static final String EXPORT_DATASET = "CamelDfineryExportDataset";

    @Metadata(description = "The first day of the exported event window (UTC), as ISO text (yyyy-MM-dd) so that a "
                            + "file name made from it reads the same in every runtime; for the export producer, "
                            + "overrides the fromDate option (a LocalDate or yyyy-MM-dd).",
              javaType = "String")
    public static final String EXPORT_FROM_DATE = "CamelDfineryExportFromDate";

    @Metadata(description = "The last day, inclusive, of the exported event window (UTC), as ISO text (yyyy-MM-dd); "
                            + "for the export producer, overrides the toDate option (a LocalDate or yyyy-MM-dd).",
              javaType = "String")
    public static final String EXPORT_TO_DATE = "CamelDfineryExportToDate";

    @Metadata(label = "consumer", description = "The 0-based index of the row (or of the first row of a batch) "
                                                + "within its export call.",
              javaType = "long")
    public static final String EXPORT_ROW_INDEX = "CamelDfineryExportRowIndex";

    @Metadata(label = "consumer", description = "Whether this exchange holds the last row of its export call.",
              javaType = "boolean")
    public static final String EXPORT_LAST_ROW = "CamelDfineryExportLastRow";

    @Metadata(description = "How many rows the export call returned: on the last exchange of a window, and on the "
                            + "export producer's result.",
              javaType = "long")
    public static final String EXPORT_ROW_COUNT = "CamelDfineryExportRowCount";

    private DfineryConstants() {
    }
}

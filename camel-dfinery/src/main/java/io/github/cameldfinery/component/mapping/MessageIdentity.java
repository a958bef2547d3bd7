package io.github.cameldfinery.component.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldfinery.component.DfineryConstants;
import org.apache.camel.Message;

/** The identity given in the message headers, for bodies that carry none. */
final class MessageIdentity {

    private MessageIdentity() {
    }

    /** The header identity as a tree, or null when the headers name none. */
    static JsonNode from(Message message) {
        Object identity = message.getHeader(DfineryConstants.IDENTITY);
        if (identity != null) {
            return JsonTrees.toTree(identity, "header " + DfineryConstants.IDENTITY);
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        copy(message, DfineryConstants.EXTERNAL_ID, "external_id", node);
        copy(message, DfineryConstants.PHONE_NO, "phone_no", node);
        copy(message, DfineryConstants.EMAIL, "email", node);
        copy(message, DfineryConstants.KAKAO_USER_ID, "kakao_user_id", node);
        copy(message, DfineryConstants.LINE_USER_ID, "line_user_id", node);
        return node.isEmpty() ? null : node;
    }

    private static void copy(Message message, String header, String field, ObjectNode into) {
        String value = message.getHeader(header, String.class);
        if (value != null) {
            into.put(field, value);
        }
    }
}

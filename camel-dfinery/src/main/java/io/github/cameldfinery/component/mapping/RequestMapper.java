package io.github.cameldfinery.component.mapping;

import java.util.List;

import io.github.cameldfinery.component.api.ImportRequest;
import org.apache.camel.Message;

/** Turns a message into the DFINERY requests it stands for, validating everything before anything is sent. */
public interface RequestMapper {

    /**
     * @throws io.github.cameldfinery.component.error.DfineryValidationException naming the offending field
     */
    List<ImportRequest> toRequests(Message message, MessageHeaders headers);
}

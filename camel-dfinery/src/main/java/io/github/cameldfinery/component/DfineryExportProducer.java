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

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.cameldfinery.component.error.DfineryAuthenticationException;
import io.github.cameldfinery.component.error.DfineryConnectionException;
import io.github.cameldfinery.component.export.CsvRows;
import io.github.cameldfinery.component.export.ExportBodyStream;
import io.github.cameldfinery.component.export.ExportDelivery;
import io.github.cameldfinery.component.export.ExportProgress;
import io.github.cameldfinery.component.export.ExportRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.util.ObjectHelper;

/**
 * {@code to("dfinery:export")}: an ad-hoc export. The request comes from the endpoint's options, with the day
 * range from the headers {@code CamelDfineryExportFromDate} / {@code ToDate} (or the fromDate / toDate options), or
 * from an {@link ExportRequest} body. The result is the list of rows, or with outputMode=stream the open CSV stream
 * (close it when done).
 */
public class DfineryExportProducer extends DefaultProducer {

    private final DfineryConfiguration config;
    private DfineryServices services;
    private ExportDelivery delivery;
    private DfineryProducerHealthCheck health;

    public DfineryExportProducer(DfineryEndpoint endpoint) {
        super(endpoint);
        this.config = endpoint.getConfiguration();
    }

    @Override
    public DfineryEndpoint getEndpoint() {
        return (DfineryEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        services = getEndpoint().services();
        delivery = services.exportDelivery(config);
        health = getEndpoint().producerHealth();
        health.producerStarted();
    }

    @Override
    protected void doStop() throws Exception {
        if (health != null) {
            health.producerStopped();
        }
        // A stopped producer may be kept by JMX (its send processor): it must not keep the HTTP client with it.
        delivery = null;
        super.doStop();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        LocalDate today = LocalDate.now(services.clock().withZone(ZoneOffset.UTC));
        ExportRequest request;
        if (message.getBody() instanceof ExportRequest) {
            request = message.getBody(ExportRequest.class);
            request.validate(today, config.getLookbackDays());
        } else {
            LocalDate from = date(message.getHeader(DfineryConstants.EXPORT_FROM_DATE), config.getFromDate(), "fromDate");
            LocalDate to = date(message.getHeader(DfineryConstants.EXPORT_TO_DATE), config.getToDate(), "toDate");
            request = config.exportRequest(from, to == null ? from : to, today);
        }
        String serviceId = ServiceIds.resolve(exchange, config.getServiceId());
        if (ObjectHelper.isEmpty(config.getBearerToken())) {
            throw DfineryAuthenticationException.missingToken("bearerToken", DfinerySecrets.BEARER_TOKEN);
        }
        try {
            export(exchange, serviceId, request);
        } catch (Exception e) {
            health.failed(e);
            throw e;
        }
        health.succeeded();
    }

    /** The export call, under a slot of the service's budget: its rows, or its open CSV stream, in the message. */
    private void export(Exchange exchange, String serviceId, ExportRequest request) throws Exception {
        Message message = exchange.getMessage();
        if (config.getOutputMode() == DfineryExportOutput.stream) {
            // The slot goes back when the body is closed or read to its end; a body still open when the exchange
            // is over is aborted after exportReadTimeout without a read.
            ExportBodyStream body = delivery.open(serviceId, config.getBearerToken(), request);
            describe(exchange, serviceId, request);
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                    body.unattended();
                }
            });
            message.setBody(body);
            return;
        }
        List<Map<String, String>> rows = delivery.read(serviceId, config.getBearerToken(), request,
                ExportProgress.NONE, (body, count) -> {
                    describe(exchange, serviceId, request);
                    List<Map<String, String>> read = new ArrayList<>();
                    try (body; CsvRows csv = new CsvRows(body, request.requiredColumns())) {
                        while (csv.hasNext()) {
                            read.add(csv.next());
                            count.set(read.size());
                        }
                    } catch (IOException e) {
                        throw new DfineryConnectionException("The export body ended early after " + read.size()
                                                             + " rows", true, e);
                    }
                    return read;
                });
        message.setBody(rows);
        message.setHeader(DfineryConstants.EXPORT_ROW_COUNT, (long) rows.size());
    }

    /** What was exported, in headers: the service, the dataset and the days. */
    private static void describe(Exchange exchange, String serviceId, ExportRequest request) {
        ServiceIds.write(exchange, serviceId);
        Message message = exchange.getMessage();
        message.setHeader(DfineryConstants.EXPORT_DATASET, request.dataset());
        message.setHeader(DfineryConstants.EXPORT_FROM_DATE, isoText(request.from()));
        message.setHeader(DfineryConstants.EXPORT_TO_DATE, isoText(request.to()));
    }

    /** ISO text, not a LocalDate: Spring Boot's conversion service would turn a LocalDate into a locale's date. */
    private static String isoText(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static LocalDate date(Object header, String option, String name) {
        if (header instanceof LocalDate) {
            return (LocalDate) header;
        }
        if (header != null) {
            return ExportRequest.date(header.toString(), name);
        }
        return option == null ? null : ExportRequest.date(option, name);
    }
}

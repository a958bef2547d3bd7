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
package io.github.cameldfinery.emulator.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Settings of the whole emulator: where it listens, how it answers over-limit and failed requests, and its
 * services. Built in Java with the fluent setters or read from YAML/JSON with {@link #read(Path)}.
 */
public final class EmulatorConfig {

    /** How an over-limit import request is answered: project decision 5 (rate limiting). */
    public enum RateLimitAnswer {
        /** HTTP 429 with the import envelope {@code 40401 TOO_MANY_REQUEST} (the default). */
        HTTP_429,
        /** HTTP 200 with {@code 40401 TOO_MANY_REQUEST}, as the docs' detailed-code table shows it. */
        HTTP_200
    }

    /** Spelling of the rate-limit headers. */
    public enum HeaderSpelling {
        /** {@code x-ratelimit-limit}, as in the docs' curl examples (the default). */
        LOWERCASE,
        /** {@code X-Rate-Limit-Limit}, as in the docs' header table. */
        HYPHENATED
    }

    /** Unit of {@code x-ratelimit-reset}. */
    public enum ResetUnit {
        MILLISECONDS,
        SECONDS
    }

    /** How an export's CSV body is framed on the wire. */
    public enum BodyFraming {
        /** Chunked transfer encoding: a body cut short never ends, so a client always knows (the default). */
        CHUNKED,
        /**
         * Neither a length nor chunking: the body ends when the server closes the connection, as an HTTP/1.0 proxy
         * in front of the API answers. A body cut short ends as a whole one does.
         */
        CLOSE
    }

    @JsonProperty("host")
    private String host = "127.0.0.1";
    @JsonProperty("port")
    private int port;
    @JsonProperty("rate_limit_answer")
    private RateLimitAnswer rateLimitAnswer = RateLimitAnswer.HTTP_429;
    @JsonProperty("rate_limit_headers")
    private HeaderSpelling headerSpelling = HeaderSpelling.LOWERCASE;
    @JsonProperty("rate_limit_reset_unit")
    private ResetUnit resetUnit = ResetUnit.MILLISECONDS;
    @JsonProperty("import_errors_as_http_status")
    private boolean importErrorsAsHttpStatus;
    @JsonProperty("export_lookback_days")
    private int exportLookbackDays = 30;
    @JsonProperty("request_log_size")
    private int requestLogSize = 1000;
    @JsonProperty("export_body_framing")
    private BodyFraming exportBodyFraming = BodyFraming.CHUNKED;
    @JsonProperty("services")
    private List<ServiceConfig> services = new ArrayList<>();
    @JsonIgnore
    private Clock clock = Clock.systemUTC();

    /** Reads a YAML or JSON file (JSON is YAML too); field names are snake_case. */
    public static EmulatorConfig read(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING)
                .enable(com.fasterxml.jackson.databind.MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS);
        EmulatorConfig config = mapper.readValue(Files.readAllBytes(file), EmulatorConfig.class);
        config.validate();
        return config;
    }

    /** A config with one demo service, for trying the emulator by hand. */
    public static EmulatorConfig demo() {
        return new EmulatorConfig().service(new ServiceConfig("demo-service", "demo-import-token", "demo-export-token"));
    }

    public EmulatorConfig host(String host) {
        this.host = host;
        return this;
    }

    /** The port to listen on; 0 (the default) picks a free one. */
    public EmulatorConfig port(int port) {
        this.port = port;
        return this;
    }

    public EmulatorConfig rateLimitAnswer(RateLimitAnswer answer) {
        this.rateLimitAnswer = answer;
        return this;
    }

    public EmulatorConfig headerSpelling(HeaderSpelling spelling) {
        this.headerSpelling = spelling;
        return this;
    }

    public EmulatorConfig resetUnit(ResetUnit unit) {
        this.resetUnit = unit;
        return this;
    }

    /**
     * The docs list every detailed import code under HTTP 200 (the default here). When true, 400xx codes come
     * with HTTP 400 and 50000 with HTTP 500 instead, so that clients can be tested against both.
     */
    public EmulatorConfig importErrorsAsHttpStatus(boolean httpStatus) {
        this.importErrorsAsHttpStatus = httpStatus;
        return this;
    }

    public EmulatorConfig exportLookbackDays(int days) {
        this.exportLookbackDays = days;
        return this;
    }

    /** How many recent requests (with bodies) each service keeps for inspection; counters are unbounded. */
    public EmulatorConfig requestLogSize(int size) {
        this.requestLogSize = size;
        return this;
    }

    /**
     * How export CSV bodies are framed. With {@link BodyFraming#CLOSE}, a front on the emulator's port passes every
     * request and answer through and sends every {@code text/csv} answer without Content-Length or chunking, closing
     * the connection at its end.
     */
    public EmulatorConfig exportBodyFraming(BodyFraming framing) {
        this.exportBodyFraming = framing;
        return this;
    }

    /** The clock behind "today" (export lookback), server timestamps and rate-limit windows. */
    public EmulatorConfig clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    public EmulatorConfig service(ServiceConfig service) {
        this.services.add(service);
        return this;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public RateLimitAnswer rateLimitAnswer() {
        return rateLimitAnswer;
    }

    public HeaderSpelling headerSpelling() {
        return headerSpelling;
    }

    public ResetUnit resetUnit() {
        return resetUnit;
    }

    public boolean importErrorsAsHttpStatus() {
        return importErrorsAsHttpStatus;
    }

    public int exportLookbackDays() {
        return exportLookbackDays;
    }

    public int requestLogSize() {
        return requestLogSize;
    }

    public BodyFraming exportBodyFraming() {
        return exportBodyFraming;
    }

    public Clock clock() {
        return clock;
    }

    public List<ServiceConfig> services() {
        return List.copyOf(services);
    }

    public void validate() {
        Set<String> ids = new HashSet<>();
        for (ServiceConfig service : services) {
            service.validate();
            if (!ids.add(service.serviceId())) {
                throw new IllegalArgumentException("service_id '" + service.serviceId() + "' is configured twice");
            }
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (exportLookbackDays < 0) {
            throw new IllegalArgumentException("export_lookback_days must not be negative");
        }
        host = host.toLowerCase(Locale.ROOT);
    }
}

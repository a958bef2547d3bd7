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
package io.github.cameldfinery.brokers;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.processor.DelegateAsyncProcessor;

/**
 * One replica of a recipe of docs/brokers.md, in a JVM of its own: a Camel Main application configured by a
 * properties file only, with the recipe's YAML routes. Arguments: the properties file, the routes' include pattern.
 * Says READY once its routes run and stops on a line of standard input.
 *
 * <p>With the system property {@code hold-after-sends=N}, the replica stops dead right after DFINERY accepted the
 * N-th message it sent (before the route commits the Kafka offset or the JMS transaction) and says {@code HELD}: the
 * test then kills it there, which is the moment where a crash makes the broker deliver a message whose events DFINERY
 * has already stored.
 */
public final class BrokerReplica {

    private BrokerReplica() {
    }

    public static void main(String[] args) throws Exception {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(args[0]))) {
            properties.load(reader);
        }
        int holdAfter = Integer.getInteger("hold-after-sends", 0);
        Main main = new Main();
        main.setOverrideProperties(properties);
        main.configure().withRoutesIncludePattern(args[1]);
        if (holdAfter > 0) {
            main.addMainListener(new MainListenerSupport() {
                @Override
                public void afterConfigure(BaseMainSupport support) {
                    support.getCamelContext().getCamelContextExtension().addInterceptStrategy(new HoldAfterSends(holdAfter,
                            System.getProperty("hold-uri-prefix", "dfinery:"),
                            System.getProperty("hold-print-header", "CamelDfineryEventLogIds")));
                }
            });
        }
        main.start();
        try {
            ChildJvm.readyThenAwaitInput();
        } finally {
            main.stop();
        }
    }

    /**
     * Wraps each {@code to} an endpoint whose URI starts with {@code hold-uri-prefix} (a dfinery endpoint unless
     * told): once the N-th send has been accepted, the thread that completes it blocks for good, so the route never
     * reaches its commit (or its exchange never completes); the line {@code HELD} gives the header
     * {@code hold-print-header} of the exchange held (the event ids unless told).
     */
    static final class HoldAfterSends implements InterceptStrategy {

        private final int sends;
        private final String uriPrefix;
        private final String printHeader;
        private final AtomicInteger accepted = new AtomicInteger();

        HoldAfterSends(int sends, String uriPrefix, String printHeader) {
            this.sends = sends;
            this.uriPrefix = uriPrefix;
            this.printHeader = printHeader;
        }

        @Override
        public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target,
                                                     Processor nextTarget) {
            if (!(definition instanceof ToDefinition to) || !to.getUri().startsWith(uriPrefix)) {
                return target;
            }
            AsyncProcessor async = AsyncProcessorConverterHelper.convert(target);
            return new DelegateAsyncProcessor(async) {
                @Override
                public boolean process(Exchange exchange, AsyncCallback callback) {
                    return super.process(exchange, doneSync -> {
                        if (exchange.getException() == null && accepted.incrementAndGet() == sends) {
                            System.out.println("HELD " + exchange.getMessage().getHeader(printHeader));
                            System.out.flush();
                            try {
                                new CountDownLatch(1).await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                        callback.done(doneSync);
                    });
                }
            };
        }
    }
}

package io.github.cameldfinery.redis;

import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.cameldfinery.component.DfineryComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One replica of an application that exports events, in a JVM of its own: shared cursor, claims on windows, export
 * budget and idempotent repository, all on one Redis. Arguments: emulator base URI, Redis URI, cursor key, start
 * date, the file this replica's downstream appends delivered event ids to, and the number of rows after which the
 * process crashes (halts, as a kill would; 0 never). Runs until killed.
 */
public final class ExportReplica {

    static final int EXPORT_QUOTA = 20;

    private ExportReplica() {
    }

    public static void main(String[] args) throws Exception {
        String redisUri = args[1];
        int crashAfter = Integer.parseInt(args[5]);
        AtomicInteger rows = new AtomicInteger();
        try (OutputStream downstream = new FileOutputStream(args[4], true);
             CamelContext context = new DefaultCamelContext()) {
            DfineryComponent component = Application.component(URI.create(args[0]));
            component.setQuotaStoreUri(redisUri);
            component.getConfiguration().setExportQuota(EXPORT_QUOTA);
            context.addComponent("dfinery", component);
            context.getRegistry().bind("cursor", new RedisStateRepository(redisUri));
            context.getRegistry().bind("claims", new RedisExportClaims(redisUri, Duration.ofSeconds(2)));
            context.getRegistry().bind("delivered", new RedisIdempotentRepository(redisUri, "delivered:", Duration.ofDays(31)));
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("dfinery:export?stateRepository=#cursor&exportClaims=#claims&delay=20&maxWindowsPerPoll=1"
                         + "&cursorKey=" + args[2] + "&startDate=" + args[3])
                            .idempotentConsumer(simple("${body[df_event_log_id]}")).idempotentRepository("delivered")
                            .process(e -> {
                                String id = e.getMessage().getBody(Map.class).get("df_event_log_id").toString();
                                downstream.write((id + "\n").getBytes(StandardCharsets.UTF_8));
                                downstream.flush();
                                if (rows.incrementAndGet() == crashAfter) {
                                    // Between two rows of a window, with its claim held and the cursor not moved.
                                    Runtime.getRuntime().halt(137);
                                }
                            })
                            .delay(20);
                }
            });
            context.start();
            System.out.println("READY");
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
    }
}

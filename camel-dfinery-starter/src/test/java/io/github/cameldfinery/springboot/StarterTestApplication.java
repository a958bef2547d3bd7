package io.github.cameldfinery.springboot;

import java.net.http.HttpClient;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A new Spring Boot app with the starter and nothing else of DFINERY: a route and application.yaml. */
@SpringBootApplication
public class StarterTestApplication {

    /** The HTTP client named by camel.component.dfinery.http-client. */
    @Bean
    HttpClient dfineryHttpClient() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Bean
    RouteBuilder events() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:events").to("dfinery:event");
            }
        };
    }
}

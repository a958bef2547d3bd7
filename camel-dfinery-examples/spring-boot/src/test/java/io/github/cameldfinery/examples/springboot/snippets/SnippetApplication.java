package io.github.cameldfinery.examples.springboot.snippets;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A new Spring Boot app with the starter and nothing of its own: what an application.yaml snippet configures. */
@SpringBootApplication
public class SnippetApplication {
}

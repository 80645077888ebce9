package io.vizora.projector;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The projector's consumer groups are named {@code <generation>-<projection>}: a rebuild drops the
 * schema and starts a new generation, whose groups read every topic from the beginning.
 */
@ConfigurationProperties("vizora.projector")
public record ProjectorProperties(String generation, int concurrency) {

    public ProjectorProperties {
        generation = generation == null || generation.isBlank() ? "projector-1" : generation;
        concurrency = concurrency <= 0 ? 1 : concurrency;
    }

    public String consumer(String projection) {
        return generation + "-" + projection;
    }
}

package io.vizora.testsupport;

import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.ClientResponse;
import reactor.core.publisher.Flux;

/**
 * Test clients that read every response whole, into memory of their own, and release Netty's
 * buffers: a test that checks only the status would otherwise leave the body's pooled buffers
 * unreleased, which Netty's leak detector (paranoid in tests, {@link NettyLeaks}) reports. Streams
 * that never end are not for these clients.
 */
public final class WholeBodies implements WebTestClientBuilderCustomizer {

    @Override
    public void customize(WebTestClient.Builder builder) {
        builder.filter((request, next) -> next.exchange(request).flatMap(response -> DataBufferUtils.join(response.body((message, context) -> message.getBody()))
                .map(joined -> {
                    var copy = DefaultDataBufferFactory.sharedInstance.allocateBuffer(joined.readableByteCount());
                    copy.write(joined);
                    DataBufferUtils.release(joined);
                    return Flux.<DataBuffer>just(copy);
                })
                .defaultIfEmpty(Flux.empty())
                // a new response: mutating the old one would drain its body a second time
                .map(body -> ClientResponse.create(response.statusCode(), response.strategies())
                        .headers(headers -> headers.addAll(response.headers().asHttpHeaders()))
                        .cookies(cookies -> cookies.addAll(response.cookies()))
                        .request(response.request())
                        .body(body).build())));
    }
}

package io.vizora.command.web;

import io.r2dbc.spi.R2dbcTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemDetailsAdviceTests {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();
    private final MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/playlists"));

    @Test
    void aRequestThatWaitedTooLongForTheDatabaseIsRefusedAsBusyWithATimeToRetry() {
        var response = advice.unexpected(new DataAccessResourceFailureException("Failed to obtain R2DBC Connection",
                new R2dbcTimeoutException("Connection acquisition timed out after 1000ms")), exchange).block();

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(response.getBody().getDetail()).isEqualTo("The service is busy; retry in a second.");
    }

    @Test
    void aRequestTheObjectStoreDidNotAnswerIsA503WithATimeToRetryThatSaysNothingOfItsCause() {
        var response = advice.unexpected(new io.vizora.platform.objectstore.ObjectStoreException("object store request failed on bucket secret-bucket",
                new java.net.ConnectException("Connection refused")), exchange).block();

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(response.getBody().getTitle()).isEqualTo("Content store unavailable");
        assertThat(response.getBody().getDetail()).doesNotContain("secret").doesNotContain("refused");
    }

    @Test
    void anythingElseUnexpectedIsA500ThatSaysNothingOfItsCause() {
        var response = advice.unexpected(new IllegalStateException("secret internals"), exchange).block();

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(response.getBody().getDetail()).doesNotContain("secret");
    }

    @Test
    void aClientThatHungUpGetsNoAnswerAndIsNoError() {
        var response = advice.unexpected(new reactor.netty.channel.AbortedException("Connection has been closed BEFORE send operation"), exchange).blockOptional();

        assertThat(response).isEmpty();
    }
}

package io.vizora.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BearerTokensTests {

    private static final String JWT = "eyJraWQiOiJrMSJ9.eyJzdWIiOiJ1In0.c2lnbmF0dXJl";

    @Test
    void everyAuthorizationHeaderIsReadAsSpringSecuritysOwnConverterReadsIt() {
        var headers = new ArrayList<>(List.of("Bearer " + JWT, "bearer " + JWT, "BEARER " + JWT, "Bearer abc==", "Bearer abc=d",
                "Bearer ==", "Bearer ", "Bearer", "Bearer  " + JWT, "Bearer " + JWT + " ", "Bearer\t" + JWT, "Bearer a~b+c/d-e.f_g",
                "Bearer caf\u00e9", "Bearer a,b", "Bearerx " + JWT, "Basic dXNlcjpwYXNz", "bearer", "token " + JWT, "Bear", ""));
        for (char c = 0; c < 256; c++) {
            headers.add("Bearer a" + c + "b");
        }
        for (var header : headers) {
            assertThat(verdict(new BearerTokens(), header)).as("<%s>", header).isEqualTo(verdict(new ServerBearerTokenAuthenticationConverter(), header));
        }
    }

    @Test
    void aRequestWithoutAnAuthorizationHeaderCarriesNoToken() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/me"));

        assertThat(new BearerTokens().convert(exchange).blockOptional()).isEmpty();
    }

    /** The token read, "none", or the error's description. */
    private static String verdict(ServerAuthenticationConverter converter, String header) {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/me").header("Authorization", header));
        try {
            Authentication read = converter.convert(exchange).block();
            return read == null ? "none" : ((BearerTokenAuthenticationToken) read).getToken();
        } catch (RuntimeException e) {
            return "error: " + e.getMessage();
        }
    }
}

package io.vizora.command.identity.web;

import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;

import java.time.Duration;

/**
 * The console's refresh token, as a cookie scripts never read: httpOnly, SameSite=Strict (no other
 * site's page can make the browser send it), sent only to the authentication routes, and Secure
 * whenever the browser came over HTTPS (to the edge or a proxy in front of it).
 */
final class SessionCookie {

    static final String NAME = "vizora_refresh";
    private static final String PATH = "/api/v1/auth";

    private final Duration lifetime;

    SessionCookie(Duration lifetime) {
        this.lifetime = lifetime;
    }

    ResponseCookie of(String refreshToken, ServerHttpRequest request) {
        return builder(refreshToken, request).maxAge(lifetime).build();
    }

    ResponseCookie cleared(ServerHttpRequest request) {
        return builder("", request).maxAge(Duration.ZERO).build();
    }

    String of(ServerHttpRequest request) {
        var cookie = request.getCookies().getFirst(NAME);
        return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
    }

    private static ResponseCookie.ResponseCookieBuilder builder(String value, ServerHttpRequest request) {
        var secure = "https".equals(request.getURI().getScheme())
                || "https".equalsIgnoreCase(request.getHeaders().getFirst("X-Forwarded-Proto"));
        return ResponseCookie.from(NAME, value).httpOnly(true).sameSite("Strict").path(PATH).secure(secure);
    }
}

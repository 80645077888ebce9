package io.vizora.edge;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebFilter;

import java.time.Duration;
import java.util.List;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.accept;

/**
 * The console is a single-page application: any page address a browser asks for (`/displays`,
 * `/login?next=...`) gets its index.html, and the console's router draws the page. Addresses that
 * belong to the APIs, the console's assets or the edge itself never do. Every answer of the edge's
 * own carries a strict Content-Security-Policy: scripts and styles from this origin only, nothing inline.
 */
@Configuration(proxyBeanMethods = false)
class ConsolePages {

    /**
     * Nothing inline, nothing from elsewhere but the object store: the console puts large uploads
     * there and shows images and videos from there, by presigned URL.
     */
    static String contentSecurityPolicy(List<String> objectStore) {
        var store = objectStore.stream().map(origin -> " " + origin).collect(java.util.stream.Collectors.joining());
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:" + store + "; media-src 'self' blob:" + store
                + "; connect-src 'self'" + store + "; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }
    private static final List<String> NOT_PAGES = List.of("/api/", "/device/", "/partner/", "/.well-known/", "/v3/", "/actuator", "/assets/");

    @Bean
    RouterFunction<ServerResponse> pages(EdgeProperties properties) {
        RequestPredicate page = request -> NOT_PAGES.stream().noneMatch(prefix -> request.path().startsWith(prefix));
        return RouterFunctions.route(GET("/**").and(accept(MediaType.TEXT_HTML)).and(page), request -> ServerResponse.ok()
                .contentType(MediaType.TEXT_HTML)
                // the page names its fingerprinted assets: it must never be cached, they may be for ever
                .cacheControl(CacheControl.noCache())
                .bodyValue(new FileSystemResource(properties.consoleDir().resolve("index.html"))));
    }

    /** Security headers on what the edge answers itself; the services behind it set their own. */
    @Bean
    WebFilter consoleHeaders(EdgeProperties properties) {
        var policy = contentSecurityPolicy(properties.objectStoreSources());
        return (exchange, chain) -> {
            var path = exchange.getRequest().getPath().value();
            var own = NOT_PAGES.stream().noneMatch(path::startsWith) || path.startsWith("/assets/");
            if (own) {
                exchange.getResponse().beforeCommit(() -> {
                    var headers = exchange.getResponse().getHeaders();
                    headers.set("Content-Security-Policy", policy);
                    headers.set("X-Content-Type-Options", "nosniff");
                    headers.set("Referrer-Policy", "no-referrer");
                    headers.set("X-Frame-Options", "DENY");
                    if (path.startsWith("/assets/")) {
                        headers.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
                    }
                    return reactor.core.publisher.Mono.empty();
                });
            }
            return chain.filter(exchange);
        };
    }
}

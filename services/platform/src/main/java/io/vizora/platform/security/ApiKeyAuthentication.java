package io.vizora.platform.security;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Partner systems authenticate with {@code Authorization: ApiKey vzk_...}, wherever they call: a key
 * is known by its SHA-256 only (stored by the command service, announced in {@code api_key_created}),
 * and its scopes become authorities ({@code SCOPE_events:read}).
 */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    /** Keys carry a prefix so that leaked ones are easy to recognise (secret scanners, logs). */
    public static final String KEY_PREFIX = "vzk_";
    static final String SCOPE_PREFIX = "SCOPE_";
    private static final String SCHEME = "ApiKey ";

    private final transient String presented;
    private final transient Object holder;
    private final String name;

    private ApiKeyAuthentication(String presented) {
        super(List.of());
        this.presented = presented;
        this.holder = null;
        this.name = "apikey";
    }

    private ApiKeyAuthentication(Object holder, String name, Collection<String> scopes) {
        super(scopes.stream().map(scope -> new SimpleGrantedAuthority(SCOPE_PREFIX + scope)).toList());
        this.presented = null;
        this.holder = holder;
        this.name = name;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return presented;
    }

    /** Whoever the key belongs to, as the service's own lookup found them. */
    @Override
    public Object getPrincipal() {
        return holder;
    }

    @Override
    public String getName() {
        return name;
    }

    /** The SHA-256 of a key's UTF-8 bytes. */
    public static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The digest as events carry it: base64url without padding. */
    public static String digestText(String key) {
        return digestText(digest(key));
    }

    public static String digestText(byte[] digest) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    /**
     * Authenticates the {@code ApiKey} scheme: {@code holderOf} finds a live key's holder by the presented
     * key (which becomes the principal), {@code name} and {@code scopes} say who it is and what it may do.
     */
    public static <H> AuthenticationWebFilter filter(Function<String, Mono<H>> holderOf, Function<H, String> name,
                                                     Function<H, Collection<String>> scopes, ServerAuthenticationEntryPoint unauthenticated) {
        ReactiveAuthenticationManager manager = authentication -> holderOf.apply((String) authentication.getCredentials())
                .<Authentication>map(holder -> new ApiKeyAuthentication(holder, name.apply(holder), scopes.apply(holder)))
                .switchIfEmpty(Mono.error(new BadCredentialsException("unknown or revoked API key")));
        var filter = new AuthenticationWebFilter(manager);
        filter.setServerAuthenticationConverter(exchange -> {
            var header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            return header != null && header.startsWith(SCHEME + KEY_PREFIX)
                    ? Mono.just(new ApiKeyAuthentication(header.substring(SCHEME.length()).strip()))
                    : Mono.empty();
        });
        filter.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(unauthenticated));
        return filter;
    }
}

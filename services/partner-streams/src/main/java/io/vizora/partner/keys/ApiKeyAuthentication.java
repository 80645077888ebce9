package io.vizora.partner.keys;

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

import java.util.List;

/**
 * Partners present the key the command service gave them, {@code Authorization: ApiKey vzk_...};
 * its scopes become authorities ({@code SCOPE_events:read}).
 */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private static final String SCHEME = "ApiKey ";
    private static final String KEY_PREFIX = "vzk_";

    private final transient String presented;
    private final transient PartnerKeys.Partner partner;

    private ApiKeyAuthentication(String presented) {
        super(List.of());
        this.presented = presented;
        this.partner = null;
    }

    private ApiKeyAuthentication(PartnerKeys.Partner partner) {
        super(partner.scopes().stream().map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope)).toList());
        this.presented = null;
        this.partner = partner;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return presented;
    }

    @Override
    public PartnerKeys.Partner getPrincipal() {
        return partner;
    }

    @Override
    public String getName() {
        return partner == null ? "apikey" : "apikey:" + partner.apiKeyId();
    }

    public static AuthenticationWebFilter filter(PartnerKeys keys, ServerAuthenticationEntryPoint unauthenticated) {
        ReactiveAuthenticationManager manager = authentication -> keys.partner((String) authentication.getCredentials())
                .<Authentication>map(ApiKeyAuthentication::new)
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

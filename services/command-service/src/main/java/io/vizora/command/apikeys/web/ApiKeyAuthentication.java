package io.vizora.command.apikeys.web;

import io.vizora.command.apikeys.application.ApiKeyService;
import io.vizora.command.apikeys.domain.ApiKeyPrincipal;
import io.vizora.command.apikeys.persistence.ApiKeyRepository;
import io.vizora.command.identity.tokens.OpaqueTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import reactor.core.publisher.Mono;

/**
 * Partner systems authenticate with {@code Authorization: ApiKey vzk_...}; the key is looked up
 * by its hash, and its scopes become authorities ({@code SCOPE_displays:read}).
 */
public final class ApiKeyAuthentication {

    private static final String SCHEME = "ApiKey ";

    private ApiKeyAuthentication() {
    }

    /** An authenticated partner system. */
    public static final class Token extends AbstractAuthenticationToken {

        private final transient Object credentials;
        private final ApiKeyPrincipal principal;

        private Token(String key) {
            super(java.util.List.of());
            this.credentials = key;
            this.principal = null;
        }

        private Token(ApiKeyPrincipal principal) {
            super(principal.scopes().stream().map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope.code())).toList());
            this.credentials = null;
            this.principal = principal;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return credentials;
        }

        @Override
        public Object getPrincipal() {
            return principal;
        }

        @Override
        public String getName() {
            return principal == null ? "apikey" : principal.name();
        }
    }

    public static AuthenticationWebFilter filter(ApiKeyRepository keys, ServerAuthenticationEntryPoint unauthenticated) {
        ReactiveAuthenticationManager manager = authentication -> {
            var key = (String) authentication.getCredentials();
            return keys.principal(OpaqueTokens.hash(key))
                    .<Authentication>map(Token::new)
                    .switchIfEmpty(Mono.error(new BadCredentialsException("unknown or revoked API key")));
        };
        var filter = new AuthenticationWebFilter(manager);
        filter.setServerAuthenticationConverter(exchange -> {
            var header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            return header != null && header.startsWith(SCHEME + ApiKeyService.KEY_PREFIX)
                    ? Mono.just(new Token(header.substring(SCHEME.length()).strip()))
                    : Mono.empty();
        });
        filter.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(unauthenticated));
        return filter;
    }
}

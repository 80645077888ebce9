package io.vizora.partner;

import io.vizora.platform.security.BearerTokens;
import io.vizora.platform.security.StatelessApi;
import io.vizora.partner.feed.PartnerFold;
import io.vizora.platform.security.Scope;
import io.vizora.platform.edge.ProblemWriter;
import io.vizora.platform.security.AccessRevocations;
import io.vizora.platform.security.OperatorTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Two kinds of caller: partner systems read the feed ({@code /partner/v1/**}) with an API key that
 * has the {@code events:read} scope; operators who may manage API keys (owners and admins) manage
 * webhooks ({@code /api/v1/**}) with their access token.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class PartnerSecurity {

        private static final List<String> WEBHOOK_MANAGERS = List.of("owner", "admin");

    @Bean
    ReactiveJwtDecoder jwtDecoder(@Value("${vizora.tokens.jwks-uri}") String jwksUri, @Value("${vizora.tokens.issuer}") String issuer,
                                  AccessRevocations revocations) {
        return revocations.guard(OperatorTokens.decoder(jwksUri, issuer));
    }

    @Bean
    @Order(1)
    SecurityWebFilterChain partnerChain(ServerHttpSecurity http, DatabaseClient db, ProblemWriter problems, AccessRevocations revocations) {
        ServerAuthenticationEntryPoint unauthenticated = problems::unauthenticated;
        return StatelessApi.stateless(http)
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers("/partner/**"))
                .addFilterAt(PartnerFold.KEYS.filter(db, revocations, unauthenticated), SecurityWebFiltersOrder.AUTHENTICATION)
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthenticated).accessDeniedHandler(problems::forbidden))
                .authorizeExchange(routes -> routes.anyExchange().hasAuthority(Scope.EVENTS_READ.authority()))
                .build();
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain operatorChain(ServerHttpSecurity http, ProblemWriter problems) {
        return StatelessApi.stateless(http)
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems::unauthenticated).accessDeniedHandler(problems::forbidden))
                .oauth2ResourceServer(server -> server.bearerTokenConverter(new BearerTokens()).authenticationEntryPoint(problems::unauthenticated).accessDeniedHandler(problems::forbidden).jwt(jwt -> jwt.jwtAuthenticationConverter(token -> Mono.just(
                        new JwtAuthenticationToken(token, List.of(new SimpleGrantedAuthority("ROLE_" + OperatorTokens.role(token))))))))
                .authorizeExchange(routes -> routes
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/actuator/info").permitAll()
                        .pathMatchers("/v3/api-docs", "/v3/api-docs/**").permitAll()
                        .pathMatchers("/api/v1/webhooks/**", "/api/v1/webhooks")
                        .hasAnyAuthority(WEBHOOK_MANAGERS.stream().map(role -> "ROLE_" + role).toArray(String[]::new))
                        .anyExchange().denyAll())
                .build();
    }
}

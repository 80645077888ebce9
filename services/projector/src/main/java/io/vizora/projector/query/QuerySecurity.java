package io.vizora.projector.query;

import io.vizora.platform.security.BearerTokens;
import io.vizora.platform.security.StatelessApi;
import io.vizora.platform.edge.ProblemWriter;
import io.vizora.platform.security.AccessRevocations;
import io.vizora.platform.security.OperatorTokens;
import io.vizora.platform.security.Scope;
import io.vizora.projector.keys.KeyFold;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * The read API takes the operators' access tokens ({@link OperatorTokens}), refused once their
 * user's access changed ({@link AccessRevocations}), and partners' API keys with the scope a
 * read names. Every role reads the fleet, campaigns and statistics; the audit log, which says who
 * did what, is for owners and admins, as managing users and keys is.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class QuerySecurity {

    private static final String OPERATOR = "OPERATOR";

    @Bean
    ReactiveJwtDecoder jwtDecoder(@Value("${vizora.tokens.jwks-uri}") String jwksUri, @Value("${vizora.tokens.issuer}") String issuer,
                                  AccessRevocations revocations) {
        return revocations.guard(OperatorTokens.decoder(jwksUri, issuer));
    }

    @Bean
    SecurityWebFilterChain queryChain(ServerHttpSecurity http, ProblemWriter problems, DatabaseClient db, AccessRevocations revocations) {
        return StatelessApi.stateless(http)
                .addFilterAt(KeyFold.KEYS.filter(db, revocations, problems::unauthenticated), SecurityWebFiltersOrder.AUTHENTICATION)
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems::unauthenticated).accessDeniedHandler(problems::forbidden))
                .oauth2ResourceServer(server -> server.bearerTokenConverter(new BearerTokens()).authenticationEntryPoint(problems::unauthenticated)
                        .accessDeniedHandler(problems::forbidden).jwt(jwt -> jwt.jwtAuthenticationConverter(token -> Mono.just(
                                new JwtAuthenticationToken(token, List.of(new SimpleGrantedAuthority(OPERATOR),
                                        new SimpleGrantedAuthority("ROLE_" + OperatorTokens.role(token))))))))
                .authorizeExchange(routes -> routes
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/actuator/info").permitAll()
                        .pathMatchers("/v3/api-docs", "/v3/api-docs/**").permitAll()
                        .pathMatchers(HttpMethod.GET, "/api/v1/fleet", "/api/v1/fleet/changes", "/api/v1/displays/**").hasAnyAuthority(OPERATOR, Scope.DISPLAYS_READ.authority())
                        .pathMatchers(HttpMethod.GET, "/api/v1/campaign-overview").hasAnyAuthority(OPERATOR, Scope.CAMPAIGNS_READ.authority())
                        .pathMatchers(HttpMethod.GET, "/api/v1/stats/**").hasAnyAuthority(OPERATOR, Scope.STATS_READ.authority())
                        .pathMatchers(HttpMethod.GET, "/api/v1/audit").hasAnyAuthority("ROLE_owner", "ROLE_admin")
                        .anyExchange().hasAuthority(OPERATOR))
                .build();
    }
}

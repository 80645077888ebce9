package io.vizora.projector.query;

import io.vizora.platform.edge.ProblemWriter;
import io.vizora.platform.security.AccessRevocations;
import io.vizora.platform.security.OperatorTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * The read API takes the operators' access tokens ({@link OperatorTokens}), refused once their
 * user's access changed ({@link AccessRevocations}); every role may read.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class QuerySecurity {

    @Bean
    ReactiveJwtDecoder jwtDecoder(@Value("${vizora.tokens.jwks-uri}") String jwksUri, @Value("${vizora.tokens.issuer}") String issuer,
                                  AccessRevocations revocations) {
        return revocations.guard(OperatorTokens.decoder(jwksUri, issuer));
    }

    @Bean
    SecurityWebFilterChain queryChain(ServerHttpSecurity http, ProblemWriter problems) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems::unauthenticated).accessDeniedHandler(problems::forbidden))
                .oauth2ResourceServer(server -> server.authenticationEntryPoint(problems::unauthenticated)
                        .accessDeniedHandler(problems::forbidden).jwt(jwt -> { }))
                .authorizeExchange(routes -> routes
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/actuator/info").permitAll()
                        .pathMatchers("/v3/api-docs", "/v3/api-docs/**").permitAll()
                        .anyExchange().authenticated())
                .build();
    }
}

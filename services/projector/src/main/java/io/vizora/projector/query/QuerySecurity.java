package io.vizora.projector.query;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * The read API takes the operators' access tokens: ES256, verified against the command service's
 * key set by kid (so key rotation needs nothing here), with issuer and expiry checked. Tokens
 * without a role (device tokens) are refused; every role may read.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class QuerySecurity {

    @Bean
    ReactiveJwtDecoder jwtDecoder(@Value("${vizora.tokens.jwks-uri}") String jwksUri, @Value("${vizora.tokens.issuer}") String issuer) {
        var decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwksUri).jwsAlgorithm(SignatureAlgorithm.ES256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer), QuerySecurity::operator));
        return decoder;
    }

    private static OAuth2TokenValidatorResult operator(Jwt jwt) {
        return jwt.getClaimAsString(Callers.ROLE) != null && jwt.getClaimAsString(Callers.ORGANISATION) != null
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "not an operator's access token", null));
    }

    @Bean
    SecurityWebFilterChain queryChain(ServerHttpSecurity http) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .oauth2ResourceServer(server -> server.jwt(jwt -> { }))
                .authorizeExchange(routes -> routes
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/actuator/info").permitAll()
                        .anyExchange().authenticated())
                .build();
    }
}

package io.vizora.command.web;

import io.vizora.platform.security.BearerTokens;
import io.vizora.platform.security.StatelessApi;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import io.vizora.command.apikeys.domain.ApiKeyPrincipal;
import io.vizora.command.apikeys.persistence.ApiKeyRepository;
import io.vizora.platform.security.ApiKeyAuthentication;
import io.vizora.platform.security.AccessRevocations;
import io.vizora.platform.edge.ProblemWriter;
import io.vizora.platform.edge.RequestIdFilter;
import io.vizora.command.identity.domain.Role;
import io.vizora.command.identity.tokens.AccessTokens;
import io.vizora.command.identity.tokens.DeviceTokens;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;

/**
 * What every request passes through: security headers, CORS from configuration, and which
 * routes are open without an access token (an ES256 JWT from {@code /api/v1/auth/login}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(WebSecurityConfiguration.CorsProperties.class)
class WebSecurityConfiguration {

    private static final String DEVICE = "DEVICE";

    @ConfigurationProperties("vizora.web.cors")
    record CorsProperties(List<String> allowedOrigins) {

        CorsProperties {
            allowedOrigins = allowedOrigins == null ? List.of() : allowedOrigins.stream().filter(o -> !o.isBlank()).toList();
        }
    }

    /** The browsable API documentation needs scripts and styles of its own; nothing else does. */
    @Bean
    @Order(1)
    SecurityWebFilterChain apiDocumentationChain(ServerHttpSecurity http) {
        return common(http, "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers("/swagger-ui.html", "/swagger-ui/**", "/webjars/**"))
                .authorizeExchange(routes -> routes.anyExchange().permitAll())
                .build();
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain apiChain(ServerHttpSecurity http, CorsProperties cors, ProblemWriter problems, ApiKeyRepository apiKeys,
                                   AccessRevocations revocations) {
        return common(http, "default-src 'none'; frame-ancestors 'none'")
                .addFilterAt(ApiKeyAuthentication.filter(revocations.unlessRevoked(key -> apiKeys.principal(ApiKeyAuthentication.digest(key))), ApiKeyPrincipal::name,
                        ApiKeyPrincipal::scopeCodes, problems::unauthenticated), SecurityWebFiltersOrder.AUTHENTICATION)
                .cors(spec -> spec.configurationSource(corsSource(cors)))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems::unauthenticated)
                        .accessDeniedHandler(problems::forbidden))
                .oauth2ResourceServer(server -> server.bearerTokenConverter(new BearerTokens())
                        .authenticationEntryPoint(problems::unauthenticated)
                        .accessDeniedHandler(problems::forbidden)
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(WebSecurityConfiguration::authentication)))
                // the operations open here are marked @NoCredentials, so that their OpenAPI description demands no token
                .authorizeExchange(routes -> routes
                        .pathMatchers(HttpMethod.POST, "/api/v1/organisations").permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/logout").permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/v1/invitations/accept").permitAll()
                        .pathMatchers(HttpMethod.GET, "/.well-known/jwks.json").permitAll()
                        .pathMatchers(HttpMethod.POST, "/device/v1/pairings", "/device/v1/pairings/*", "/device/v1/token").permitAll()
                        .pathMatchers("/device/**").hasAuthority(DEVICE)
                        .pathMatchers("/api/**").access(WebSecurityConfiguration::notADevice)
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/actuator/info").permitAll()
                        .pathMatchers("/v3/api-docs", "/v3/api-docs/**").permitAll()
                        .anyExchange().authenticated())
                .build();
    }

    private static Mono<AuthorizationResult> notADevice(Mono<Authentication> authentication, AuthorizationContext context) {
        return authentication
                .map(caller -> (AuthorizationResult) new AuthorizationDecision(caller.isAuthenticated()
                        && caller.getAuthorities().stream().noneMatch(authority -> DEVICE.equals(authority.getAuthority()))))
                .defaultIfEmpty(new AuthorizationDecision(false));
    }

    /**
     * A device token (audience vizora-device) makes the caller a DEVICE, which the operator API
     * refuses; an operator's role claim becomes its authority, ROLE_OWNER and so on.
     */
    private static Mono<AbstractAuthenticationToken> authentication(Jwt jwt) {
        var role = jwt.getClaimAsString(AccessTokens.ROLE_CLAIM);
        List<SimpleGrantedAuthority> authorities;
        if (jwt.getAudience() != null && jwt.getAudience().contains(DeviceTokens.AUDIENCE)) {
            authorities = List.of(new SimpleGrantedAuthority(DEVICE));
        } else if (role != null) {
            authorities = List.of(new SimpleGrantedAuthority("ROLE_" + Role.fromCode(role).name()));
        } else {
            authorities = List.of();
        }
        return Mono.just(new JwtAuthenticationToken(jwt, authorities, jwt.getSubject()));
    }

    private static ServerHttpSecurity common(ServerHttpSecurity http, String contentSecurityPolicy) {
        return StatelessApi.stateless(http)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.NO_REFERRER))
                        .hsts(hsts -> hsts.maxAge(Duration.ofDays(365)).includeSubdomains(true)));
    }

    private static UrlBasedCorsConfigurationSource corsSource(CorsProperties properties) {
        var configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(properties.allowedOrigins());
        configuration.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        configuration.setAllowedHeaders(List.of("Authorization", "Content-Type", RequestIdFilter.HEADER));
        configuration.setExposedHeaders(List.of(RequestIdFilter.HEADER, "Location"));
        configuration.setMaxAge(3600L);
        var source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", configuration);
        return source;
    }
}

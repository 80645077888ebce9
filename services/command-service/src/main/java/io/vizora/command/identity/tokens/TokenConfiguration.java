package io.vizora.command.identity.tokens;

import com.nimbusds.jose.jwk.JWK;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import io.vizora.platform.security.AccessRevocations;
import reactor.core.publisher.Flux;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokenProperties.class)
@EnableScheduling
class TokenConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Keys live in a table, so the ring loads only after the migrations ran. */
    @Bean(initMethod = "loadAndRotateIfDue")
    SigningKeyRing signingKeyRing(DatabaseClient db, TokenProperties properties, Clock clock,
                                  ObjectProvider<FlywayMigrationInitializer> migrations) {
        migrations.ifAvailable(migrated -> { });
        return new SigningKeyRing(db, properties, clock);
    }

    @Bean
    JwtSigner jwtSigner(SigningKeyRing keys, TokenProperties properties, Clock clock) {
        return new JwtSigner(keys, properties.issuer(), clock);
    }

    @Bean
    AccessTokens accessTokens(JwtSigner signer, TokenProperties properties) {
        return new AccessTokens(signer, properties);
    }

    @Bean
    DeviceTokens deviceTokens(JwtSigner signer, TokenProperties properties) {
        return new DeviceTokens(signer, properties);
    }

    @Bean
    RefreshTokens refreshTokens(DatabaseClient db, TokenProperties properties, Clock clock) {
        return new RefreshTokens(db, properties, clock);
    }

    /**
     * Verifies ES256 only, against the ring's keys by kid, with expiry and issuer checked; tokens
     * that passed are remembered until they expire (at most 100,000 of them); a token whose user's
     * access changed since it was issued is refused ({@link AccessRevocations}).
     */
    @Bean
    ReactiveJwtDecoder jwtDecoder(SigningKeyRing keys, TokenProperties properties, Clock clock, AccessRevocations revocations) {
        var decoder = NimbusReactiveJwtDecoder
                .withJwkSource(jwt -> Flux.from(keys.verificationKey(jwt.getHeader().getKeyID()).map(key -> (JWK) key)))
                .jwsAlgorithm(SignatureAlgorithm.ES256)
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.issuer()));
        // revocations are checked on every request, outside the cache: a remembered token is refused all the same
        return revocations.guard(new VerifiedTokenCache(decoder, clock, 100_000));
    }

    @Bean
    KeyRotation keyRotation(SigningKeyRing keys) {
        return new KeyRotation(keys);
    }

    /** Rotates the signing key when it is older than the rotation interval; checked hourly. */
    static class KeyRotation {

        private final SigningKeyRing keys;

        KeyRotation(SigningKeyRing keys) {
            this.keys = keys;
        }

        @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1H")
        void rotateWhenDue() {
            keys.loadAndRotateIfDue();
        }
    }
}

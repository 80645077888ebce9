package io.vizora.command.identity.tokens;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;

/**
 * Remembers tokens that passed verification until they expire. Verifying an ES256 signature costs
 * more CPU than the rest of a typical read, and a client sends the same token for minutes. The
 * key is the whole token, so only byte-identical tokens hit; expiry is honoured by the cache entry
 * itself, and no token is trusted from memory for more than ten minutes, so a key taken out of
 * the ring stops working for long-lived device tokens too. What a token may do (a display still paired, a user still present) is checked per
 * request elsewhere, as before.
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

    private static final Duration LONGEST = Duration.ofMinutes(10);

    private final ReactiveJwtDecoder verifier;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    VerifiedTokenCache(ReactiveJwtDecoder verifier, Clock clock, long maximumSize) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> remainingLife(jwt)))
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        var known = verified.getIfPresent(token);
        if (known != null && known.getExpiresAt() != null && known.getExpiresAt().isAfter(clock.instant())) {
            return Mono.just(known);
        }
        return verifier.decode(token).doOnNext(jwt -> {
            if (jwt.getExpiresAt() != null) {
                verified.put(token, jwt);
            }
        });
    }

    private Duration remainingLife(Jwt jwt) {
        var left = Duration.between(clock.instant(), jwt.getExpiresAt());
        return left.isNegative() ? Duration.ZERO : left.compareTo(LONGEST) > 0 ? LONGEST : left;
    }
}

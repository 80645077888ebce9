package io.vizora.platform.security;

import io.lettuce.core.RedisURI;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;

/**
 * Makes privileges follow state from the next request on, on every service: when a user is
 * removed or their role changes, the command service records the moment here (Redis, shared by
 * every service) before it changes anything, and every service refuses that user's access tokens
 * issued before it; the user signs in or refreshes and gets a token saying what they may do now.
 * A revoked API key is recorded the same way. A record is kept as long as a token it voids could
 * live ({@code kept}). Tokens say when they were issued to the millisecond ({@link #ISSUED_MS});
 * one that does not is compared by its iat second, so it is refused rather than let through when
 * it was issued in the second of the revocation.
 * <p>
 * Each revocation is also published to every service's {@link RevocationMirror}, which answers
 * the check of a request's token from memory while it is live; while it is not, the check asks
 * Redis (ADR 0036).
 */
public final class AccessRevocations {

    /** When the token was issued, in epoch milliseconds: iat has whole seconds only. */
    public static final String ISSUED_MS = "iat_ms";

    private static final String PREFIX = "vizora:access:";

    private final ReactiveStringRedisTemplate redis;
    private final RevocationMirror mirror;
    private final Duration kept;
    private final Clock clock;

    public AccessRevocations(ReactiveStringRedisTemplate redis, RevocationMirror mirror, Duration kept, Clock clock) {
        this.redis = redis;
        this.mirror = mirror;
        this.kept = kept;
        this.clock = clock;
    }

    /** A mirror of the revocations this class records in the Redis at {@code redis}; {@link RevocationMirror#start} it once. */
    public static RevocationMirror mirror(RedisURI redis, Duration kept, Clock clock) {
        return new RevocationMirror(redis, PREFIX, kept, clock);
    }

    /** Voids every access token the user holds now. */
    public Mono<Void> revokeUser(UUID userId) {
        return revoke("user:" + userId);
    }

    /** Voids an API key, by its SHA-256 ({@link ApiKeyAuthentication#digest}). */
    public Mono<Void> revokeKey(byte[] digest) {
        return revoke("key:" + ApiKeyAuthentication.digestText(digest));
    }

    private Mono<Void> revoke(String subject) {
        // stored first: a revocation Redis refused is no revocation here either, and the caller's command fails
        return Mono.defer(() -> {
            var now = clock.millis();
            return redis.opsForValue().set(PREFIX + subject, Long.toString(now), kept)
                    .then(Mono.fromRunnable(() -> mirror.record(subject, now)))
                    .then(redis.convertAndSend(RevocationMirror.CHANNEL, RevokedAccess.message(subject, now)))
                    .then();
        });
    }

    /** When the subject's access was last revoked, if it was: from the mirror while it is live, else from Redis. */
    private Mono<Long> revokedAt(String subject) {
        if (mirror.live()) {
            var at = mirror.revokedAt(subject);
            return at.isPresent() ? Mono.just(at.getAsLong()) : Mono.empty();
        }
        return redis.opsForValue().get(PREFIX + subject).map(Long::parseLong);
    }

    /** The decoder's tokens, refused once their subject's tokens were revoked after they were issued. */
    public ReactiveJwtDecoder guard(ReactiveJwtDecoder decoder) {
        return token -> decoder.decode(token).flatMap(jwt -> revokedAt("user:" + jwt.getSubject())
                .filter(revokedAt -> issuedMillis(jwt) <= revokedAt)
                .flatMap(revoked -> Mono.<Jwt>error(
                        new BadJwtException("this token was issued before the user's access changed; sign in again")))
                .defaultIfEmpty(jwt));
    }

    private static long issuedMillis(Jwt jwt) {
        if (jwt.getClaims().get(ISSUED_MS) instanceof Number millis) {
            return millis.longValue();
        }
        return jwt.getIssuedAt() == null ? Long.MIN_VALUE : jwt.getIssuedAt().toEpochMilli();
    }

    /** The key's holder as {@code holderOf} finds it, unless the key was revoked. */
    public <H> Function<String, Mono<H>> unlessRevoked(Function<String, Mono<H>> holderOf) {
        return key -> revokedAt("key:" + ApiKeyAuthentication.digestText(key)).hasElement()
                .flatMap(revoked -> revoked ? Mono.<H>empty() : holderOf.apply(key));
    }
}

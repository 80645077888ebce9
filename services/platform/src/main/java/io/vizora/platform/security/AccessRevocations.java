package io.vizora.platform.security;

import io.lettuce.core.RedisURI;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * Redis and the mirror's memory, and takes the later moment (ADR 0036).
 * <p>
 * Redis keeps nothing across a restart, so the service that revokes also keeps each revocation
 * in its {@link RevocationLedger}, and {@link #restore} stores again what Redis lost (ADR 0044).
 */
public final class AccessRevocations {

    /** When the token was issued, in epoch milliseconds: iat has whole seconds only. */
    public static final String ISSUED_MS = "iat_ms";

    private static final String PREFIX = "vizora:access:";
    /** Set once the ledger's revocations are in Redis; outside {@link #PREFIX}, which the mirrors read as records. */
    private static final String STORED = "vizora:revocations:stored";

    private final ReactiveStringRedisTemplate redis;
    private final RevocationMirror mirror;
    private final Duration kept;
    private final Clock clock;
    private final RevocationLedger ledger;

    public AccessRevocations(ReactiveStringRedisTemplate redis, RevocationMirror mirror, Duration kept, Clock clock, RevocationLedger ledger) {
        this.redis = redis;
        this.mirror = mirror;
        this.kept = kept;
        this.clock = clock;
        this.ledger = ledger;
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
        // stored first, in the ledger within the caller's transaction, then in Redis: a revocation
        // either refused is no revocation here either, and the caller's command fails
        return Mono.defer(() -> {
            var now = clock.millis();
            return ledger.keep(new RevocationLedger.Revocation(subject, now), now - kept.toMillis())
                    .then(redis.opsForValue().set(PREFIX + subject, Long.toString(now), kept))
                    .then(Mono.fromRunnable(() -> mirror.record(subject, now)))
                    .then(redis.convertAndSend(RevocationMirror.CHANNEL, RevokedAccess.message(subject, now)))
                    .then();
        });
    }

    /**
     * When Redis no longer holds the marker set by the last restore (it restarted without its
     * data, or was flushed), stores the ledger's revocations in it again and publishes each to
     * the mirrors, then sets the marker; emits how many, and nothing while the marker is there.
     * A record is stored only where Redis holds none, so a revocation made meanwhile, which is
     * later, is kept.
     */
    public Mono<Long> restore() {
        return redis.hasKey(STORED).filter(stored -> !stored).flatMap(forgotten -> {
            var now = clock.millis();
            return ledger.since(now - kept.toMillis())
                    .concatMap(revocation -> redis.opsForValue()
                            .setIfAbsent(PREFIX + revocation.subject(), Long.toString(revocation.millis()),
                                    Duration.ofMillis(Math.max(1, revocation.millis() + kept.toMillis() - now)))
                            .then(redis.convertAndSend(RevocationMirror.CHANNEL, RevokedAccess.message(revocation.subject(), revocation.millis()))))
                    .count()
                    .flatMap(restored -> redis.opsForValue().set(STORED, Instant.ofEpochMilli(now).toString()).thenReturn(restored));
        });
    }

    /**
     * When the subject's access was last revoked, if it was: from the mirror while it is live;
     * else the later of Redis's record and the mirror's, since a Redis that lost its data (and has
     * not been given the ledger's again) would otherwise forget what the mirror still holds.
     */
    private Mono<Long> revokedAt(String subject) {
        var remembered = mirror.revokedAt(subject);
        var inMemory = remembered.isPresent() ? Mono.just(remembered.getAsLong()) : Mono.<Long>empty();
        if (mirror.live()) {
            return inMemory;
        }
        return redis.opsForValue().get(PREFIX + subject).map(Long::parseLong).concatWith(inMemory).reduce(Math::max);
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

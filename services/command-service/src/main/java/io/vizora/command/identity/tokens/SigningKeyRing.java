package io.vizora.command.identity.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The ES256 keys that sign access tokens, shared by every instance through Postgres. The newest
 * key signs; a rotated-out key keeps verifying until every token it signed has expired, so
 * rotation logs nobody out. Keys are reloaded when a token names a kid this instance does not
 * know (another instance rotated).
 */
public class SigningKeyRing {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyRing.class);

    record Key(ECKey jwk, Instant createdAt, Instant verifyUntil) {
    }

    private final DatabaseClient db;
    private final KeySealer sealer;
    private final TokenProperties properties;
    private final Clock clock;
    private volatile List<Key> keys = List.of();
    private volatile Instant lastReload = Instant.EPOCH;

    public SigningKeyRing(DatabaseClient db, TokenProperties properties, Clock clock) {
        this.db = db;
        this.sealer = new KeySealer(properties.keyEncryptionSecret());
        this.properties = properties;
        this.clock = clock;
    }

    /** Loads the keys, creating the first one, or a new one when the newest is due for rotation. */
    public void loadAndRotateIfDue() {
        reload();
        var newest = keys.stream().max(Comparator.comparing(Key::createdAt));
        if (newest.isEmpty() || newest.get().createdAt().plus(properties.keyRotationInterval()).isBefore(clock.instant())) {
            rotate();
        }
    }

    /** Adds a new signing key; the previous ones verify for one more access-token lifetime. */
    public synchronized ECKey rotate() {
        var now = clock.instant();
        var verifyUntil = OffsetDateTime.ofInstant(now.plus(properties.accessTokenLifetime()).plusSeconds(60), ZoneOffset.UTC);
        db.sql("UPDATE signing_key SET verify_until = :until WHERE verify_until IS NULL")
                .bind("until", verifyUntil).then().block();
        ECKey key;
        try {
            key = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate a signing key", e);
        }
        db.sql("INSERT INTO signing_key (kid, sealed_jwk, created_at) VALUES (:kid, :sealed, :createdAt)")
                .bind("kid", key.getKeyID()).bind("sealed", sealer.seal(key.toJSONString()))
                .bind("createdAt", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).then().block();
        reload();
        log.info("new token signing key {}", key.getKeyID());
        return key;
    }

    ECKey signingKey() {
        return keys.stream().filter(k -> k.verifyUntil() == null).max(Comparator.comparing(Key::createdAt))
                .orElseThrow(() -> new IllegalStateException("no signing key: loadAndRotateIfDue() was not called")).jwk();
    }

    /**
     * The public key for a kid, if it may still verify tokens. An unknown kid reloads the ring
     * (another instance may have rotated), at most every ten seconds, so forged kids cannot turn
     * requests into database queries.
     */
    public Mono<ECKey> verificationKey(String kid) {
        return Mono.justOrEmpty(find(kid))
                .switchIfEmpty(Mono.defer(() -> {
                    var now = clock.instant();
                    if (lastReload.plusSeconds(10).isAfter(now)) {
                        return Mono.empty();
                    }
                    lastReload = now;
                    return load().doOnNext(loaded -> keys = loaded).then(Mono.justOrEmpty(find(kid)));
                }))
                .map(ECKey::toPublicJWK);
    }

    private Optional<ECKey> find(String kid) {
        var now = clock.instant();
        return keys.stream().filter(k -> k.jwk().getKeyID().equals(kid))
                .filter(k -> k.verifyUntil() == null || k.verifyUntil().isAfter(now))
                .map(Key::jwk).findFirst();
    }

    /** The public keys that verify tokens now, for the JWKS endpoint. */
    public JWKSet publicKeys() {
        var now = clock.instant();
        return new JWKSet(keys.stream().filter(k -> k.verifyUntil() == null || k.verifyUntil().isAfter(now))
                .map(k -> (com.nimbusds.jose.jwk.JWK) k.jwk().toPublicJWK()).toList());
    }

    private synchronized void reload() {
        keys = load().block();
    }

    private Mono<List<Key>> load() {
        return db.sql("SELECT sealed_jwk, created_at, verify_until FROM signing_key")
                .map(row -> new Key(parse(sealer.open(row.get("sealed_jwk", byte[].class))),
                        row.get("created_at", OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(row.get("verify_until", OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null)))
                .all().collectList();
    }

    private static ECKey parse(String json) {
        try {
            return ECKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("a stored signing key does not parse", e);
        }
    }
}

package io.vizora.platform.security;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where the service that revokes keeps each revocation beside Redis, durably: Redis keeps nothing
 * across a restart, and a revocation it forgot would let a voided token work again on every
 * process that starts or resyncs after it (ADR 0044). {@link AccessRevocations} writes here first,
 * inside the transaction of the change that revokes, and stores in Redis again what it lost.
 */
public interface RevocationLedger {

    /** A service that never revokes keeps no ledger, and has nothing to restore. */
    RevocationLedger NONE = new RevocationLedger() {
        @Override
        public Mono<Void> keep(Revocation revocation, long forgetBefore) {
            return Mono.empty();
        }

        @Override
        public Flux<Revocation> since(long millis) {
            return Flux.empty();
        }
    };

    /** Whose access ({@code user:<id>}, {@code key:<digest>}) was revoked, at which moment in epoch milliseconds. */
    record Revocation(String subject, long millis) {
    }

    /** Keeps the revocation (the later moment when the subject has one), and may drop those older than {@code forgetBefore}. */
    Mono<Void> keep(Revocation revocation, long forgetBefore);

    /** The revocations made at or after {@code millis}. */
    Flux<Revocation> since(long millis);
}

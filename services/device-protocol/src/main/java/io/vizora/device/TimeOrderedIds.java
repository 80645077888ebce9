package io.vizora.device;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Ids made where a row is created and kept forever after: plays (ADR 0030) and events (the
 * outbox's CloudEvent ids, ADR 0030 addendum). RFC 9562 version 7 UUIDs, the millisecond first, so
 * rows are stored in the order they were made: ClickHouse keeps plays by tenant and id, and
 * Postgres indexes every event's id (each consumer's dedup record, the audit log, the partner
 * feed). New ids then land in the newest part of a table or index instead of anywhere in it,
 * which random ids made every check of a batch and every index insert do. The rest is random:
 * ids stay unguessable and unique across processes without coordination.
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {
    }

    public static UUID next() {
        return of(System.currentTimeMillis());
    }

    static UUID of(long unixMillis) {
        var random = new byte[10];
        RANDOM.nextBytes(random);
        long high = (unixMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (random[0] & 0x0FL) << 8 | random[1] & 0xFFL;
        long low = 0x8000_0000_0000_0000L | (random[2] & 0x3FL) << 56;
        for (int i = 3; i < 10; i++) {
            low |= (random[i] & 0xFFL) << (8 * (9 - i));
        }
        return new UUID(high, low);
    }
}

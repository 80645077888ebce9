package io.vizora.device;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Ids for plays: RFC 9562 version 7 UUIDs, the millisecond first, so a tenant's plays are stored
 * in the order they were played (ClickHouse keeps them by tenant and id). The ingest checks each
 * batch against the plays already stored; with ids in time order that touches the newest part of
 * the table only, where random ids made every check read the tenant's whole history (ADR 0030).
 * The rest is random: ids stay unguessable and unique across displays without coordination.
 */
public final class PlayIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private PlayIds() {
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

package io.vizora.projector.analytics;

import org.springframework.r2dbc.core.DatabaseClient;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The time zones of displays, from the projector's display table, so plays are dated on the
 * display's wall clock. A display not folded yet is absent (the ingest dates its plays in UTC).
 */
public final class DisplayZones {

    private final DatabaseClient db;

    public DisplayZones(DatabaseClient db) {
        this.db = db;
    }

    public Map<UUID, ZoneId> of(Set<UUID> displays) {
        if (displays.isEmpty()) {
            return Map.of();
        }
        return db.sql("SELECT id, time_zone FROM display WHERE id = ANY(:ids)").bind("ids", displays.toArray(UUID[]::new))
                .map(row -> Map.entry(row.get("id", UUID.class), ZoneId.of(row.get("time_zone", String.class))))
                .all().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))
                .block(Duration.ofSeconds(30));
    }
}

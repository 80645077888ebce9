package io.vizora.command.fleet.persistence;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.UUID;

/** Display groups, always within one organisation. */
@Repository
public class DisplayGroupRepository {

    public record DisplayGroup(UUID groupId, String name) {
    }

    private final DatabaseClient db;

    public DisplayGroupRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Emits false if the organisation has a group of that name already. */
    public Mono<Boolean> insert(UUID organisationId, DisplayGroup group) {
        return db.sql("INSERT INTO display_group (id, organisation_id, name) VALUES (:id, :organisation, :name)")
                .bind("id", group.groupId()).bind("organisation", organisationId).bind("name", group.name())
                .then().thenReturn(true)
                .onErrorResume(DataIntegrityViolationException.class, e -> Mono.just(false));
    }

    /** Emits whether a row of the organisation was renamed: empty if the group is not the organisation's, false on a name clash. */
    public Mono<Boolean> rename(UUID organisationId, UUID groupId, String name) {
        return db.sql("UPDATE display_group SET name = :name WHERE id = :id AND organisation_id = :organisation")
                .bind("name", name).bind("id", groupId).bind("organisation", organisationId)
                .fetch().rowsUpdated()
                .flatMap(updated -> updated == 0 ? Mono.<Boolean>empty() : Mono.just(true))
                .onErrorResume(DataIntegrityViolationException.class, e -> Mono.just(false));
    }

    public Mono<Boolean> delete(UUID organisationId, UUID groupId) {
        return db.sql("DELETE FROM display_group WHERE id = :id AND organisation_id = :organisation")
                .bind("id", groupId).bind("organisation", organisationId)
                .fetch().rowsUpdated().map(deleted -> deleted > 0);
    }

    public Mono<DisplayGroup> find(UUID organisationId, UUID groupId) {
        return db.sql("SELECT id, name FROM display_group WHERE id = :id AND organisation_id = :organisation")
                .bind("id", groupId).bind("organisation", organisationId)
                .map(row -> new DisplayGroup(row.get("id", UUID.class), row.get("name", String.class))).one();
    }

    public Flux<DisplayGroup> all(UUID organisationId) {
        return db.sql("SELECT id, name FROM display_group WHERE organisation_id = :organisation ORDER BY lower(name)")
                .bind("organisation", organisationId)
                .map(row -> new DisplayGroup(row.get("id", UUID.class), row.get("name", String.class))).all();
    }
}

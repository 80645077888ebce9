package io.vizora.command.identity.persistence;

import io.vizora.command.identity.domain.EmailAddress;
import io.vizora.command.identity.domain.Role;
import io.vizora.command.identity.domain.SignUp;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.util.UUID;

/** Organisations and users in Postgres. */
@Repository
public class IdentityRepository {

    /** What logging in needs to know about an account. */
    public record Credentials(UUID userId, UUID organisationId, Role role, String passwordHash) {
    }

    public Mono<Credentials> credentials(EmailAddress email) {
        return db.sql("SELECT id, organisation_id, role, password_hash FROM app_user WHERE lower(email) = :email")
                .bind("email", email.value())
                .map(row -> new Credentials(row.get("id", UUID.class), row.get("organisation_id", UUID.class),
                        Role.valueOf(row.get("role", String.class).toUpperCase(java.util.Locale.ROOT)), row.get("password_hash", String.class)))
                .one();
    }

    public Mono<Role> role(UUID userId) {
        return db.sql("SELECT role FROM app_user WHERE id = :id").bind("id", userId)
                .map(row -> Role.valueOf(row.get("role", String.class).toUpperCase(java.util.Locale.ROOT))).one();
    }

    private final DatabaseClient db;

    public IdentityRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Stores the organisation and its owner; emits false if the email address is taken. */
    public Mono<Boolean> insert(SignUp signUp, String passwordHash) {
        return db.sql("INSERT INTO organisation (id, name) VALUES (:id, :name)")
                .bind("id", signUp.organisationId()).bind("name", signUp.organisationName())
                .then()
                .then(db.sql("""
                                INSERT INTO app_user (id, organisation_id, email, display_name, role, password_hash)
                                VALUES (:id, :organisationId, :email, :displayName, :role, :passwordHash)""")
                        .bind("id", signUp.ownerId())
                        .bind("organisationId", signUp.organisationId())
                        .bind("email", signUp.ownerEmail().value())
                        .bind("displayName", signUp.ownerName())
                        .bind("role", Role.OWNER.code())
                        .bind("passwordHash", passwordHash)
                        .then())
                .thenReturn(true)
                .onErrorResume(DataIntegrityViolationException.class, e -> Mono.just(false));
    }
}

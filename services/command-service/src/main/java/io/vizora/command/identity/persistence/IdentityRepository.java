package io.vizora.command.identity.persistence;

import io.vizora.command.identity.domain.EmailAddress;
import io.vizora.command.identity.domain.Role;
import io.vizora.command.identity.domain.SignUp;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.UUID;

/** Organisations and users in Postgres. */
@Repository
public class IdentityRepository {

    /** What logging in needs to know about an account. */
    public record Credentials(UUID userId, UUID organisationId, Role role, String passwordHash) {
    }

    /** What logging in needs to know about the organisation of an account, to offer a choice between several. */
    public record Membership(UUID organisationId, String organisationName) {
    }

    /** The active accounts of an address, at most {@code limit}, in one organisation if one is given. */
    public Flux<Credentials> credentials(EmailAddress email, UUID organisationId, int limit) {
        var spec = db.sql("SELECT id, organisation_id, role, password_hash FROM app_user WHERE lower(email) = :email AND status = 'active'"
                        + (organisationId == null ? "" : " AND organisation_id = :organisation") + " ORDER BY created_at LIMIT :limit")
                .bind("email", email.value()).bind("limit", limit);
        return (organisationId == null ? spec : spec.bind("organisation", organisationId))
                .map(row -> new Credentials(row.get("id", UUID.class), row.get("organisation_id", UUID.class),
                        Role.fromCode(row.get("role", String.class)), row.get("password_hash", String.class)))
                .all();
    }

    public Flux<Membership> organisations(java.util.Collection<UUID> organisationIds) {
        return db.sql("SELECT id, name FROM organisation WHERE id = ANY(:ids) ORDER BY lower(name), id")
                .bind("ids", organisationIds.toArray(UUID[]::new))
                .map(row -> new Membership(row.get("id", UUID.class), row.get("name", String.class)))
                .all();
    }

    /** A user as the operator API shows it. */
    public record UserView(UUID userId, String email, String displayName, Role role, String status) {
    }

    public Mono<UserView> user(UUID organisationId, UUID userId) {
        return db.sql(USER_VIEW + " WHERE organisation_id = :organisation AND id = :id AND status <> 'removed'")
                .bind("organisation", organisationId).bind("id", userId).map(IdentityRepository::userView).one();
    }

    public Flux<UserView> users(UUID organisationId) {
        return db.sql(USER_VIEW + " WHERE organisation_id = :organisation AND status <> 'removed' ORDER BY lower(email)")
                .bind("organisation", organisationId).map(IdentityRepository::userView).all();
    }

    private static final String USER_VIEW = "SELECT id, email, display_name, role, status FROM app_user";

    private static UserView userView(io.r2dbc.spi.Readable row) {
        return new UserView(row.get("id", UUID.class), row.get("email", String.class), row.get("display_name", String.class),
                Role.fromCode(row.get("role", String.class)), row.get("status", String.class));
    }

    /** Stores an invited user (no password yet) and the invitation; emits false if the address is a user of this organisation already. */
    public Mono<Boolean> insertInvited(UUID organisationId, UUID userId, EmailAddress email, String displayName, Role role,
                                       byte[] invitationHash, java.time.OffsetDateTime expiresAt) {
        return db.sql("""
                        INSERT INTO app_user (id, organisation_id, email, display_name, role, status)
                        VALUES (:id, :organisation, :email, :displayName, :role, 'invited')""")
                .bind("id", userId).bind("organisation", organisationId).bind("email", email.value())
                .bind("displayName", displayName).bind("role", role.code())
                .then()
                .then(db.sql("INSERT INTO invitation (token_hash, user_id, expires_at) VALUES (:hash, :user, :expires)")
                        .bind("hash", invitationHash).bind("user", userId).bind("expires", expiresAt).then())
                .thenReturn(true)
                .onErrorResume(DataIntegrityViolationException.class, e -> Mono.just(false));
    }

    /** Accepts an open invitation: sets the password and activates the user; emits the user, or nothing. */
    public Mono<UserView> accept(byte[] invitationHash, String passwordHash) {
        return db.sql("""
                        UPDATE invitation SET accepted_at = now()
                        WHERE token_hash = :hash AND accepted_at IS NULL AND expires_at > now()
                        RETURNING user_id""")
                .bind("hash", invitationHash).map(row -> row.get("user_id", UUID.class)).one()
                .flatMap(userId -> db.sql("UPDATE app_user SET password_hash = :password, status = 'active' WHERE id = :id AND status = 'invited'")
                        .bind("password", passwordHash).bind("id", userId).then()
                        .then(db.sql(USER_VIEW + " WHERE id = :id").bind("id", userId).map(IdentityRepository::userView).one()));
    }

    /** Counts the organisation's owners, locking their rows so that two demotions cannot race to zero owners. */
    public Mono<Long> lockOwners(UUID organisationId) {
        return db.sql("SELECT id FROM app_user WHERE organisation_id = :organisation AND role = 'owner' AND status = 'active' FOR UPDATE")
                .bind("organisation", organisationId).map(row -> row.get(0, UUID.class)).all().count();
    }

    public Mono<Void> changeRole(UUID organisationId, UUID userId, Role role) {
        return db.sql("UPDATE app_user SET role = :role WHERE id = :id AND organisation_id = :organisation")
                .bind("role", role.code()).bind("id", userId).bind("organisation", organisationId).then();
    }

    /** Marks the user removed and ends their sessions (refresh token families). */
    public Mono<Void> remove(UUID organisationId, UUID userId) {
        return db.sql("UPDATE app_user SET status = 'removed', password_hash = NULL WHERE id = :id AND organisation_id = :organisation")
                .bind("id", userId).bind("organisation", organisationId).then()
                .then(db.sql("UPDATE refresh_token SET revoked_at = now() WHERE user_id = :id AND revoked_at IS NULL").bind("id", userId).then())
                .then(db.sql("UPDATE invitation SET expires_at = now() WHERE user_id = :id AND accepted_at IS NULL").bind("id", userId).then());
    }

    public Mono<UUID> organisationOf(UUID userId) {
        return db.sql("SELECT organisation_id FROM app_user WHERE id = :id").bind("id", userId)
                .map(row -> row.get(0, UUID.class)).one();
    }

    /** The user's role while their account is active; empty once removed. */
    public Mono<Role> activeRole(UUID userId) {
        return db.sql("SELECT role FROM app_user WHERE id = :id AND status = 'active'").bind("id", userId)
                .map(row -> Role.fromCode(row.get("role", String.class))).one();
    }

    private final DatabaseClient db;

    public IdentityRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Stores the organisation and its owner. */
    public Mono<Void> insert(SignUp signUp, String passwordHash) {
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
                        .then());
    }
}

package io.vizora.command.identity.web;

import io.vizora.command.CommandServiceIntegrationTest;
import io.vizora.command.Organisations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.vizora.command.Organisations.PASSWORD;
import static io.vizora.command.Organisations.email;
import static org.assertj.core.api.Assertions.assertThat;

@CommandServiceIntegrationTest
class UsersIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    private WebTestClient.ResponseSpec invite(String token, String email, String role) {
        return Organisations.invite(http, token, email, role);
    }

    private WebTestClient.ResponseSpec get(String token, String uri) {
        return http.get().uri(uri).header("Authorization", "Bearer " + token).exchange();
    }

    @Test
    void anInvitedUserAcceptsLogsInWithTheirRoleAndBothEventsAreEmitted() {
        var organisation = Organisations.create(http);
        var editor = organisation.userIds().get("editor");

        get(organisation.tokens().get("editor"), "/api/v1/me").expectStatus().isOk().expectBody().jsonPath("$.role").isEqualTo("editor");
        var types = db.sql("SELECT type FROM outbox WHERE aggregate_id = :id ORDER BY created_at").bind("id", editor.toString())
                .map(row -> row.get(0, String.class)).all().collectList().block();
        assertThat(types).containsExactly("vizora.identity.user_invited.v1", "vizora.identity.user_registered.v1");
    }

    @Test
    void anInvitationWorksOnceAndAnInvitedUserCannotLogInBeforeAccepting() {
        var organisation = Organisations.create(http);
        var email = email();
        var invitation = invite(organisation.tokens().get("owner"), email, "viewer").expectBody(Map.class).returnResult().getResponseBody();

        http.post().uri("/api/v1/auth/login").bodyValue(Map.of("email", email, "password", PASSWORD)).exchange().expectStatus().isUnauthorized();
        Organisations.accept(http, (String) invitation.get("invitationToken")).expectStatus().isOk();
        Organisations.accept(http, (String) invitation.get("invitationToken")).expectStatus().isNotFound();
    }

    /** Before, inviting an address with an account in another organisation answered 409 "exists already". */
    @Test
    void invitingAnAddressWithAnAccountElsewhereLooksLikeInvitingANewOneAndMakesAnAccountOfThisOrganisation() {
        var elsewhere = Organisations.create(http);
        var here = Organisations.create(http);
        var email = email();
        Organisations.accept(http, (String) invite(elsewhere.tokens().get("owner"), email, "viewer").expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("invitationToken")).expectStatus().isOk();

        var invitation = invite(here.tokens().get("owner"), email, "editor").expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        http.post().uri("/api/v1/invitations/accept").bodyValue(Map.of("invitationToken", invitation.get("invitationToken"),
                "password", "another horse battery staple")).exchange().expectStatus().isOk();

        var logIn = (java.util.function.Function<String, String>) password -> (String) http.post().uri("/api/v1/auth/login")
                .bodyValue(Map.of("email", email, "password", password)).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("accessToken");
        get(logIn.apply(PASSWORD), "/api/v1/me").expectBody().jsonPath("$.organisationId").isEqualTo(elsewhere.id().toString())
                .jsonPath("$.role").isEqualTo("viewer");
        get(logIn.apply("another horse battery staple"), "/api/v1/me").expectBody().jsonPath("$.organisationId").isEqualTo(here.id().toString())
                .jsonPath("$.role").isEqualTo("editor");
        invite(here.tokens().get("owner"), email.toUpperCase(), "viewer").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.title").isEqualTo("Already a user");
    }

    @Test
    void theUserEndpointsFollowThePermissionMatrix() {
        var organisation = Organisations.create(http);
        for (var role : List.of("owner", "admin", "editor", "viewer")) {
            var token = organisation.tokens().get(role);
            get(token, "/api/v1/users").expectStatus().isOk();
            get(token, "/api/v1/users/" + organisation.userIds().get("viewer")).expectStatus().isOk();
            var inviting = invite(token, email(), "viewer");
            if (role.equals("owner") || role.equals("admin")) {
                inviting.expectStatus().isCreated();
            } else {
                inviting.expectStatus().isForbidden();
            }
        }
        invite(organisation.tokens().get("admin"), email(), "owner").expectStatus().isForbidden();
        invite(organisation.tokens().get("owner"), email(), "owner").expectStatus().isCreated();
    }

    @Test
    void anotherTenantsUserIsNotFoundExactlyLikeOneThatDoesNotExist() {
        var mine = Organisations.create(http);
        var theirs = Organisations.create(http);
        var theirViewer = theirs.userIds().get("viewer");

        var foreign = get(mine.tokens().get("owner"), "/api/v1/users/" + theirViewer).expectStatus().isNotFound()
                .expectBody(Map.class).returnResult().getResponseBody();
        var missing = get(mine.tokens().get("owner"), "/api/v1/users/" + UUID.randomUUID()).expectStatus().isNotFound()
                .expectBody(Map.class).returnResult().getResponseBody();
        var listed = get(mine.tokens().get("owner"), "/api/v1/users").expectBody(String.class).returnResult().getResponseBody();

        assertThat(foreign.get("title")).isEqualTo(missing.get("title"));
        assertThat(listed).doesNotContain(theirViewer.toString()).contains(mine.userIds().get("viewer").toString());
    }

    private WebTestClient.ResponseSpec changeRole(String token, UUID userId, String role) {
        return http.put().uri("/api/v1/users/" + userId + "/role").header("Authorization", "Bearer " + token)
                .bodyValue(Map.of("role", role)).exchange();
    }

    private WebTestClient.ResponseSpec remove(String token, UUID userId) {
        return http.delete().uri("/api/v1/users/" + userId).header("Authorization", "Bearer " + token).exchange();
    }

    @Test
    void anOwnerChangesARoleAndTheNextLoginCarriesIt() {
        var organisation = Organisations.create(http);
        var editor = organisation.userIds().get("editor");

        changeRole(organisation.tokens().get("owner"), editor, "admin").expectStatus().isOk().expectBody().jsonPath("$.role").isEqualTo("admin");
        var types = db.sql("SELECT type FROM outbox WHERE aggregate_id = :id ORDER BY created_at").bind("id", editor.toString())
                .map(row -> row.get(0, String.class)).all().collectList().block();
        assertThat(types).endsWith("vizora.identity.user_role_changed.v1");
    }

    @Test
    void onlyOwnersTouchOwnersAndTheLastOwnerStays() {
        var organisation = Organisations.create(http);
        var owner = organisation.userIds().get("owner");

        changeRole(organisation.tokens().get("admin"), owner, "VIEWER").expectStatus().isForbidden();
        changeRole(organisation.tokens().get("admin"), organisation.userIds().get("viewer"), "OWNER").expectStatus().isForbidden();
        changeRole(organisation.tokens().get("editor"), organisation.userIds().get("viewer"), "EDITOR").expectStatus().isForbidden();
        changeRole(organisation.tokens().get("owner"), owner, "ADMIN").expectStatus().isEqualTo(409);
        remove(organisation.tokens().get("owner"), owner).expectStatus().isEqualTo(409);

        changeRole(organisation.tokens().get("owner"), organisation.userIds().get("admin"), "OWNER").expectStatus().isOk();
        changeRole(organisation.tokens().get("owner"), owner, "ADMIN").expectStatus().isOk();
    }

    @Test
    void aRemovedOwnerAndADemotedAdminCanDoNothingMoreWithTheTokensTheyHoldFromTheNextRequestOn() {
        var organisation = Organisations.create(http);
        var owner = organisation.tokens().get("owner");
        var secondOwnerEmail = email();
        var invitation = invite(owner, secondOwnerEmail, "owner").expectBody(Map.class).returnResult().getResponseBody();
        Organisations.accept(http, (String) invitation.get("invitationToken")).expectStatus().isOk();
        var secondOwner = Organisations.logIn(http, secondOwnerEmail);
        var admin = organisation.tokens().get("admin");
        get(secondOwner, "/api/v1/me").expectStatus().isOk();

        remove(owner, UUID.fromString((String) invitation.get("userId"))).expectStatus().isNoContent();
        changeRole(owner, organisation.userIds().get("admin"), "VIEWER").expectStatus().isOk();

        get(secondOwner, "/api/v1/me").expectStatus().isUnauthorized().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        invite(secondOwner, email(), "owner").expectStatus().isUnauthorized();
        http.post().uri("/api/v1/api-keys").header("Authorization", "Bearer " + secondOwner)
                .bodyValue(Map.of("name", "backdoor", "scopes", List.of("events:read"))).exchange().expectStatus().isUnauthorized();
        http.post().uri("/api/v1/display-groups").header("Authorization", "Bearer " + admin).bodyValue(Map.of("name", "Lobby")).exchange()
                .expectStatus().isUnauthorized();
        // signing in again gives a token that says what they may do now
        var viewer = Organisations.logIn(http, (String) get(owner, "/api/v1/users/" + organisation.userIds().get("admin"))
                .expectBody(Map.class).returnResult().getResponseBody().get("email"));
        http.post().uri("/api/v1/display-groups").header("Authorization", "Bearer " + viewer).bodyValue(Map.of("name", "Lobby")).exchange()
                .expectStatus().isForbidden();
        get(owner, "/api/v1/display-groups").expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    /** A viewer invited into a new organisation, who accepted and signed in. */
    private record SignedIn(Organisations.Organisation organisation, UUID userId, String email, String refreshToken) {
    }

    private SignedIn signedInViewer() {
        var organisation = Organisations.create(http);
        var email = email();
        var invitation = invite(organisation.tokens().get("owner"), email, "viewer").expectBody(Map.class).returnResult().getResponseBody();
        Organisations.accept(http, (String) invitation.get("invitationToken")).expectStatus().isOk();
        var session = http.post().uri("/api/v1/auth/login").bodyValue(Map.of("email", email, "password", PASSWORD)).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return new SignedIn(organisation, UUID.fromString((String) invitation.get("userId")), email, (String) session.get("refreshToken"));
    }

    @Test
    void aRemovedUserIsGoneAndTheirSessionsEnd() {
        var viewer = signedInViewer();

        remove(viewer.organisation().tokens().get("admin"), viewer.userId()).expectStatus().isNoContent();

        get(viewer.organisation().tokens().get("owner"), "/api/v1/users/" + viewer.userId()).expectStatus().isNotFound();
        http.post().uri("/api/v1/auth/refresh").bodyValue(Map.of("refreshToken", viewer.refreshToken())).exchange().expectStatus().isUnauthorized();
        http.post().uri("/api/v1/auth/login").bodyValue(Map.of("email", viewer.email(), "password", PASSWORD)).exchange().expectStatus().isUnauthorized();
    }

    /**
     * A refresh racing the removal can rotate a session the removal's revocation no longer sees: its
     * next token must still be refused, since the account is no longer active.
     */
    @Test
    void aSessionThatOutlivedItsUsersRemovalCannotBeRefreshed() {
        var viewer = signedInViewer();
        remove(viewer.organisation().tokens().get("owner"), viewer.userId()).expectStatus().isNoContent();

        // what the race leaves: a token of the session that the removal did not revoke
        db.sql("UPDATE refresh_token SET revoked_at = NULL WHERE user_id = :user").bind("user", viewer.userId()).then().block();

        http.post().uri("/api/v1/auth/refresh").bodyValue(Map.of("refreshToken", viewer.refreshToken())).exchange()
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.detail").isEqualTo("This account was removed. Log in with another one.");
    }

    @Test
    void anotherTenantsUserCannotBeChangedOrRemoved() {
        var mine = Organisations.create(http);
        var theirs = Organisations.create(http);
        var theirEditor = theirs.userIds().get("editor");

        changeRole(mine.tokens().get("owner"), theirEditor, "VIEWER").expectStatus().isNotFound();
        remove(mine.tokens().get("owner"), theirEditor).expectStatus().isNotFound();
        get(theirs.tokens().get("owner"), "/api/v1/users/" + theirEditor).expectStatus().isOk().expectBody().jsonPath("$.role").isEqualTo("editor");
    }

    @Test
    void inviteRequestsWithBadFieldsAreRefusedAndWriteNothing() {
        var organisation = Organisations.create(http);
        var before = db.sql("SELECT count(*) FROM app_user").map(r -> r.get(0, Long.class)).one().block();
        http.post().uri("/api/v1/users").header("Authorization", "Bearer " + organisation.tokens().get("owner"))
                .bodyValue(Map.of("email", "nope", "displayName", "", "role", "EMPEROR")).exchange()
                .expectStatus().isBadRequest();
        assertThat(db.sql("SELECT count(*) FROM app_user").map(r -> r.get(0, Long.class)).one().block()).isEqualTo(before);
    }
}

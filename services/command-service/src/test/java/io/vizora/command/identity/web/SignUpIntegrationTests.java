package io.vizora.command.identity.web;

import io.vizora.command.CommandServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@CommandServiceIntegrationTest
class SignUpIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    private static Map<String, Object> request(String email) {
        return Map.of("organisationName", "Café Morgenrot", "ownerEmail", email, "ownerName", "Ada Lovelace",
                "password", "correct horse battery staple");
    }

    private static String uniqueEmail() {
        return "owner-" + UUID.randomUUID() + "@example.org";
    }

    @Test
    void anOrganisationSignsUpWithItsOwnerAndBothEventsAreInTheOutbox() {
        var body = http.post().uri("/api/v1/organisations").bodyValue(request(uniqueEmail())).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/v1/organisations/[0-9a-f-]{36}")
                .expectBody(SignUpResponse.class).returnResult().getResponseBody();

        var events = db.sql("SELECT type, principal FROM (SELECT type, payload->>'principal' AS principal, created_at FROM outbox WHERE tenant_id = :tenant) e ORDER BY created_at")
                .bind("tenant", body.organisationId()).fetch().all().collectList().block();
        assertThat(events).extracting(e -> e.get("type"))
                .containsExactly("vizora.identity.organisation_created.v1", "vizora.identity.user_registered.v1");
        assertThat(events).extracting(e -> e.get("principal")).containsOnly("user:" + body.ownerUserId());
    }

    @Test
    void thePasswordIsStoredOnlyAsAnArgon2Hash() {
        var body = http.post().uri("/api/v1/organisations").bodyValue(request(uniqueEmail())).exchange()
                .expectStatus().isCreated().expectBody(SignUpResponse.class).returnResult().getResponseBody();

        var hash = db.sql("SELECT password_hash FROM app_user WHERE id = :id").bind("id", body.ownerUserId())
                .map(row -> row.get(0, String.class)).one().block();
        var outbox = db.sql("SELECT string_agg(payload::text, '') FROM outbox WHERE tenant_id = :tenant")
                .bind("tenant", body.organisationId()).map(row -> row.get(0, String.class)).one().block();
        assertThat(hash).startsWith("$argon2id$").doesNotContain("correct horse");
        assertThat(outbox).doesNotContain("correct horse").doesNotContain("argon2");
    }

    /** Before, the second sign-up answered 409 "exists already": anyone could learn whether an address had an account. */
    @Test
    void aSecondSignUpWithTheSameEmailInAnyCaseMakesASecondOrganisationWhoseLoginAsksWhichOne() {
        var email = uniqueEmail();
        var first = http.post().uri("/api/v1/organisations").bodyValue(request(email)).exchange().expectStatus().isCreated()
                .expectBody(SignUpResponse.class).returnResult().getResponseBody();
        var second = http.post().uri("/api/v1/organisations").bodyValue(request(email.toUpperCase())).exchange().expectStatus().isCreated()
                .expectBody(SignUpResponse.class).returnResult().getResponseBody();

        logIn(Map.of("email", email, "password", "correct horse battery staple"))
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Choose an organisation")
                .jsonPath("$.organisations.length()").isEqualTo(2)
                .jsonPath("$.organisations[?(@.organisationId == '%s')]".formatted(first.organisationId())).exists()
                .jsonPath("$.organisations[?(@.organisationId == '%s')]".formatted(second.organisationId())).exists();
        logIn(Map.of("email", email, "password", "correct horse battery staple", "organisationId", second.organisationId().toString()))
                .expectStatus().isOk().expectBody().jsonPath("$.accessToken").exists();
        logIn(Map.of("email", email, "password", "not the password at all", "organisationId", first.organisationId().toString()))
                .expectStatus().isUnauthorized();
    }

    private WebTestClient.ResponseSpec logIn(Map<String, Object> body) {
        return http.post().uri("/api/v1/auth/login").bodyValue(body).exchange();
    }

    /** The API takes exactly the addresses its event contract takes; before, this one was a 500 when user_registered was checked. */
    @Test
    void anAddressWithoutARealTopLevelDomainIsRefusedUpFrontAndNothingIsWritten() {
        var organisationsBefore = count("organisation");
        http.post().uri("/api/v1/organisations")
                .bodyValue(Map.of("organisationName", "Acme", "ownerEmail", "ops@screens.local", "ownerName", "Ada", "password", "a long enough password"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[?(@.field == 'ownerEmail')]").exists();
        assertThat(count("organisation")).isEqualTo(organisationsBefore);
    }

    @Test
    void invalidFieldsAreEachNamedAndNothingIsWritten() {
        var organisationsBefore = count("organisation");
        http.post().uri("/api/v1/organisations")
                .bodyValue(Map.of("organisationName", " ", "ownerEmail", "not-an-email", "password", "short"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'organisationName')]").exists()
                .jsonPath("$.errors[?(@.field == 'ownerEmail')]").exists()
                .jsonPath("$.errors[?(@.field == 'ownerName')]").exists()
                .jsonPath("$.errors[?(@.field == 'password')]").exists()
                .jsonPath("$.trace").doesNotExist();
        assertThat(count("organisation")).isEqualTo(organisationsBefore);
    }

    @Test
    void aPasswordAgainstThePolicyIsRefusedWithTheReason() {
        var email = uniqueEmail();
        var body = Map.of("organisationName", "Acme", "ownerEmail", email, "ownerName", "Ada", "password", "xx" + email);
        http.post().uri("/api/v1/organisations").bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("must not contain the email address"));
    }

    @Test
    void malformedJsonIsABadRequestWithoutInternals() {
        http.post().uri("/api/v1/organisations").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"organisationName\": ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).value(text -> assertThat(text).doesNotContain("at io.").doesNotContain("Exception"));
    }

    @Test
    void markupAndSqlInNamesAreStoredAndEmittedVerbatimAndInert() {
        var name = "<script>alert(1)</script>'; DROP TABLE organisation; --";
        var body = Map.of("organisationName", name, "ownerEmail", uniqueEmail(), "ownerName", "Robert'); DROP TABLE app_user;--",
                "password", "correct horse battery staple");
        var created = http.post().uri("/api/v1/organisations").bodyValue(body).exchange()
                .expectStatus().isCreated().expectBody(SignUpResponse.class).returnResult().getResponseBody();

        var stored = db.sql("SELECT name FROM organisation WHERE id = :id").bind("id", created.organisationId())
                .map(row -> row.get(0, String.class)).one().block();
        var emitted = db.sql("SELECT payload->'data'->>'name' FROM outbox WHERE tenant_id = :tenant AND type = 'vizora.identity.organisation_created.v1'")
                .bind("tenant", created.organisationId()).map(row -> row.get(0, String.class)).one().block();
        assertThat(stored).isEqualTo(name);
        assertThat(emitted).isEqualTo(name);
        assertThat(count("app_user")).isPositive();
    }

    private long count(String table) {
        return db.sql("SELECT count(*) FROM " + table).map(row -> row.get(0, Long.class)).one().block();
    }
}

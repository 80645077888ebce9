package io.vizora.command.apikeys.web;

import io.vizora.command.CommandServiceIntegrationTest;
import io.vizora.command.Organisations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@CommandServiceIntegrationTest
class ApiKeysIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    private WebTestClient.ResponseSpec create(String token, List<String> scopes) {
        return http.post().uri("/api/v1/api-keys").header("Authorization", "Bearer " + token)
                .bodyValue(Map.of("name", "Partner CMS", "scopes", scopes)).exchange();
    }

    private Map<?, ?> createKey(String token) {
        return create(token, List.of("displays:read", "events:read")).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec meWithKey(String key) {
        return http.get().uri("/api/v1/me").header("Authorization", "ApiKey " + key).exchange();
    }

    @Test
    void aKeyIsShownOnceStoredOnlyHashedAndAuthenticatesWithItsScopes() {
        var organisation = Organisations.create(http);
        var created = createKey(organisation.tokens().get("admin"));
        var key = (String) created.get("key");

        meWithKey(key).expectStatus().isOk()
                .expectBody().jsonPath("$.principal").isEqualTo("apikey:" + created.get("apiKeyId"))
                .jsonPath("$.organisationId").isEqualTo(organisation.id().toString())
                .jsonPath("$.scopes[0]").isEqualTo("displays:read").jsonPath("$.scopes[1]").isEqualTo("events:read");
        var listed = http.get().uri("/api/v1/api-keys").header("Authorization", "Bearer " + organisation.tokens().get("owner")).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        var stored = db.sql("SELECT encode(key_hash, 'hex') || name || array_to_string(scopes, ',') FROM api_key WHERE id = :id::uuid")
                .bind("id", created.get("apiKeyId")).map(r -> r.get(0, String.class)).one().block();
        var emitted = db.sql("SELECT payload::text FROM outbox WHERE aggregate_id = :id").bind("id", created.get("apiKeyId"))
                .map(r -> r.get(0, String.class)).one().block();

        assertThat(key).startsWith("vzk_");
        assertThat(listed).contains("Partner CMS").doesNotContain(key.substring(4));
        assertThat(stored).doesNotContain(key.substring(4));
        assertThat(emitted).contains("api_key_created").doesNotContain(key.substring(4))
                .as("the digest partner streams authenticate the key with").contains("keyHash").contains(sha256(key));
    }

    private static String sha256(String key) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRevokedKeyStopsWorkingAtOnceAndRevokingAgainIsHarmless() {
        var organisation = Organisations.create(http);
        var created = createKey(organisation.tokens().get("owner"));
        var revoke = "/api/v1/api-keys/" + created.get("apiKeyId");

        http.delete().uri(revoke).header("Authorization", "Bearer " + organisation.tokens().get("owner")).exchange().expectStatus().isNoContent();
        http.delete().uri(revoke).header("Authorization", "Bearer " + organisation.tokens().get("owner")).exchange().expectStatus().isNoContent();
        meWithKey((String) created.get("key")).expectStatus().isUnauthorized();
        var revocations = db.sql("SELECT count(*) FROM outbox WHERE aggregate_id = :id AND type = 'vizora.identity.api_key_revoked.v1'")
                .bind("id", created.get("apiKeyId")).map(r -> r.get(0, Long.class)).one().block();
        assertThat(revocations).isEqualTo(1);
    }

    @Test
    void onlyOwnersAndAdminsManageKeysAndOnlyTheirOwnOrganisations() {
        var mine = Organisations.create(http);
        var theirs = Organisations.create(http);
        var theirKey = createKey(theirs.tokens().get("owner"));

        create(mine.tokens().get("editor"), List.of("displays:read")).expectStatus().isForbidden();
        create(mine.tokens().get("viewer"), List.of("displays:read")).expectStatus().isForbidden();
        http.delete().uri("/api/v1/api-keys/" + theirKey.get("apiKeyId")).header("Authorization", "Bearer " + mine.tokens().get("owner"))
                .exchange().expectStatus().isNotFound();
        meWithKey((String) theirKey.get("key")).expectStatus().isOk();
    }

    @Test
    void anUnknownScopeOrAForgedKeyIsRefused() {
        var organisation = Organisations.create(http);
        create(organisation.tokens().get("owner"), List.of("everything:write")).expectStatus().isBadRequest();
        create(organisation.tokens().get("owner"), List.of()).expectStatus().isBadRequest();
        meWithKey("vzk_forged-key-that-was-never-issued").expectStatus().isUnauthorized();
    }

    @Test
    void anApiKeyCannotUseTheUserEndpoints() {
        var organisation = Organisations.create(http);
        var key = (String) createKey(organisation.tokens().get("owner")).get("key");

        http.get().uri("/api/v1/users").header("Authorization", "ApiKey " + key).exchange().expectStatus().isForbidden();
    }
}

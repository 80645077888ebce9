package io.vizora.command;

import io.vizora.command.identity.domain.Permission;
import io.vizora.command.identity.domain.PermissionMatrix;
import io.vizora.command.identity.domain.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every role against every operator endpoint: a role the matrix does not grant the endpoint's
 * permission gets 403 and nothing else; a role it grants never does (it gets on to 200, 201, 404
 * or 422). Objects named in paths do not exist, so a granted request changes nothing it should not.
 */
@CommandServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIntegrationTests {

    record Endpoint(HttpMethod method, String path, Permission permission, Object body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final String ID = UUID.randomUUID().toString();
    private static final String UPLOAD = "upload";

    @Autowired
    WebTestClient http;

    private Organisations.Organisation organisation;

    @BeforeAll
    void organisation() {
        organisation = Organisations.create(http);
    }

    static List<Endpoint> endpoints() {
        var group = Map.of("name", "Group " + UUID.randomUUID());
        var display = Map.of("pairingCode", "AAAA-AAAA", "name", "Screen", "timeZone", "UTC", "groupIds", List.of(), "tags", List.of());
        var playlist = Map.of("name", "Loop", "items", List.of());
        var campaign = Campaigns.body(UUID.randomUUID(), List.of("menu"));
        return List.of(
                new Endpoint(HttpMethod.GET, "/api/v1/users", Permission.USERS_READ, null),
                new Endpoint(HttpMethod.GET, "/api/v1/users/" + ID, Permission.USERS_READ, null),
                new Endpoint(HttpMethod.POST, "/api/v1/users", Permission.USERS_MANAGE,
                        Map.of("email", Organisations.email(), "displayName", "New", "role", "viewer")),
                new Endpoint(HttpMethod.PUT, "/api/v1/users/" + ID + "/role", Permission.USERS_MANAGE, Map.of("role", "viewer")),
                new Endpoint(HttpMethod.DELETE, "/api/v1/users/" + ID, Permission.USERS_MANAGE, null),
                new Endpoint(HttpMethod.GET, "/api/v1/api-keys", Permission.API_KEYS_MANAGE, null),
                new Endpoint(HttpMethod.POST, "/api/v1/api-keys", Permission.API_KEYS_MANAGE, Map.of("name", "Partner", "scopes", List.of("events:read"))),
                new Endpoint(HttpMethod.DELETE, "/api/v1/api-keys/" + ID, Permission.API_KEYS_MANAGE, null),
                new Endpoint(HttpMethod.GET, "/api/v1/display-groups", Permission.FLEET_READ, null),
                new Endpoint(HttpMethod.GET, "/api/v1/display-groups/" + ID, Permission.FLEET_READ, null),
                new Endpoint(HttpMethod.POST, "/api/v1/display-groups", Permission.FLEET_MANAGE, group),
                new Endpoint(HttpMethod.PUT, "/api/v1/display-groups/" + ID, Permission.FLEET_MANAGE, group),
                new Endpoint(HttpMethod.DELETE, "/api/v1/display-groups/" + ID, Permission.FLEET_MANAGE, null),
                new Endpoint(HttpMethod.GET, "/api/v1/displays", Permission.FLEET_READ, null),
                new Endpoint(HttpMethod.GET, "/api/v1/displays/" + ID, Permission.FLEET_READ, null),
                new Endpoint(HttpMethod.POST, "/api/v1/displays", Permission.FLEET_MANAGE, display),
                new Endpoint(HttpMethod.PUT, "/api/v1/displays/" + ID, Permission.FLEET_MANAGE, display),
                new Endpoint(HttpMethod.DELETE, "/api/v1/displays/" + ID, Permission.FLEET_MANAGE, null),
                new Endpoint(HttpMethod.GET, "/api/v1/displays/" + ID + "/screenshots", Permission.FLEET_READ, null),
                new Endpoint(HttpMethod.POST, "/api/v1/commands", Permission.FLEET_COMMAND,
                        Map.of("command", "IDENTIFY", "targets", Map.of("displayIds", List.of(ID)))),
                new Endpoint(HttpMethod.GET, "/api/v1/content", Permission.CONTENT_READ, null),
                new Endpoint(HttpMethod.GET, "/api/v1/content/" + ID, Permission.CONTENT_READ, null),
                new Endpoint(HttpMethod.POST, "/api/v1/content?name=Spot", Permission.CONTENT_MANAGE, UPLOAD),
                new Endpoint(HttpMethod.POST, "/api/v1/content/web-pages", Permission.CONTENT_MANAGE, Map.of("name", "Page", "url", "https://example.org")),
                new Endpoint(HttpMethod.POST, "/api/v1/content/uploads", Permission.CONTENT_MANAGE, Map.of("name", "Big")),
                new Endpoint(HttpMethod.POST, "/api/v1/content/" + ID + "/confirm", Permission.CONTENT_MANAGE, null),
                new Endpoint(HttpMethod.PUT, "/api/v1/content/" + ID, Permission.CONTENT_MANAGE, Map.of("name", "Renamed")),
                new Endpoint(HttpMethod.DELETE, "/api/v1/content/" + ID, Permission.CONTENT_MANAGE, null),
                new Endpoint(HttpMethod.GET, "/api/v1/playlists", Permission.CAMPAIGNS_READ, null),
                new Endpoint(HttpMethod.GET, "/api/v1/playlists/" + ID, Permission.CAMPAIGNS_READ, null),
                new Endpoint(HttpMethod.POST, "/api/v1/playlists", Permission.CAMPAIGNS_MANAGE, playlist),
                new Endpoint(HttpMethod.PUT, "/api/v1/playlists/" + ID, Permission.CAMPAIGNS_MANAGE, playlist),
                new Endpoint(HttpMethod.DELETE, "/api/v1/playlists/" + ID, Permission.CAMPAIGNS_MANAGE, null),
                new Endpoint(HttpMethod.GET, "/api/v1/organisation/default-playlist", Permission.CAMPAIGNS_READ, null),
                new Endpoint(HttpMethod.PUT, "/api/v1/organisation/default-playlist", Permission.CAMPAIGNS_PUBLISH, Map.of("playlistId", ID)),
                new Endpoint(HttpMethod.GET, "/api/v1/campaigns", Permission.CAMPAIGNS_READ, null),
                new Endpoint(HttpMethod.GET, "/api/v1/campaigns/" + ID, Permission.CAMPAIGNS_READ, null),
                new Endpoint(HttpMethod.POST, "/api/v1/campaigns", Permission.CAMPAIGNS_MANAGE, campaign),
                new Endpoint(HttpMethod.PUT, "/api/v1/campaigns/" + ID, Permission.CAMPAIGNS_MANAGE, campaign),
                new Endpoint(HttpMethod.POST, "/api/v1/campaigns/" + ID + "/publish", Permission.CAMPAIGNS_PUBLISH, null),
                new Endpoint(HttpMethod.POST, "/api/v1/campaigns/" + ID + "/end", Permission.CAMPAIGNS_PUBLISH, null),
                new Endpoint(HttpMethod.DELETE, "/api/v1/campaigns/" + ID, Permission.CAMPAIGNS_MANAGE, null),
                new Endpoint(HttpMethod.POST, "/api/v1/takeovers", Permission.CAMPAIGNS_PUBLISH,
                        Map.of("playlistId", ID, "targets", Map.of("wholeOrganisation", true), "durationSeconds", 900)));
    }

    static Stream<Arguments> everyRoleAgainstEveryEndpoint() {
        return endpoints().stream().flatMap(endpoint -> Arrays.stream(Role.values()).map(role -> Arguments.of(endpoint, role)));
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("everyRoleAgainstEveryEndpoint")
    void theMatrixDecidesWhoGetsPastTheDoor(Endpoint endpoint, Role role) {
        var request = http.method(endpoint.method()).uri(endpoint.path())
                .header("Authorization", "Bearer " + organisation.tokens().get(role.code()));
        var status = (endpoint.body() == null ? request.exchange()
                : UPLOAD.equals(endpoint.body()) ? request.contentType(MediaType.IMAGE_PNG).bodyValue(Files.png()).exchange()
                : request.bodyValue(endpoint.body()).exchange())
                .returnResult(String.class).getStatus().value();

        if (PermissionMatrix.allows(role, endpoint.permission())) {
            assertThat(status).as("%s may %s", role, endpoint).isIn(200, 201, 204, 404, 409, 422);
        } else {
            assertThat(status).as("%s may not %s", role, endpoint).isEqualTo(403);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void nobodyWithoutATokenGetsIn(Endpoint endpoint) {
        var request = http.method(endpoint.method()).uri(endpoint.path());
        (endpoint.body() == null || UPLOAD.equals(endpoint.body()) ? request.exchange() : request.bodyValue(endpoint.body()).exchange())
                .expectStatus().isUnauthorized();
    }
}

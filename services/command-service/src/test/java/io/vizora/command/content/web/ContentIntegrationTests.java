package io.vizora.command.content.web;

import io.vizora.command.CommandServiceIntegrationTest;
import io.vizora.command.Files;
import io.vizora.command.Library;
import io.vizora.command.Organisations;
import io.vizora.command.Outbox;
import io.vizora.command.content.application.ContentProperties;
import io.vizora.command.content.application.ContentService;
import io.vizora.command.content.persistence.ContentRepository;
import io.vizora.command.content.storage.ContentStorage;
import io.vizora.command.identity.domain.Caller;
import io.vizora.command.identity.domain.Role;
import io.vizora.outbox.OutboxWriter;
import io.vizora.platform.objectstore.ObjectStore;
import io.vizora.platform.objectstore.ObjectStoreException;
import io.vizora.platform.objectstore.ObjectStoreProperties;
import io.vizora.testsupport.CuttableLink;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@CommandServiceIntegrationTest
class ContentIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Autowired
    ObjectStore store;

    @Autowired
    ObjectStoreProperties storeProperties;

    @Autowired
    ContentRepository contents;

    @Autowired
    ContentProperties contentProperties;

    @Autowired
    OutboxWriter outbox;

    @Autowired
    TransactionalOperator transaction;

    @SuppressWarnings("unchecked")
    private Map<String, Object> body(WebTestClient.ResponseSpec response) {
        return response.expectBody(Map.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec get(String token, String uri) {
        return http.get().uri(uri).header("Authorization", "Bearer " + token).exchange();
    }

    private WebTestClient.ResponseSpec post(String token, String uri, Object body) {
        return http.post().uri(uri).header("Authorization", "Bearer " + token).bodyValue(body).exchange();
    }

    @Test
    void aFileStreamsToTheStoreIdentifiedBySha256WithItsTypeFromItsBytes() throws IOException {
        var organisation = Organisations.create(http);
        var editor = organisation.tokens().get("editor");
        var png = Files.png();

        var content = body(Library.upload(http, editor, "Winter menu", png, MediaType.APPLICATION_OCTET_STREAM).expectStatus().isCreated());

        var contentId = UUID.fromString((String) content.get("contentId"));
        assertThat(content).containsEntry("kind", "image").containsEntry("mediaType", "image/png").containsEntry("state", "ready")
                .containsEntry("sha256", Files.sha256(png)).containsEntry("sizeBytes", png.length)
                .containsEntry("objectKey", "tenants/" + organisation.id() + "/content/" + contentId + "/original");
        try (var stored = store.get((String) content.get("objectKey"))) {
            assertThat(stored.readAllBytes()).isEqualTo(png);
        }
        assertThat(Outbox.data(db, contentId, "vizora.content.content_uploaded.v1"))
                .containsEntry("sha256", Files.sha256(png)).containsEntry("kind", "image").doesNotContainKey("url");
    }

    @Test
    void theLibraryGivesEachReadyFileALinkThatShowsItForAnHourAndAWebPageNone() throws Exception {
        var organisation = Organisations.create(http);
        var editor = organisation.tokens().get("editor");
        var image = Library.image(http, editor, "Poster");
        post(editor, "/api/v1/content/web-pages", Map.of("name", "Weather", "url", "https://example.org/weather")).expectStatus().isCreated();

        var listed = get(organisation.tokens().get("viewer"), "/api/v1/content").expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        var byName = new HashMap<String, Map<?, ?>>();
        listed.forEach(item -> byName.put((String) ((Map<?, ?>) item).get("name"), (Map<?, ?>) item));
        assertThat(byName.get("Weather").get("previewUrl")).isNull();
        var preview = (String) byName.get("Poster").get("previewUrl");
        assertThat(preview).contains("X-Amz-Expires=3600");
        var fetched = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(preview)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(Files.png());
        get(editor, "/api/v1/content/" + image).expectStatus().isOk().expectBody().jsonPath("$.previewUrl").isNotEmpty()
                .jsonPath("$.contentId").isEqualTo(image.toString());
    }

    @Test
    void theClientsClaimedTypeAndTheFileNameCountForNothing() {
        var editor = Organisations.create(http).tokens().get("editor");

        Library.upload(http, editor, "clip.mp4", Files.png(), MediaType.valueOf("video/mp4")).expectStatus().isCreated()
                .expectBody().jsonPath("$.mediaType").isEqualTo("image/png").jsonPath("$.kind").isEqualTo("image");
        Library.upload(http, editor, "photo.png", Files.mp4(), MediaType.IMAGE_PNG).expectStatus().isCreated()
                .expectBody().jsonPath("$.mediaType").isEqualTo("video/mp4").jsonPath("$.kind").isEqualTo("video");
        Library.upload(http, editor, "banner.png", Files.html(), MediaType.IMAGE_PNG).expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("text/html").contains("cannot play"));
        Library.upload(http, editor, "setup.jpg", new byte[]{'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0}, MediaType.IMAGE_JPEG)
                .expectStatus().isEqualTo(422);
        Library.upload(http, editor, "empty.png", new byte[0], MediaType.IMAGE_PNG).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aPathInTheNameIsJustANameAndMarkupIsReturnedAsText() {
        var organisation = Organisations.create(http);
        var editor = organisation.tokens().get("editor");

        var traversal = body(Library.upload(http, editor, "../../../etc/passwd", Files.jpeg(), MediaType.IMAGE_JPEG).expectStatus().isCreated());
        assertThat(traversal.get("name")).isEqualTo("../../../etc/passwd");
        assertThat((String) traversal.get("objectKey")).isEqualTo("tenants/" + organisation.id() + "/content/" + traversal.get("contentId") + "/original");

        var script = "<script>alert('x')</script>'; DROP TABLE content; --";
        var marked = body(post(editor, "/api/v1/content/web-pages", Map.of("name", script, "url", "https://example.org/menu")).expectStatus().isCreated());
        get(editor, "/api/v1/content/" + marked.get("contentId")).expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectBody().jsonPath("$.name").isEqualTo(script);
        get(editor, "/api/v1/content").expectBody().jsonPath("$.length()").isEqualTo(2);
    }

    @Test
    void filesOverTheLimitAreRefusedAndNothingIsKept() {
        var organisation = Organisations.create(http);
        var editor = organisation.tokens().get("editor");

        Library.upload(http, editor, "huge", Files.pngOfSize(2 * 1024 * 1024 + 1), MediaType.IMAGE_PNG)
                .expectStatus().isEqualTo(413).expectBody().jsonPath("$.title").isEqualTo("Content too large");
        Library.upload(http, editor, "big image", Files.pngOfSize(1024 * 1024 + 1), MediaType.IMAGE_PNG)
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("1048576"));

        get(editor, "/api/v1/content").expectBody().jsonPath("$.length()").isEqualTo(0);
        assertThat(Outbox.events(db, organisation.id())).noneMatch(event -> event.contains("content_uploaded"));
    }

    @Test
    void aLargeFileGoesByPresignedUploadAndCountsOnlyOnceConfirmedAfterWhichItsBytesCanNoLongerChange() throws Exception {
        var organisation = Organisations.create(http);
        var editor = organisation.tokens().get("editor");
        var upload = body(post(editor, "/api/v1/content/uploads", Map.of("name", "Launch video")).expectStatus().isCreated());
        var contentId = UUID.fromString((String) upload.get("contentId"));
        post(editor, "/api/v1/content/" + contentId + "/confirm", Map.of()).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.title").isEqualTo("Nothing uploaded");

        var mp4 = Files.mp4();
        assertThat(Files.put((String) upload.get("uploadUrl"), mp4)).isEqualTo(200);
        assertThat(Outbox.types(db, contentId)).isEmpty();

        post(editor, "/api/v1/content/" + contentId + "/confirm", Map.of()).expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo("ready").jsonPath("$.kind").isEqualTo("video").jsonPath("$.sha256").isEqualTo(Files.sha256(mp4));
        // the URL still takes a PUT, but what it writes is no longer the content
        Files.put((String) upload.get("uploadUrl"), Files.html());
        post(editor, "/api/v1/content/" + contentId + "/confirm", Map.of()).expectStatus().isOk().expectBody()
                .jsonPath("$.sha256").isEqualTo(Files.sha256(mp4));
        assertThat(Outbox.types(db, contentId)).containsExactly("vizora.content.content_uploaded.v1");
        var key = "tenants/" + organisation.id() + "/content/" + contentId + "/original";
        try (var kept = store.get(key)) {
            assertThat(kept.readAllBytes()).isEqualTo(mp4);
        }
        var served = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(store.presignedGet(key, java.time.Duration.ofMinutes(1)))).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(served.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(served.headers().firstValue("Content-Disposition")).hasValue("attachment");
    }

    @Test
    void aConfirmationWhileTheStoreDoesNotAnswerKeepsTheUploadPendingToBeConfirmedOnceItAnswers() throws Exception {
        var organisation = Organisations.create(http);
        var editor = organisation.tokens().get("editor");
        var upload = body(post(editor, "/api/v1/content/uploads", Map.of("name", "Launch video")).expectStatus().isCreated());
        var contentId = UUID.fromString((String) upload.get("contentId"));
        var mp4 = Files.mp4();
        assertThat(Files.put((String) upload.get("uploadUrl"), mp4)).isEqualTo(200);

        var endpoint = URI.create(storeProperties.endpoint());
        try (var link = new CuttableLink(endpoint.getHost(), endpoint.getPort())) {
            // the service as the application builds it, its store reached through a link that is then cut
            var cutOff = new ContentService(contents, new ContentStorage(new ObjectStore(new ObjectStoreProperties("http://" + link.host() + ":" + link.port(),
                    storeProperties.region(), storeProperties.accessKey(), storeProperties.secretKey(), storeProperties.bucket()))),
                    contentProperties, outbox, transaction);
            link.cut();
            var caller = new Caller.User(organisation.userIds().get("editor"), organisation.id(), Role.EDITOR);
            assertThatThrownBy(() -> cutOff.confirmUpload(caller, contentId).block()).isInstanceOf(ObjectStoreException.class);
        }

        get(editor, "/api/v1/content/" + contentId).expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("pending");
        assertThat(Outbox.types(db, contentId)).isEmpty();
        post(editor, "/api/v1/content/" + contentId + "/confirm", Map.of()).expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo("ready").jsonPath("$.sha256").isEqualTo(Files.sha256(mp4));
    }

    @Test
    void aPresignedUploadThatIsNotPlayableIsRemovedOnConfirmation() throws Exception {
        var organisation = Organisations.create(http);
        var editor = organisation.tokens().get("editor");
        var upload = body(post(editor, "/api/v1/content/uploads", Map.of("name", "Sneaky")).expectStatus().isCreated());
        var contentId = (String) upload.get("contentId");
        assertThat(Files.put((String) upload.get("uploadUrl"), Files.html())).isEqualTo(200);

        post(editor, "/api/v1/content/" + contentId + "/confirm", Map.of()).expectStatus().isEqualTo(422);

        get(editor, "/api/v1/content/" + contentId).expectStatus().isNotFound();
        assertThat(store.sizeIfPresent("tenants/" + organisation.id() + "/content/" + contentId + "/original")).isEmpty();
    }

    @Test
    void aWebPageNeedsAPlainHttpAddress() {
        var editor = Organisations.create(http).tokens().get("editor");
        var page = body(post(editor, "/api/v1/content/web-pages", Map.of("name", "Weather", "url", "https://example.org/weather?city=Berlin"))
                .expectStatus().isCreated());
        assertThat(page).containsEntry("kind", "web").containsEntry("url", "https://example.org/weather?city=Berlin").containsEntry("sizeBytes", 0);
        assertThat(Outbox.data(db, UUID.fromString((String) page.get("contentId")), "vizora.content.content_uploaded.v1"))
                .containsEntry("url", "https://example.org/weather?city=Berlin").doesNotContainKey("objectKey");

        for (var url : new String[]{"javascript:alert(1)", "file:///etc/passwd", "https://admin:secret@example.org/", "not a url", "https:///path"}) {
            post(editor, "/api/v1/content/web-pages", Map.of("name", "Bad", "url", url)).expectStatus().isEqualTo(422);
        }
    }

    @Test
    void contentIsRenamedAndDeletedWithAnEventForEachAndItsFileGoes() {
        var editor = Organisations.create(http).tokens().get("editor");
        var content = body(Library.upload(http, editor, "Old name", Files.png(), MediaType.IMAGE_PNG).expectStatus().isCreated());
        var contentId = UUID.fromString((String) content.get("contentId"));

        http.put().uri("/api/v1/content/" + contentId).header("Authorization", "Bearer " + editor).bodyValue(Map.of("name", "New name"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.name").isEqualTo("New name");
        http.delete().uri("/api/v1/content/" + contentId).header("Authorization", "Bearer " + editor).exchange().expectStatus().isNoContent();

        get(editor, "/api/v1/content/" + contentId).expectStatus().isNotFound();
        assertThat(store.sizeIfPresent((String) content.get("objectKey"))).isEmpty();
        assertThat(Outbox.types(db, contentId)).containsExactly("vizora.content.content_uploaded.v1",
                "vizora.content.content_renamed.v1", "vizora.content.content_deleted.v1");
    }

    @Test
    void anotherOrganisationsContentIsNotFoundAndStaysAsItWas() {
        var mine = Organisations.create(http).tokens().get("editor");
        var theirs = Organisations.create(http).tokens().get("admin");
        var contentId = Library.image(http, mine, "Mine");

        get(theirs, "/api/v1/content/" + contentId).expectStatus().isNotFound();
        http.put().uri("/api/v1/content/" + contentId).header("Authorization", "Bearer " + theirs).bodyValue(Map.of("name", "Stolen"))
                .exchange().expectStatus().isNotFound();
        post(theirs, "/api/v1/content/" + contentId + "/confirm", Map.of()).expectStatus().isNotFound();
        http.delete().uri("/api/v1/content/" + contentId).header("Authorization", "Bearer " + theirs).exchange().expectStatus().isNotFound();
        get(theirs, "/api/v1/content").expectBody().jsonPath("$.length()").isEqualTo(0);
        get(mine, "/api/v1/content/" + contentId).expectStatus().isOk().expectBody().jsonPath("$.name").isEqualTo("Mine");
    }
}

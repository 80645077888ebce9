package io.vizora.command;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.Map;
import java.util.UUID;

/** Content added through the API, as an operator would add it. */
public final class Library {

    private Library() {
    }

    public static WebTestClient.ResponseSpec upload(WebTestClient http, String token, String name, byte[] file, MediaType claimed) {
        return http.post().uri(uri -> uri.path("/api/v1/content").queryParam("name", name).build())
                .header("Authorization", "Bearer " + token).contentType(claimed).bodyValue(file).exchange();
    }

    /** A small PNG image in the caller's library. */
    public static UUID image(WebTestClient http, String token, String name) {
        return UUID.fromString((String) upload(http, token, name, Files.png(), MediaType.IMAGE_PNG).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("contentId"));
    }
}

package io.vizora.platform.objectstore;

import io.vizora.platform.StackIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@StackIntegrationTest
class ObjectStoreIntegrationTests {

    @Autowired
    ObjectStore store;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anObjectPutIsReadBackByteForByte() throws Exception {
        var key = "probe/" + UUID.randomUUID() + ".bin";
        var content = randomBytes(3 * 1024 * 1024 + 17);
        store.put(key, new ByteArrayInputStream(content), content.length, "application/octet-stream");
        try (var in = store.get(key)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
            assertThat(store.size(key)).isEqualTo(content.length);
        } finally {
            store.remove(key);
        }
    }

    @Test
    void aStreamOfUnknownLengthIsStored() throws Exception {
        var key = "probe/" + UUID.randomUUID() + ".bin";
        var content = randomBytes(100_000);
        store.put(key, new ByteArrayInputStream(content), -1, "application/octet-stream");
        try (var in = store.get(key)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        } finally {
            store.remove(key);
        }
    }

    @Test
    void aPresignedGetUrlServesTheObjectOverPlainHttpWithoutCredentials() throws Exception {
        var key = "probe/" + UUID.randomUUID() + ".png";
        var content = randomBytes(4096);
        store.put(key, new ByteArrayInputStream(content), content.length, "image/png");
        try {
            var url = store.presignedGet(key, Duration.ofMinutes(5));
            var response = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(content);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
        } finally {
            store.remove(key);
        }
    }

    @Test
    void aTamperedPresignedUrlIsRefused() throws Exception {
        var key = "probe/" + UUID.randomUUID() + ".txt";
        var content = "secret".getBytes();
        store.put(key, new ByteArrayInputStream(content), content.length, "text/plain");
        try {
            var otherKey = key.replace(".txt", ".other");
            var url = store.presignedGet(key, Duration.ofMinutes(5)).replace(key, otherKey);
            var response = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(403);
        } finally {
            store.remove(key);
        }
    }

    private static byte[] randomBytes(int size) {
        var bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}

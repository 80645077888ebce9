package io.vizora.partner;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** A partner's webhook endpoint on loopback that answers 503 to the first {@code failures} requests it gets, as fast or as slowly as told. */
final class Receiver implements AutoCloseable {

    record Delivery(String id, String timestamp, String signature, String body) {
    }

    private final HttpServer server;
    private final AtomicInteger failuresLeft;
    private volatile long answerAfterMillis;
    private volatile boolean stallAfterHeaders;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger();
    private final List<Delivery> accepted = new CopyOnWriteArrayList<>();

    Receiver(int failures) throws IOException {
        this.failuresLeft = new AtomicInteger(failures);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            requests.incrementAndGet();
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            pause();
            if (stallAfterHeaders) {
                // promises a body, sends a byte of it (so the headers surely leave), then nothing more
                exchange.sendResponseHeaders(200, 1_000_000);
                exchange.getResponseBody().write('{');
                exchange.getResponseBody().flush();
                awaitClose();
                exchange.close();
                return;
            }
            if (failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                exchange.sendResponseHeaders(503, -1);
            } else {
                accepted.add(new Delivery(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                        headers.getFirst("webhook-signature"), body));
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        server.start();
    }

    /** From now on, answers 200 and a body length, then sends nothing more. */
    void stallAfterHeaders() {
        stallAfterHeaders = true;
    }

    private void awaitClose() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A slow receiver: each answer takes this long. */
    void answerAfter(long millis) {
        answerAfterMillis = millis;
    }

    private void pause() {
        try {
            Thread.sleep(answerAfterMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void failFromNowOn(int failures) {
        failuresLeft.set(failures);
    }

    int requests() {
        return requests.get();
    }

    List<Delivery> accepted() {
        return List.copyOf(accepted);
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }
}

package io.vizora.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP link on loopback to a real server, which a test cuts (every connection through it closed,
 * new ones refused) and restores, as a server's restart or a network fault does to its clients,
 * without touching the server the rest of the suite shares.
 */
public final class CuttableLink implements AutoCloseable {

    private final InetSocketAddress server;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private ServerSocket listening;

    public CuttableLink(String host, int port) throws IOException {
        this.server = new InetSocketAddress(host, port);
        this.listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.port = listening.getLocalPort();
        accept(listening);
    }

    /** Where clients connect. */
    public String host() {
        return InetAddress.getLoopbackAddress().getHostAddress();
    }

    /** The same after a cut and a restore. */
    public int port() {
        return port;
    }

    public synchronized void cut() throws IOException {
        listening.close();
        for (var socket : open) {
            socket.close();
        }
        open.clear();
    }

    public synchronized void restore() throws IOException {
        if (!listening.isClosed()) {
            return;
        }
        var reopened = new ServerSocket();
        reopened.setReuseAddress(true);
        reopened.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listening = reopened;
        accept(reopened);
    }

    @Override
    public void close() throws IOException {
        cut();
    }

    private void accept(ServerSocket from) {
        Thread.ofVirtual().name("link-" + port).start(() -> {
            while (!from.isClosed()) {
                Socket client;
                try {
                    client = from.accept();
                } catch (IOException cut) {
                    continue;
                }
                try {
                    var upstream = new Socket(server.getAddress(), server.getPort());
                    open.add(client);
                    open.add(upstream);
                    pipe(client, upstream);
                    pipe(upstream, client);
                    if (from.isClosed()) { // accepted as the link was being cut
                        client.close();
                    }
                } catch (IOException refused) {
                    try {
                        client.close();
                    } catch (IOException ignored) {
                        // closing what the server refused
                    }
                }
            }
        });
    }

    private void pipe(Socket from, Socket to) {
        Thread.ofVirtual().start(() -> {
            try (from; to) {
                from.getInputStream().transferTo(to.getOutputStream());
            } catch (IOException ended) {
                // either side closed, or the link was cut
            } finally {
                open.remove(from);
                open.remove(to);
            }
        });
    }
}

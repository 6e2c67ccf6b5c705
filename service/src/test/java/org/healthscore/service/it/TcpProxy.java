package org.healthscore.service.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP relay between the service under test and the database, so a test can cut the network
 * without touching the shared server: {@link #cut} resets every relayed connection and refuses new
 * ones (accepted, then closed at once) until {@link #restore}.
 */
final class TcpProxy implements AutoCloseable {

    private static final Pattern MYSQL_URL = Pattern.compile("^jdbc:mysql://([^/:?]+)(?::(\\d+))?(.*)$");

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger relayed = new AtomicInteger();
    private volatile boolean cut;
    private volatile boolean closed;

    TcpProxy(String host, int port) throws IOException {
        this.target = new InetSocketAddress(host, port);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon("tcp-proxy-accept", this::acceptLoop).start();
    }

    /** A proxy in front of the server of a {@code jdbc:mysql://host[:port]/...} URL. */
    static TcpProxy forJdbcUrl(String url) throws IOException {
        Matcher m = MYSQL_URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a jdbc:mysql:// URL: " + url);
        }
        return new TcpProxy(m.group(1), m.group(2) == null ? 3306 : Integer.parseInt(m.group(2)));
    }

    /** {@code url} with its host and port replaced by this proxy's. */
    String route(String url) {
        Matcher m = MYSQL_URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a jdbc:mysql:// URL: " + url);
        }
        return "jdbc:mysql://127.0.0.1:" + server.getLocalPort() + m.group(3);
    }

    /** Resets every relayed connection and refuses new ones until {@link #restore}. */
    synchronized void cut() {
        cut = true;
        for (Socket socket : open) {
            reset(socket);
        }
        open.clear();
    }

    synchronized void restore() {
        cut = false;
    }

    /** Relays a new pair unless a cut came while its upstream connection was being made. */
    private synchronized boolean register(Socket client, Socket upstream) {
        if (cut) {
            return false;
        }
        open.add(client);
        open.add(upstream);
        relayed.incrementAndGet();
        return true;
    }

    int port() {
        return server.getLocalPort();
    }

    /** Connections relayed since the proxy started. */
    int relayed() {
        return relayed.get();
    }

    /** Connections relayed now. */
    int open() {
        return open.size() / 2;
    }

    /** Connections refused while cut, since the proxy started. */
    int refused() {
        return refused.get();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        cut();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            if (cut) {
                refused.incrementAndGet();
                reset(client);
                continue;
            }
            try {
                Socket upstream = new Socket();
                upstream.connect(target, 2000);
                if (!register(client, upstream)) {
                    refused.incrementAndGet();
                    reset(upstream);
                    reset(client);
                    continue;
                }
                daemon("tcp-proxy-up", () -> pump(client, upstream)).start();
                daemon("tcp-proxy-down", () -> pump(upstream, client)).start();
            } catch (IOException e) {
                reset(client);
            }
        }
    }

    /** Copies one direction until either side ends; then both sides are closed. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // The other direction, a cut or the peer ended the connection.
        } finally {
            reset(from);
            reset(to);
            open.remove(from);
            open.remove(to);
        }
    }

    /** Closes with a TCP reset, as a dropped network path or a killed server would look to the client. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            // Already closed.
        }
        try {
            socket.close();
        } catch (IOException e) {
            // Already closed.
        }
    }

    private static Thread daemon(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        return t;
    }
}

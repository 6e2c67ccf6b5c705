package org.healthscore.bench.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A minimal Chrome DevTools Protocol client over one target's WebSocket: {@link #call} sends a command and waits
 * for its answer, {@link #on} and {@link #next} receive events. Handlers run on the socket's thread: keep them short.
 */
final class CdpClient implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final Duration timeout;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Map<String, List<Consumer<JsonNode>>> handlers = new ConcurrentHashMap<>();

    private CdpClient(URI webSocketUrl, Duration timeout) throws IOException {
        this.timeout = timeout;
        try {
            this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(timeout)
                    .buildAsync(webSocketUrl, new Listener()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IOException("Cannot open the DevTools WebSocket " + webSocketUrl, e);
        }
    }

    static CdpClient connect(URI webSocketUrl, Duration timeout) throws IOException {
        return new CdpClient(webSocketUrl, timeout);
    }

    /** Sends {@code method} with {@code params} (may be null) and returns its {@code result}; a protocol error throws. */
    JsonNode call(String method, ObjectNode params) throws IOException {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params == null ? JSON.createObjectNode() : params);
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            synchronized (socket) { // one send at a time, as WebSocket requires
                socket.sendText(message.toString(), true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            JsonNode reply = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (reply.has("error")) {
                throw new IOException(method + " failed: " + reply.get("error"));
            }
            return reply.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(method + " interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException(method + " failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IOException(method + " got no answer within " + timeout.toSeconds() + " s", e);
        } finally {
            pending.remove(id);
        }
    }

    JsonNode call(String method) throws IOException {
        return call(method, null);
    }

    /** Calls {@code handler} with the {@code params} of every {@code method} event from now on. */
    void on(String method, Consumer<JsonNode> handler) {
        handlers.computeIfAbsent(method, m -> new CopyOnWriteArrayList<>()).add(handler);
    }

    /** The {@code params} of the next {@code method} event: register before the command that causes it. */
    CompletableFuture<JsonNode> next(String method) {
        CompletableFuture<JsonNode> event = new CompletableFuture<>();
        on(method, event::complete);
        return event;
    }

    Duration timeout() {
        return timeout;
    }

    @Override
    public void close() {
        socket.abort();
    }

    private void dispatch(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (IOException e) {
            return; // not JSON: nothing the protocol sends
        }
        if (message.has("id")) {
            CompletableFuture<JsonNode> answer = pending.get(message.get("id").asInt());
            if (answer != null) {
                answer.complete(message);
            }
        } else if (message.has("method")) {
            handlers.getOrDefault(message.get("method").asText(), List.of())
                    .forEach(handler -> handler.accept(message.path("params")));
        }
    }

    private void failAll(Throwable cause) {
        pending.values().forEach(answer -> answer.completeExceptionally(cause));
    }

    /** Joins the parts of each text message (a screenshot arrives in many) and hands it on whole. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String whole = text.toString();
                text.setLength(0);
                dispatch(whole);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            failAll(new IOException("DevTools WebSocket closed: " + statusCode + " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            failAll(error);
        }
    }
}

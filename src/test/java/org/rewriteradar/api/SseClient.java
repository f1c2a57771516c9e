package org.rewriteradar.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** A test client of {@code GET /alerts/stream}: reads the event stream and keeps every complete event. */
final class SseClient implements AutoCloseable {

    /** One server-sent event. */
    record Event(String id, String name, String data) {}

    final List<Event> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile int status;

    SseClient(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMinutes(5))
                .header("Accept", "text/event-stream");
        headers.forEach(request::header);
        response = HttpClient.newHttpClient()
                .sendAsync(request.GET().build(), HttpResponse.BodyHandlers.ofLines())
                .thenApply(r -> {
                    status = r.statusCode();
                    CompletableFuture.runAsync(() -> read(r.body()));
                    return r;
                });
    }

    private void read(Stream<String> lines) {
        String id = null;
        String name = null;
        List<String> data = new ArrayList<>();
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(id, name, String.join("\n", data)));
                    }
                    id = null;
                    name = null;
                    data.clear();
                } else if (!line.startsWith(":")) {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1);
                    if (value.startsWith(" ")) {
                        value = value.substring(1);
                    }
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> name = value;
                        case "data" -> data.add(value);
                        default -> {}
                    }
                }
            }
        } catch (RuntimeException closed) {
            // the stream was closed
        }
    }

    /** The response status, once the headers arrived (0 before). */
    int status() {
        return status;
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }
}

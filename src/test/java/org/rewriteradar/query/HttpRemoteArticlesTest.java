package org.rewriteradar.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rewriteradar.TestConfig;

/**
 * The remote leg of a query over real HTTP against owners that misbehave: one answering 503 (rebalancing),
 * one that is down, one that accepts the connection and never answers (radar.query.remote-timeout).
 */
class HttpRemoteArticlesTest {

    private HttpServer server;
    private ServerSocket silent;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.stop(0);
        }
        if (silent != null) {
            silent.close();
        }
        for (Socket s : accepted) {
            s.close();
        }
    }

    private HostInfo serve(int status, String contentType, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext(InternalArticleResource.PATH + "/", exchange -> {
            try (exchange) {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", contentType);
                exchange.sendResponseHeaders(status, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        });
        server.start();
        return new HostInfo("localhost", server.getAddress().getPort());
    }

    @Test
    void ownerAnswering503IsUnavailable() throws IOException {
        HostInfo owner = serve(
                503,
                "application/problem+json",
                "{\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"the article store is not queryable\"}");

        assertThatThrownBy(() -> new HttpRemoteArticles(Duration.ofSeconds(5)).fetch(owner, "a-1"))
                .isInstanceOf(QueryUnavailableException.class)
                .hasMessageContaining("answered 503");
    }

    @Test
    void ownerAnswering404MeansNoSuchArticle() throws IOException {
        HostInfo owner = serve(404, "application/problem+json", "{\"status\":404}");

        assertThat(new HttpRemoteArticles(Duration.ofSeconds(5)).fetch(owner, "a-1"))
                .isEmpty();
    }

    @Test
    void ownerThatIsDownIsUnavailable() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        HostInfo owner = new HostInfo("localhost", port);

        assertThatThrownBy(() -> new HttpRemoteArticles(Duration.ofSeconds(5)).fetch(owner, "a-1"))
                .isInstanceOf(QueryUnavailableException.class)
                .hasMessageContaining("did not answer");
    }

    @Test
    @Timeout(30)
    void ownerThatNeverAnswersTimesOutAfterTheConfiguredRemoteTimeout() throws IOException {
        Duration timeout = TestConfig.radar(Map.of("radar.query.remote-timeout", "PT1.5S"))
                .query()
                .remoteTimeout();
        assertThat(timeout).isEqualTo(Duration.ofMillis(1500));
        // accepts connections, reads nothing, answers nothing
        silent = new ServerSocket(0);
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    accepted.add(silent.accept());
                }
            } catch (IOException closed) {
                // test over
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        HostInfo owner = new HostInfo("localhost", silent.getLocalPort());

        long started = System.nanoTime();
        assertThatThrownBy(() -> new HttpRemoteArticles(timeout).fetch(owner, "a-1"))
                .isInstanceOf(QueryUnavailableException.class)
                .hasMessageContaining("did not answer")
                .hasRootCauseInstanceOf(java.net.http.HttpTimeoutException.class);
        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        assertThat(waited).isBetween(timeout.minusMillis(100), timeout.plusSeconds(5));
        assertThat(accepted).isNotEmpty();
    }
}

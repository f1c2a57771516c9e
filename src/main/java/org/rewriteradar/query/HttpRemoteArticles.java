package org.rewriteradar.query;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;
import org.rewriteradar.streams.JsonSerdes;

/** {@link RemoteArticles} over HTTP: {@code GET http://owner/internal/articles/{id}}. */
public class HttpRemoteArticles implements RemoteArticles {

    private final HttpClient client;
    private final Duration timeout;

    public HttpRemoteArticles(Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
    }

    @Override
    public Optional<ArticleView> fetch(HostInfo owner, String articleId, PeerRequest peer) {
        URI uri = URI.create("http://" + owner.host() + ":" + owner.port() + InternalArticleResource.PATH + "/"
                + encode(articleId) + (peer.withText() ? "?text=true" : ""));
        try {
            HttpResponse<byte[]> response = send(client, uri, timeout, peer);
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new QueryUnavailableException(
                        "instance " + owner + " answered " + response.statusCode() + " for article " + articleId);
            }
            return Optional.of(JsonSerdes.MAPPER.readValue(response.body(), ArticleView.class));
        } catch (IOException e) {
            throw new QueryUnavailableException("instance " + owner + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryUnavailableException("interrupted while asking " + owner, e);
        }
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A GET with the caller's credentials forwarded and the timeout set. */
    static HttpResponse<byte[]> send(HttpClient client, URI uri, Duration timeout, PeerRequest peer)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
        peer.credentials().forEach(request::header);
        return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}

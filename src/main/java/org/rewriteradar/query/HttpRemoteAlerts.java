package org.rewriteradar.query;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.state.HostInfo;
import org.rewriteradar.model.RewriteAlert;
import org.rewriteradar.streams.JsonSerdes;

/** {@link RemoteAlerts} over HTTP: {@code GET http://owner/internal/alerts?...}. */
public class HttpRemoteAlerts implements RemoteAlerts {

    private static final TypeReference<List<RewriteAlert>> ALERTS = new TypeReference<>() {};

    private final HttpClient client;
    private final Duration timeout;

    public HttpRemoteAlerts(Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
    }

    @Override
    public List<RewriteAlert> newest(HostInfo owner, AlertQuery query, int max, PeerRequest peer) {
        StringBuilder uri = new StringBuilder("http://")
                .append(owner.host())
                .append(':')
                .append(owner.port())
                .append(InternalAlertsResource.PATH)
                .append("?max=")
                .append(max);
        query.kinds().forEach(k -> uri.append("&kind=").append(k.name()));
        if (query.source() != null) {
            uri.append("&source=").append(HttpRemoteArticles.encode(query.source()));
        }
        if (query.since() != null) {
            uri.append("&since=").append(HttpRemoteArticles.encode(query.since().toString()));
        }
        if (query.until() != null) {
            uri.append("&until=").append(HttpRemoteArticles.encode(query.until().toString()));
        }
        try {
            HttpResponse<byte[]> response = HttpRemoteArticles.send(client, URI.create(uri.toString()), timeout, peer);
            if (response.statusCode() != 200) {
                throw new QueryUnavailableException(
                        "instance " + owner + " answered " + response.statusCode() + " for its alerts");
            }
            return JsonSerdes.MAPPER.readValue(response.body(), ALERTS);
        } catch (IOException e) {
            throw new QueryUnavailableException("instance " + owner + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryUnavailableException("interrupted while asking " + owner, e);
        }
    }
}

package com.chargeline.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

/** Real HTTP calls to a running Chargeline. */
public final class Api {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A response: status, body text, and the body parsed as JSON when it is JSON. */
    public record Response(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Response delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    public Response post(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response patch(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response send(String method, String path, String token, String contentType, String body) {
        var builder = request(path, token).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder);
    }

    /** {@code POST /oauth/token} with Basic credentials and the parameters in the query string. */
    public Response token(String accountId, String clientId, String secret) {
        var basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + "/oauth/token?grant_type=account_credentials&account_id="
                        + accountId))
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Response raw(HttpRequest.Builder builder) {
        return send(builder);
    }

    public String url(String path) {
        return base + path;
    }

    private HttpRequest.Builder request(String path, String token) {
        var builder = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static Response send(HttpRequest.Builder builder) {
        try {
            var response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

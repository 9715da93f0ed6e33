package vn.govsdk.dataexchange.gateway;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.http.ClientBuilder;
import vn.govsdk.core.http.ClientOptions;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.core.http.Operation;


import vn.govsdk.core.internal.http.GovHttpPipeline;
import vn.govsdk.core.internal.http.GovResponse;
import vn.govsdk.core.internal.json.GovJson;
import vn.govsdk.dataexchange.internal.gateway.GatewayErrors;
import vn.govsdk.dataexchange.internal.gateway.PathRules;

/**
 * X-Road style REST calls for national exchange, through the caller's security server: requests go
 * to {@code <endpoint>/r1/{instance}/{memberClass}/{memberCode}/{subsystemCode}/{serviceCode}[/{version}]}
 * with the headers {@code X-Road-Client} (the configured {@link XRoadClientId}), {@code X-Road-Id} (a new
 * UUID per call, the same on its retries) and {@code X-Road-UserId} (when configured).
 *
 * <p><b>Request hash.</b> When the answer carries {@code X-Road-Request-Hash}, the client compares it
 * with the base64 (standard alphabet, padded) SHA-512 of the request body bytes exactly as sent (the
 * empty byte string for a GET); a mismatch raises {@link XRoadRequestHashException} and the answer is
 * not returned. An answer without the header is accepted, unless
 * {@link Builder#requireRequestHash(boolean)} is set.
 *
 * <p><b>Errors.</b> X-Road error bodies {@code {"type","message","detail"}} become
 * {@link vn.govsdk.core.GovServiceException}s whose error code is the type (for example
 * {@code Server.ServerProxy.UnknownService}).
 *
 * <p><b>Mutual TLS.</b> Security servers authenticate clients by certificate: pass a transport built
 * with {@code HttpTransport.builder().clientCertificate(pkcs12KeyStore, password).trustManager(..)}.
 *
 * <p>Immutable and thread-safe.
 */
public final class XRoadClient implements AutoCloseable {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final HttpUrl endpoint;
    private final XRoadClientId clientId;
    private final String userId;
    private final HttpTransport transport;
    private final boolean ownsTransport;
    private final boolean requireHash;
    private final Supplier<String> ids;
    private final GovHttpPipeline pipeline;

    private XRoadClient(Builder b, ClientOptions o) {
        this.endpoint = HttpUrl.get(b.endpoint.toString());
        this.clientId = b.clientId;
        this.userId = b.userId;
        this.ownsTransport = o.sharedTransport().isEmpty();
        this.transport = ownsTransport ? HttpTransport.create() : o.transport();
        this.requireHash = b.requireHash;
        this.ids = () -> UUID.randomUUID().toString();
        GovHttpPipeline.Builder p = GovHttpPipeline.builder(transport).options(o).errorExtractor(GatewayErrors.xroad());
        this.pipeline = p.build();
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Calls a service with GET and maps its JSON answer. Retried on transient failures.
     *
     * @param service the service
     * @param query query parameters (may be empty)
     * @param responseType the class to map the JSON answer to; unknown members are ignored
     * @param <T> the response type
     * @return the answer
     * @throws XRoadRequestHashException if the answer's request hash does not match
     * @throws vn.govsdk.core.GovServiceException if the security server or the service answers an error
     */
    public <T> T get(XRoadServiceId service, Map<String, String> query, Class<T> responseType) {
        return call(Operation.read("xroad." + name(service)), service, query, null, responseType);
    }

    /**
     * Calls a service with POST and a JSON body, and maps its JSON answer. Not retried.
     *
     * @param service the service
     * @param body the request, serialised as JSON
     * @param responseType the class to map the JSON answer to
     * @param <T> the response type
     * @return the answer
     * @throws XRoadRequestHashException if the answer's request hash does not match
     * @throws vn.govsdk.core.GovServiceException if the security server or the service answers an error
     */
    public <T> T post(XRoadServiceId service, Object body, Class<T> responseType) {
        if (body == null) {
            throw new InvalidInputException("body", "must not be null");
        }
        return call(Operation.write("xroad." + name(service)), service, Map.of(), body, responseType);
    }

    private <T> T call(Operation op, XRoadServiceId service, Map<String, String> query, Object body, Class<T> type) {
        if (service == null) {
            throw new InvalidInputException("service", "must not be null");
        }
        if (type == null) {
            throw new InvalidInputException("responseType", "must not be null");
        }
        if (query == null) {
            throw new InvalidInputException("query", "must not be null (use Map.of())");
        }
        HttpUrl.Builder url = endpoint.newBuilder();
        for (String s : service.path().split("/")) {
            url.addPathSegment(s);
        }
        for (Map.Entry<String, String> e : query.entrySet()) {
            if (e.getKey() == null || e.getKey().isEmpty() || e.getValue() == null) {
                throw new InvalidInputException("query", "names must not be empty and values not null");
            }
            PathRules.invisible("query." + e.getKey(), e.getKey());
            url.addQueryParameter(e.getKey(), e.getValue());
        }
        byte[] sent = body == null ? new byte[0] : GovJson.write(body);
        String xroadId = ids.get();
        Request.Builder request = new Request.Builder().url(url.build())
                .header("X-Road-Client", clientId.headerValue())
                .header("X-Road-Id", xroadId)
                .header("Accept", "application/json");
        if (userId != null) {
            request.header("X-Road-UserId", userId);
        }
        if (body == null) {
            request.get();
        } else {
            request.post(RequestBody.create(sent, JSON));
        }
        GovResponse response = pipeline.execute(op, request.build());
        String hash = response.header("X-Road-Request-Hash").orElse(null);
        if (hash == null && requireHash) {
            throw new XRoadRequestHashException(xroadId);
        }
        if (hash != null && !MessageDigest.isEqual(hash.strip().getBytes(StandardCharsets.US_ASCII),
                requestHash(sent).getBytes(StandardCharsets.US_ASCII))) {
            throw new XRoadRequestHashException(xroadId);
        }
        return response.json(type);
    }

    /**
     * The request hash rule this client checks: base64 (standard alphabet, padded) of SHA-512 over the
     * request body bytes as sent.
     *
     * @param body the body bytes (empty for a GET)
     * @return the expected {@code X-Road-Request-Hash}
     */
    public static String requestHash(byte[] body) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is not available", e);
        }
    }

    private static String name(XRoadServiceId service) {
        return service == null ? "?" : service.serviceCode();
    }

    /** Releases the transport if this client created it. */
    @Override
    public void close() {
        if (ownsTransport) {
            transport.close();
        }
    }

    /** Shows the endpoint and client id. */
    @Override
    public String toString() {
        return "XRoadClient[" + endpoint + ", client=" + clientId.headerValue() + "]";
    }

    /** Builds an {@link XRoadClient}. */
    public static final class Builder extends ClientBuilder<Builder> {
        private URI endpoint;
        private XRoadClientId clientId;
        private String userId;
        private boolean requireHash;

        private Builder() {
        }

        /**
         * Sets the security server's base URL (the part before {@code /r1/}).
         *
         * @param endpoint an absolute http or https URI
         * @return this builder
         */
        public Builder endpoint(URI endpoint) {
            if (endpoint == null || endpoint.getScheme() == null
                    || !(endpoint.getScheme().equals("http") || endpoint.getScheme().equals("https"))
                    || HttpUrl.parse(endpoint.toString()) == null) {
                throw new InvalidInputException("endpoint", "must be an absolute http or https URI");
            }
            PathRules.invisible("endpoint", endpoint.toString());
            this.endpoint = endpoint;
            return this;
        }

        /**
         * Sets the calling subsystem, sent as {@code X-Road-Client}.
         *
         * @param clientId the client subsystem
         * @return this builder
         */
        public Builder clientId(XRoadClientId clientId) {
            if (clientId == null) {
                throw new InvalidInputException("clientId", "must not be null");
            }
            this.clientId = clientId;
            return this;
        }

        /**
         * Sets the end user or system account sent as {@code X-Road-UserId}; default none.
         *
         * @param userId the user id, printable without control characters
         * @return this builder
         */
        public Builder userId(String userId) {
            if (userId == null || userId.isBlank()) {
                throw new InvalidInputException("userId", "must not be blank");
            }
            for (int i = 0; i < userId.length(); i++) {
                char c = userId.charAt(i);
                if (Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT) {
                    throw new InvalidInputException("userId", String.format("must not contain U+%04X", (int) c));
                }
            }
            this.userId = userId;
            return this;
        }

        /**
         * Refuses answers that carry no {@code X-Road-Request-Hash}; default false (checked when present).
         *
         * @param require whether the hash is required
         * @return this builder
         */
        public Builder requireRequestHash(boolean require) {
            this.requireHash = require;
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws InvalidInputException naming what is missing
         */
        public XRoadClient build() {
            if (endpoint == null) {
                throw new InvalidInputException("endpoint", "must be set");
            }
            if (clientId == null) {
                throw new InvalidInputException("clientId", "must be set (X-Road-Client: instance/class/member/subsystem)");
            }
            return new XRoadClient(this, clientOptions());
        }
    }
}

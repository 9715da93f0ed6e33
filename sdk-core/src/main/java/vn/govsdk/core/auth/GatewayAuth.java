package vn.govsdk.core.auth;

import java.net.URI;

/**
 * How a client authenticates to a government system or data-sharing gateway. A client is
 * configured with one value of this type ({@code builder.credentials(auth)}); the SDK turns it into
 * the headers, token requests and body members each call needs.
 *
 * <p>The schemes seen in use:
 * <ul>
 *   <li>{@link ClientCredentials}: OAuth2 client credentials against a WSO2-style {@code /token}
 *       (NGSP, provincial LGSPs), with a shared token cache;</li>
 *   <li>{@link LgspAccessToken}: the VNPT LGSP {@code lgspaccesstoken} header, usually
 *       {@linkplain #combine(GatewayAuth...) combined} with client credentials;</li>
 *   <li>{@link PopulationDbBasic}: the population database's (C06) timestamped SHA-256 Basic
 *       scheme with the {@code X-Road-Client} and {@code ApiKey} headers;</li>
 *   <li>{@link PortalSession}: the national public-service portal's (DVCQG) session login with the
 *       {@code dstcode} header.</li>
 * </ul>
 *
 * <p>Every implementation is immutable, thread-safe and shows no secret in {@code toString()}.
 * The interface is sealed: new schemes arrive with the SDK, so that each is sure to be supported by
 * the transport.
 */
public sealed interface GatewayAuth permits ClientCredentials, LgspAccessToken, PopulationDbBasic, PortalSession,
        CombinedAuth {

    /**
     * No authentication: requests are sent as they are. For open endpoints such as open-data
     * portals, and for tests.
     *
     * @return the empty scheme
     */
    static GatewayAuth none() {
        return CombinedAuth.NONE;
    }

    /**
     * Applies several schemes to every call, in the order given. The common case is the VNPT LGSP
     * (its own token header beside WSO2 client credentials): {@code combine(lgspAccessToken, clientCredentials)}.
     *
     * <p>The {@code lgspaccesstoken} header of an {@link LgspAccessToken} part is also sent on the
     * token request of a {@link ClientCredentials} part and on the login of a {@link PortalSession}
     * part, since VNPT gateways demand it there too. Nested combinations are flattened.
     *
     * @param parts the schemes; at most one of them may set the {@code Authorization} header
     *              ({@link ClientCredentials} or {@link PopulationDbBasic}), and at most one of each type
     * @return the combined scheme
     * @throws vn.govsdk.core.InvalidInputException if a part is null or two parts would collide
     */
    static GatewayAuth combine(GatewayAuth... parts) {
        return CombinedAuth.of(parts);
    }

    /**
     * OAuth2 client credentials with the defaults: secret sent as form fields, no scope, tokens
     * renewed 60 seconds before they expire. Use {@link ClientCredentials#builder()} for the rest.
     *
     * @param tokenUri the token endpoint, for example {@code https://api.ngsp.gov.vn/token}
     * @param clientId the client id (WSO2 consumer key)
     * @param clientSecret the client secret (WSO2 consumer secret)
     * @return the scheme
     * @throws vn.govsdk.core.InvalidInputException if a value is missing or the URI is not http(s)
     */
    static ClientCredentials clientCredentials(URI tokenUri, String clientId, Secret clientSecret) {
        return ClientCredentials.builder().tokenUri(tokenUri).clientId(clientId).clientSecret(clientSecret).build();
    }
}

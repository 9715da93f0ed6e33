package vn.govsdk.identity.internal.login;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Optional;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.ResponseDecodingException;
import vn.govsdk.identity.login.OidcProvider;

/** Reads an OpenID Provider Configuration document (discovery). */
public final class Discovery {

    private Discovery() {
    }

    /**
     * Builds a provider from a discovery document, checking that it names the expected issuer.
     *
     * @param document the parsed document
     * @param expectedIssuer the issuer the client was configured with
     * @param documentUrl where the document came from, for messages
     * @return the provider
     * @throws ResponseDecodingException if the document names another issuer or lacks a required endpoint
     */
    public static OidcProvider parse(JsonNode document, URI expectedIssuer, URI documentUrl) {
        if (!document.isObject()) {
            throw new ResponseDecodingException("the discovery document at " + documentUrl + " is not a JSON object", null);
        }
        String issuer = UserInfoMapper.text(document, "issuer").orElse(null);
        if (!expectedIssuer.toString().equals(issuer)) {
            throw new ResponseDecodingException("the discovery document at " + documentUrl + " names issuer " + issuer
                    + ", not the configured " + expectedIssuer, null);
        }
        try {
            return OidcProvider.builder()
                    .issuer(expectedIssuer)
                    .authorizationEndpoint(uri(document, "authorization_endpoint").orElse(null))
                    .tokenEndpoint(uri(document, "token_endpoint").orElse(null))
                    .userInfoEndpoint(uri(document, "userinfo_endpoint").orElse(null))
                    .jwksUri(uri(document, "jwks_uri").orElse(null))
                    .introspectionEndpoint(uri(document, "introspection_endpoint").orElse(null))
                    .revocationEndpoint(uri(document, "revocation_endpoint").orElse(null))
                    .endSessionEndpoint(uri(document, "end_session_endpoint").orElse(null))
                    .build();
        } catch (InvalidInputException e) {
            throw new ResponseDecodingException("the discovery document at " + documentUrl + " is unusable: "
                    + e.getMessage(), e);
        }
    }

    private static Optional<URI> uri(JsonNode document, String name) {
        return UserInfoMapper.text(document, name).map(s -> {
            try {
                return new URI(s);
            } catch (java.net.URISyntaxException e) {
                throw new InvalidInputException(name, "must be a URL, got " + s);
            }
        });
    }
}

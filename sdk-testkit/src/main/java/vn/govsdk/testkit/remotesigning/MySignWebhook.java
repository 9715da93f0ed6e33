package vn.govsdk.testkit.remotesigning;

import java.net.URI;

/**
 * Where a MySign mock delivers {@code async=3} results, as the integrator registers them with Viettel:
 * an auth endpoint that takes {@code grant_type=client_credentials} with the credentials the integrator
 * issued, and the result endpoint that takes the result with the Bearer token obtained there. Both URLs
 * must be http(s) on loopback.
 *
 * @param authUrl the integrator's token endpoint
 * @param resultUrl the integrator's result endpoint
 * @param clientId the client id the integrator issued to the provider
 * @param clientSecret the client secret the integrator issued to the provider; never shown by {@link #toString()}
 */
public record MySignWebhook(URI authUrl, URI resultUrl, String clientId, String clientSecret) {

    /**
     * Validates the parts.
     *
     * @param authUrl the token endpoint, loopback
     * @param resultUrl the result endpoint, loopback
     * @param clientId the client id, not blank
     * @param clientSecret the client secret, not blank
     * @throws IllegalArgumentException when a URL is not on loopback or a credential is blank
     */
    public MySignWebhook {
        Webhooks.requireLoopback(authUrl, "authUrl");
        Webhooks.requireLoopback(resultUrl, "resultUrl");
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId must not be blank");
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("clientSecret must not be blank");
        }
    }

    /**
     * Describes the endpoints; the secret is not shown.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "MySignWebhook[authUrl=" + authUrl + ", resultUrl=" + resultUrl + ", clientId=" + clientId
                + ", clientSecret=***]";
    }
}

package vn.govsdk.identity.login;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.govsdk.core.privacy.PersonalDataMasker;

/**
 * The claims of an ID token that passed validation: signature against the provider's keys, an
 * allowed algorithm, issuer, audience, expiry and nonce.
 *
 * @param issuer the issuer ({@code iss}), equal to the configured one
 * @param subject the subject ({@code sub})
 * @param audience the audience ({@code aud}), containing this client's id
 * @param expiresAt when the token expires ({@code exp})
 * @param issuedAt when it was issued ({@code iat})
 * @param authTime when the person authenticated ({@code auth_time}), if sent
 * @param acr the authentication context class ({@code acr}), for example {@code LoA1}, if sent
 * @param keyId the key id ({@code kid}) the token was signed with, if it named one
 * @param algorithm the signature algorithm, for example {@code RS256}
 * @param claims every claim, as JSON-like values (strings, numbers, booleans, lists, maps)
 */
public record IdTokenClaims(String issuer, String subject, List<String> audience, Instant expiresAt,
        Instant issuedAt, Optional<Instant> authTime, Optional<String> acr, Optional<String> keyId,
        String algorithm, Map<String, Object> claims) {

    /**
     * Copies the lists and maps and checks that nothing is null.
     *
     * @param issuer the issuer
     * @param subject the subject
     * @param audience the audience
     * @param expiresAt the expiry
     * @param issuedAt the issue time
     * @param authTime the authentication time
     * @param acr the authentication context class
     * @param keyId the key id
     * @param algorithm the algorithm
     * @param claims every claim
     */
    public IdTokenClaims {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        audience = List.copyOf(audience);
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(authTime, "authTime");
        Objects.requireNonNull(acr, "acr");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(algorithm, "algorithm");
        claims = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(claims));
    }

    /**
     * Describes the token without personal data (subject masked, other claims by name only).
     *
     * @return a description safe to log
     */
    @Override
    public String toString() {
        return "IdTokenClaims[issuer=" + issuer + ", subject=" + PersonalDataMasker.maskIdentifier(subject)
                + ", audience=" + audience + ", expiresAt=" + expiresAt + ", issuedAt=" + issuedAt
                + ", acr=" + acr.orElse("-") + ", keyId=" + keyId.orElse("-") + ", algorithm=" + algorithm
                + ", claims=" + claims.keySet() + "]";
    }
}

package vn.govsdk.identity.login;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import vn.govsdk.core.privacy.PersonalDataMasker;

/**
 * What the provider says about a token (RFC 7662 introspection; the portal's "validate token").
 *
 * @param active whether the token is active: issued by the provider, not expired, not revoked
 * @param clientId the client it was issued to, if active
 * @param subject its subject, if active
 * @param scope its scope, if active
 * @param expiresAt when it expires, if active
 * @param issuedAt when it was issued, if active
 */
public record TokenIntrospection(boolean active, Optional<String> clientId, Optional<String> subject,
        Optional<String> scope, Optional<Instant> expiresAt, Optional<Instant> issuedAt) {

    /**
     * Checks that nothing is null.
     *
     * @param active whether active
     * @param clientId the client id
     * @param subject the subject
     * @param scope the scope
     * @param expiresAt the expiry
     * @param issuedAt the issue time
     */
    public TokenIntrospection {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }

    /**
     * Describes the answer with the subject masked.
     *
     * @return a description safe to log
     */
    @Override
    public String toString() {
        return "TokenIntrospection[active=" + active + ", clientId=" + clientId.orElse("-") + ", subject="
                + subject.map(PersonalDataMasker::maskIdentifier).orElse("-") + ", scope=" + scope.orElse("-")
                + ", expiresAt=" + expiresAt.map(Instant::toString).orElse("-") + "]";
    }
}

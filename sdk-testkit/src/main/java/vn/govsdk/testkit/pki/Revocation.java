package vn.govsdk.testkit.pki;

import java.security.cert.CRLReason;
import java.time.Instant;
import java.util.Objects;

/**
 * The revocation of one certificate of a {@link TestPki}, as its CRL and OCSP responder report it.
 *
 * @param revokedAt when the certificate was revoked
 * @param reason the reason code given in the CRL entry and in the OCSP answer
 */
public record Revocation(Instant revokedAt, CRLReason reason) {

    /**
     * Checks that both parts are present.
     *
     * @param revokedAt when the certificate was revoked
     * @param reason the reason code
     */
    public Revocation {
        Objects.requireNonNull(revokedAt, "revokedAt");
        Objects.requireNonNull(reason, "reason");
    }
}

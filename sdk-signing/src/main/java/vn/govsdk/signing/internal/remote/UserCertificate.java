package vn.govsdk.signing.internal.remote;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A user's certificate as a provider gave it, with the provider's handle for the key.
 *
 * @param chain the chain, signer first
 * @param credentialId the provider's credential id or serial number, or {@code null}
 */
public record UserCertificate(List<X509Certificate> chain, String credentialId) {

    /**
     * Copies the chain.
     *
     * @param chain the chain
     * @param credentialId the handle
     */
    public UserCertificate {
        chain = List.copyOf(chain);
    }
}

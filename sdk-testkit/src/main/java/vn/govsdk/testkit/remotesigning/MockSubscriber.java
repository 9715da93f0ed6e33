package vn.govsdk.testkit.remotesigning;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import vn.govsdk.core.privacy.PersonalDataMasker;

/**
 * A subscriber (thuê bao) of a remote signing mock: a citizen whose signing key the provider holds.
 * The key never leaves the mock; tests verify returned values with {@link #certificate()}.
 *
 * @param userId the 12-digit personal identification number (CCCD)
 * @param certificate the subscriber's certificate, issued by the test PKI's intermediate CA
 * @param chain the chain: the certificate, the intermediate CA, the root CA
 */
public record MockSubscriber(String userId, X509Certificate certificate, List<X509Certificate> chain) {

    /**
     * Validates and copies the parts.
     *
     * @param userId the user id
     * @param certificate the certificate
     * @param chain the chain, leaf first
     */
    public MockSubscriber {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(certificate, "certificate");
        chain = List.copyOf(chain);
    }

    /**
     * Describes the subscriber with the user id masked.
     *
     * @return for example {@code MockSubscriber[079*******01, serial=4f…]}
     */
    @Override
    public String toString() {
        return "MockSubscriber[" + PersonalDataMasker.standard().maskText(userId) + ", serial="
                + certificate.getSerialNumber().toString(16) + "]";
    }
}

package vn.govsdk.signing;

import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.signing.verify.FetchPolicy;
import vn.govsdk.signing.verify.RevocationChecking;
import vn.govsdk.signing.verify.SignatureVerifier;
import vn.govsdk.signing.verify.TrustAnchors;

/** Verifiers trusting the shared test PKI. */
public final class Verifiers {

    private Verifiers() {
    }

    /** The mock platform answers on loopback, which the verifier's fetch policy refuses by default. */
    public static final FetchPolicy LOOPBACK = FetchPolicy.builder().allowPrivateAddresses(true).build();

    /** A verifier builder that may fetch from the mock platform on loopback. */
    public static SignatureVerifier.Builder builder() {
        return SignatureVerifier.builder().fetchPolicy(LOOPBACK);
    }

    /** Trusts the test root, checks revocation online against the test platform, no retries. */
    public static SignatureVerifier online() {
        return builder()
                .trust(TrustAnchors.of(TestPlatform.shared().pki().rootCertificate()))
                .retryPolicy(RetryPolicy.none())
                .build();
    }

    /** Trusts the test root, revocation explicitly off. */
    public static SignatureVerifier offline() {
        return builder()
                .trust(TrustAnchors.of(TestPlatform.shared().pki().rootCertificate()))
                .revocationChecking(RevocationChecking.OFF)
                .build();
    }
}

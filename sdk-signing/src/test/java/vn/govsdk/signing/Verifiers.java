package vn.govsdk.signing;

import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.signing.verify.RevocationChecking;
import vn.govsdk.signing.verify.SignatureVerifier;
import vn.govsdk.signing.verify.TrustAnchors;

/** Verifiers trusting the shared test PKI. */
public final class Verifiers {

    private Verifiers() {
    }

    /** Trusts the test root, checks revocation online against the test platform, no retries. */
    public static SignatureVerifier online() {
        return SignatureVerifier.builder()
                .trust(TrustAnchors.of(TestPlatform.shared().pki().rootCertificate()))
                .retryPolicy(RetryPolicy.none())
                .build();
    }

    /** Trusts the test root, revocation explicitly off. */
    public static SignatureVerifier offline() {
        return SignatureVerifier.builder()
                .trust(TrustAnchors.of(TestPlatform.shared().pki().rootCertificate()))
                .revocationChecking(RevocationChecking.OFF)
                .build();
    }
}

/**
 * Verifying signatures of every format with one {@link vn.govsdk.signing.verify.SignatureVerifier}:
 * a {@link vn.govsdk.signing.verify.VerificationReport} with one
 * {@link vn.govsdk.signing.verify.SignatureReport} per signature (format, level, signer, signing
 * time, status VALID, INVALID or INDETERMINATE with reasons a clerk can act on, and the content that
 * was actually signed). Chains are built to the Vietnamese trust anchors shipped in the jar
 * ({@link vn.govsdk.signing.verify.TrustAnchors#defaults()}) or to anchors the application chooses;
 * revocation is checked through OCSP and CRLs and fails closed.
 */
package vn.govsdk.signing.verify;

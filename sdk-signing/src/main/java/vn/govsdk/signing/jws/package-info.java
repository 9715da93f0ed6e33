/**
 * JSON Web Signatures (RFC 7515) with Nimbus JOSE+JWT: compact and JSON serialisation, optionally with
 * a detached payload (RFC 7515 appendix F), signed RS256, PS256 or ES256 (and their SHA-384/512
 * forms), the signer's certificate chain in the protected {@code x5c} header.
 * {@link vn.govsdk.signing.jws.JwsSigner} is the entry point.
 */
package vn.govsdk.signing.jws;

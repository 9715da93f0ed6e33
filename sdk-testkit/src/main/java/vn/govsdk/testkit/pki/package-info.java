/**
 * The test PKI (public key infrastructure) of the mock platform: a generated root CA, intermediate CA,
 * signer certificates shaped like those Vietnamese public CAs issue, special certificates (expired,
 * not yet valid, revoked, wrong key usage), a timestamp authority (TSA) certificate and an OCSP
 * responder certificate, all with AIA, OCSP and CRL distribution point URLs that point at the platform.
 *
 * <p>{@link vn.govsdk.testkit.pki.TestPki} generates the hierarchy and exports it (PKCS#12, PEM);
 * {@link vn.govsdk.testkit.pki.TestPki#mockService()} gives the
 * {@link vn.govsdk.testkit.MockService} that serves the OCSP responder, the CRLs, the CA certificates
 * and the RFC 3161 timestamp authority under {@code /pki}. The contract is recorded in
 * {@code docs/contracts/test-pki.md}. Every key is generated at run time and every name is synthetic:
 * nothing here is trusted outside tests.
 */
package vn.govsdk.testkit.pki;

/**
 * Creating digital signatures (chữ ký số): the signing model shared by every format.
 *
 * <p>A {@link vn.govsdk.signing.SigningKey} holds a certificate chain and signs bytes; it may live in
 * a PKCS#12 file, on a USB token or HSM (PKCS#11), or with a remote signing service. A
 * {@link vn.govsdk.signing.DocumentSigner} for one format (XAdES, CAdES/PKCS#7, JWS) works in three
 * steps: {@link vn.govsdk.signing.DocumentSigner#prepare prepare} gives a
 * {@link vn.govsdk.signing.PreparedSignature} holding every parameter and the bytes to sign, a key
 * signs them, and {@link vn.govsdk.signing.PreparedSignature#complete complete} gives the
 * {@link vn.govsdk.signing.SignedDocument}. {@link vn.govsdk.signing.DocumentSigner#sign sign} does
 * the three in a row.
 *
 * <p>Algorithms follow the Vietnamese rules (Circular 15/2025 draft): SHA-2 with RSA of at least 2048
 * bits (PKCS#1 v1.5 or PSS) or ECDSA of at least 256 bits. SHA-1 and smaller keys are refused.
 */
package vn.govsdk.signing;

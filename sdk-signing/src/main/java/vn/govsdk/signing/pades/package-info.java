/**
 * PAdES (ETSI EN 319 142-1): signatures inside PDF documents, made with {@link vn.govsdk.signing.pades.PadesSigner}
 * and verified by {@link vn.govsdk.signing.verify.SignatureVerifier}.
 */
package vn.govsdk.signing.pades;

/**
 * PAdES (ETSI EN 319 142-1): signatures inside PDF documents, made with {@link vn.govsdk.signing.pades.PadesSigner}
 * and verified by {@link vn.govsdk.signing.verify.SignatureVerifier}; {@link vn.govsdk.signing.pades.VisibleSignature}
 * places a signature on a page, with Vietnamese text drawn in an embedded font.
 */
package vn.govsdk.signing.pades;

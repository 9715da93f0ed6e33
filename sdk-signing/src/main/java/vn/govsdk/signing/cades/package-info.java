/**
 * CMS signatures: CAdES baseline B-B (ETSI EN 319 122-1) and plain PKCS#7 (RFC 2315 / RFC 5652),
 * attached or detached, made with Bouncy Castle. Detached signing streams its input, so a file of
 * several gigabytes is signed in constant memory. {@link vn.govsdk.signing.cades.CadesSigner} is the
 * entry point.
 */
package vn.govsdk.signing.cades;

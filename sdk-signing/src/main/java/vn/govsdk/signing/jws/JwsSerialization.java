package vn.govsdk.signing.jws;

/** How a JWS is written out (RFC 7515 section 7). */
public enum JwsSerialization {
    /** {@code header.payload.signature}, for HTTP headers and URLs. */
    COMPACT,
    /** The flattened JSON serialisation: {@code {"protected":..., "payload":..., "signature":...}}. */
    JSON
}

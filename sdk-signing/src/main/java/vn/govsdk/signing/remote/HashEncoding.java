package vn.govsdk.signing.remote;

/**
 * How a digest is written in a request. VNPT SmartCA sp769 wants hex; the NEAC eSign gateway sample
 * sends base64. The two cannot be told apart from the text (64 hex characters are valid base64), so
 * client and gateway must agree by configuration.
 */
public enum HashEncoding {
    /** Lowercase hexadecimal. */
    HEX,
    /** Standard base64 with padding. */
    BASE64
}

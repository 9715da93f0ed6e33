package vn.govsdk.testkit.remotesigning;

/**
 * How a digest is written in a sign request: SmartCA sp769 wants hexadecimal, the NEAC eSign sample
 * sends base64. The two cannot be told apart from the text (64 hexadecimal characters are valid base64
 * too), so client and provider agree on it by configuration.
 */
public enum HashEncoding {

    /** Hexadecimal, upper or lower case. */
    HEX,

    /** Standard base64 with padding. */
    BASE64
}

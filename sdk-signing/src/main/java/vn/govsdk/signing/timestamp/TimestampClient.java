package vn.govsdk.signing.timestamp;

import vn.govsdk.signing.DigestAlgorithm;

/**
 * Obtains RFC 3161 timestamp tokens for a digest from one or more timestamp authorities (TSA).
 *
 * <p>Signers call {@link #timestamp(DigestAlgorithm, byte[])} with the hash of the signature value
 * to reach level B-T. Implementations must be thread-safe; a call may block for as long as the
 * authority takes to answer (the government TSA has been measured at 2 to 131 seconds).
 */
public interface TimestampClient {

    /**
     * Asks for a timestamp token over a digest.
     *
     * @param algorithm the algorithm that produced {@code digest}
     * @param digest the message imprint to timestamp, for example the SHA-256 of a signature value
     * @return the token, checked to cover {@code digest}
     * @throws vn.govsdk.core.InvalidInputException if the digest length does not match the algorithm
     * @throws TimestampException if no authority granted a valid token
     */
    TimestampToken timestamp(DigestAlgorithm algorithm, byte[] digest);
}

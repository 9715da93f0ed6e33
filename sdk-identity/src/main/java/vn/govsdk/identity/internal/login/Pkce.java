package vn.govsdk.identity.internal.login;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/** PKCE (RFC 7636) with the S256 method only. */
public final class Pkce {

    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();

    private Pkce() {
    }

    /**
     * Makes a code verifier: 32 random bytes, base64url, 43 characters.
     *
     * @param random the random source
     * @return the verifier
     */
    public static String newVerifier(SecureRandom random) {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return ENC.encodeToString(b);
    }

    /**
     * Derives the S256 challenge of a verifier.
     *
     * @param verifier the verifier
     * @return {@code base64url(SHA-256(ASCII(verifier)))}
     */
    public static String challenge(String verifier) {
        return ENC.encodeToString(StateCodec.sha256(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * Makes a random URL-safe value (for nonces).
     *
     * @param random the random source
     * @return 32 random bytes, base64url
     */
    public static String randomValue(SecureRandom random) {
        return newVerifier(random);
    }
}

package vn.govsdk.identity.internal.login;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.govsdk.identity.login.LoginRefusedException;
import vn.govsdk.identity.login.LoginRefusedException.Reason;

/**
 * The signed {@code state} of an authorization request: {@code base64url(payload) "." base64url(mac)}
 * where the payload is {@code "1|" random "|" expiry-epoch-seconds "|" base64url(SHA-256(redirect URI))}
 * and the MAC is HMAC-SHA256 over the payload bytes with the client-side state key. Immutable and
 * thread-safe.
 */
public final class StateCodec {

    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getUrlDecoder();
    private static final int MAX_STATE_LENGTH = 512;

    private final SecretKeySpec key;
    private final Duration lifetime;
    private final Clock clock;
    private final SecureRandom random;

    /**
     * Creates the codec.
     *
     * @param key the HMAC key, at least 32 bytes
     * @param lifetime how long a state stays valid
     * @param clock the clock expiry is measured with
     * @param random the random source
     */
    public StateCodec(byte[] key, Duration lifetime, Clock clock, SecureRandom random) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the state key must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.lifetime = lifetime;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Issues a state for a redirect URI.
     *
     * @param redirectUri the redirect URI of the login
     * @return the state value
     */
    public String issue(URI redirectUri) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        long expiry = clock.instant().plus(lifetime).getEpochSecond();
        String payload = "1|" + ENC.encodeToString(nonce) + "|" + expiry + "|" + redirectHash(redirectUri);
        byte[] payloadBytes = payload.getBytes(StandardCharsets.US_ASCII);
        return ENC.encodeToString(payloadBytes) + "." + ENC.encodeToString(mac(payloadBytes));
    }

    /**
     * Checks a state that came back on the callback against the one kept in the session.
     *
     * @param received the state from the callback
     * @param kept the state issued for this session's login
     * @param redirectUri the redirect URI of this session's login
     * @throws LoginRefusedException {@link Reason#STATE_INVALID} if it is missing, forged, altered,
     *     or another login's; {@link Reason#STATE_EXPIRED} if its lifetime has passed
     */
    public void check(String received, String kept, URI redirectUri) {
        if (received == null || received.isEmpty()) {
            throw new LoginRefusedException(Reason.STATE_INVALID, "the callback has no state parameter");
        }
        if (received.length() > MAX_STATE_LENGTH) {
            throw new LoginRefusedException(Reason.STATE_INVALID, "the callback's state is longer than "
                    + MAX_STATE_LENGTH + " characters");
        }
        int dot = received.indexOf('.');
        byte[] payload;
        byte[] mac;
        try {
            if (dot < 0) {
                throw new IllegalArgumentException("no dot");
            }
            payload = DEC.decode(received.substring(0, dot));
            mac = DEC.decode(received.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new LoginRefusedException(Reason.STATE_INVALID, "the callback's state is not a state this client issued");
        }
        if (!MessageDigest.isEqual(mac, mac(payload))) {
            throw new LoginRefusedException(Reason.STATE_INVALID,
                    "the callback's state signature is wrong: the state was altered or not issued by this client");
        }
        if (kept == null || !MessageDigest.isEqual(received.getBytes(StandardCharsets.US_ASCII),
                kept.getBytes(StandardCharsets.US_ASCII))) {
            throw new LoginRefusedException(Reason.STATE_INVALID,
                    "the callback's state belongs to another login than the one kept in this session");
        }
        String[] fields = new String(payload, StandardCharsets.US_ASCII).split("\\|", -1);
        if (fields.length != 4 || !fields[0].equals("1")) {
            throw new LoginRefusedException(Reason.STATE_INVALID, "the callback's state has an unknown format");
        }
        if (!MessageDigest.isEqual(fields[3].getBytes(StandardCharsets.US_ASCII),
                redirectHash(redirectUri).getBytes(StandardCharsets.US_ASCII))) {
            throw new LoginRefusedException(Reason.STATE_INVALID, "the callback's state was issued for another redirect URI");
        }
        long expiry;
        try {
            expiry = Long.parseLong(fields[2]);
        } catch (NumberFormatException e) {
            throw new LoginRefusedException(Reason.STATE_INVALID, "the callback's state has an unknown format");
        }
        Instant now = clock.instant();
        if (now.getEpochSecond() > expiry) {
            throw new LoginRefusedException(Reason.STATE_EXPIRED, "the login took too long: its state expired at "
                    + Instant.ofEpochSecond(expiry) + " (lifetime " + lifetime + "); start again");
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            return m.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static String redirectHash(URI redirectUri) {
        return ENC.encodeToString(sha256(redirectUri.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * SHA-256 of bytes.
     *
     * @param bytes the input
     * @return the digest
     */
    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}

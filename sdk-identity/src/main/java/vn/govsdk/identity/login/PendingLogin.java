package vn.govsdk.identity.login;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import vn.govsdk.core.InvalidInputException;

/**
 * What a relying party keeps in its server-side session between {@link CitizenLoginClient#begin(URI)}
 * and {@link CitizenLoginClient#complete}: the signed state, the nonce, the PKCE code verifier and the
 * redirect URI. Opaque: store {@link #encode()} and read it back with {@link #decode(String)}.
 *
 * <p>The code verifier is a secret: keep the value server-side (in the session store, not in a
 * cookie the browser can read). {@code toString()} shows nothing secret. Immutable.
 */
public final class PendingLogin {

    private static final String VERSION = "gsl1";
    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getUrlDecoder();

    private final String state;
    private final String nonce;
    private final String codeVerifier;
    private final URI redirectUri;

    PendingLogin(String state, String nonce, String codeVerifier, URI redirectUri) {
        this.state = Objects.requireNonNull(state, "state");
        this.nonce = Objects.requireNonNull(nonce, "nonce");
        this.codeVerifier = Objects.requireNonNull(codeVerifier, "codeVerifier");
        this.redirectUri = Objects.requireNonNull(redirectUri, "redirectUri");
    }

    /**
     * Writes this value as one URL-safe string, for a session store.
     *
     * @return the encoded value
     */
    public String encode() {
        return VERSION + "." + b64(state) + "." + b64(nonce) + "." + b64(codeVerifier) + "." + b64(redirectUri.toString());
    }

    /**
     * Reads a value written by {@link #encode()}.
     *
     * @param encoded the encoded value
     * @return the pending login
     * @throws InvalidInputException if the text is not such a value
     */
    public static PendingLogin decode(String encoded) {
        if (encoded == null) {
            throw new InvalidInputException("pendingLogin", "is required");
        }
        String[] parts = encoded.split("\\.", -1);
        if (parts.length != 5 || !parts[0].equals(VERSION)) {
            throw new InvalidInputException("pendingLogin", "must be a value written by PendingLogin.encode()");
        }
        try {
            return new PendingLogin(unb64(parts[1]), unb64(parts[2]), unb64(parts[3]), new URI(unb64(parts[4])));
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            throw new InvalidInputException("pendingLogin", "must be a value written by PendingLogin.encode()");
        }
    }

    /**
     * Returns the redirect URI the login was started with.
     *
     * @return the redirect URI
     */
    public URI redirectUri() {
        return redirectUri;
    }

    String state() {
        return state;
    }

    String nonce() {
        return nonce;
    }

    String codeVerifier() {
        return codeVerifier;
    }

    /**
     * Describes the value without the state, nonce or verifier.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "PendingLogin[redirectUri=" + redirectUri + ", state=***, nonce=***, codeVerifier=***]";
    }

    /**
     * Compares every part.
     *
     * @param o the other object
     * @return whether it is the same pending login
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof PendingLogin p && state.equals(p.state) && nonce.equals(p.nonce)
                && codeVerifier.equals(p.codeVerifier) && redirectUri.equals(p.redirectUri);
    }

    /**
     * Hashes the state.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return state.hashCode();
    }

    private static String b64(String s) {
        return ENC.encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String unb64(String s) {
        return new String(DEC.decode(s), StandardCharsets.UTF_8);
    }
}

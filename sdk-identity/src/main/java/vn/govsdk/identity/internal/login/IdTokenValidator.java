package vn.govsdk.identity.internal.login;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.govsdk.core.privacy.PersonalDataMasker;
import vn.govsdk.identity.login.IdTokenClaims;
import vn.govsdk.identity.login.LoginRefusedException;
import vn.govsdk.identity.login.LoginRefusedException.Reason;

/**
 * Validates ID tokens: a signed JWT, an allowed asymmetric algorithm, a signature that verifies with
 * a key of the provider's JWKS of the algorithm's family (unknown key id: the JWKS is fetched again
 * once), then issuer, audience and authorized party, expiry, issue and not-before times (with clock
 * skew) and nonce. HMAC algorithms and {@code none} are never allowed, so a token "signed" with the
 * provider's public key as an HMAC secret cannot pass. Immutable and thread-safe.
 */
public final class IdTokenValidator {

    /** Every algorithm the validator can check; the allow-list is a subset. */
    public static final Set<String> SUPPORTED = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
            "ES256", "ES384", "ES512");

    private static final int MAX_TOKEN_LENGTH = 64 * 1024;

    private final String issuer;
    private final String clientId;
    private final Set<String> allowed;
    private final Duration skew;
    private final Clock clock;
    private final JwksCache keys;

    /**
     * Creates the validator.
     *
     * @param issuer the expected issuer
     * @param clientId this client's id (the expected audience)
     * @param allowed the allowed algorithm names, a subset of {@link #SUPPORTED}
     * @param skew the clock skew tolerated on time claims
     * @param clock the clock
     * @param keys the provider's keys
     */
    public IdTokenValidator(String issuer, String clientId, Set<String> allowed, Duration skew, Clock clock,
            JwksCache keys) {
        if (!SUPPORTED.containsAll(allowed) || allowed.isEmpty()) {
            throw new IllegalArgumentException("allowed algorithms must be a non-empty subset of " + SUPPORTED);
        }
        this.issuer = issuer;
        this.clientId = clientId;
        this.allowed = Set.copyOf(allowed);
        this.skew = skew;
        this.clock = clock;
        this.keys = keys;
    }

    /**
     * Validates an ID token.
     *
     * @param token the compact serialization
     * @param expectedNonce the nonce sent with the authorization request
     * @return the validated claims
     * @throws LoginRefusedException naming the first rule the token breaks
     */
    public IdTokenClaims validate(String token, String expectedNonce) {
        if (token == null || token.isEmpty()) {
            throw new LoginRefusedException(Reason.MALFORMED_RESPONSE, "the token response has no id_token");
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new LoginRefusedException(Reason.ID_TOKEN_MALFORMED, "the ID token is longer than "
                    + MAX_TOKEN_LENGTH + " characters");
        }
        JWT parsed;
        try {
            parsed = JWTParser.parse(token);
        } catch (ParseException e) {
            throw new LoginRefusedException(Reason.ID_TOKEN_MALFORMED, "the ID token is not a JWT: " + remote(e.getMessage()));
        }
        if (!(parsed instanceof SignedJWT jwt)) {
            String alg = parsed.getHeader() == null ? "?" : String.valueOf(parsed.getHeader().getAlgorithm());
            throw new LoginRefusedException(Reason.ID_TOKEN_MALFORMED, "the ID token is not a signed JWT (alg "
                    + remote(alg) + "); unsecured and encrypted ID tokens are refused");
        }
        JWSHeader header = jwt.getHeader();
        String alg = header.getAlgorithm().getName();
        if (!allowed.contains(alg)) {
            throw new LoginRefusedException(Reason.ID_TOKEN_ALGORITHM, "the ID token's algorithm " + remote(alg)
                    + " is not allowed; allowed: " + new java.util.TreeSet<>(allowed));
        }
        verifySignature(jwt, header);
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new LoginRefusedException(Reason.ID_TOKEN_MALFORMED, "the ID token's payload is not a JSON object");
        }
        return checkClaims(claims, header, expectedNonce);
    }

    private void verifySignature(SignedJWT jwt, JWSHeader header) {
        JwksCache.Snapshot snapshot = keys.current();
        List<JWK> candidates = candidates(snapshot, header);
        if (candidates.isEmpty()) {
            // A key id we do not know: the provider may have rotated its keys. Fetch once, then refuse.
            snapshot = keys.refreshAfter(snapshot);
            candidates = candidates(snapshot, header);
            if (candidates.isEmpty()) {
                throw new LoginRefusedException(Reason.ID_TOKEN_UNKNOWN_KEY, "no key of the provider's JWKS (fetched"
                        + " again) has key id " + (header.getKeyID() == null ? "(none)" : remote(header.getKeyID()))
                        + " for algorithm " + remote(String.valueOf(header.getAlgorithm())));
            }
        }
        for (JWK key : candidates) {
            try {
                if (jwt.verify(verifier(key, header.getAlgorithm()))) {
                    return;
                }
            } catch (JOSEException e) {
                throw new LoginRefusedException(Reason.ID_TOKEN_SIGNATURE, "the ID token's signature cannot be checked: "
                        + remote(e.getMessage()));
            }
        }
        throw new LoginRefusedException(Reason.ID_TOKEN_SIGNATURE,
                "the ID token's signature does not verify with the provider's key: it was altered or forged");
    }

    private static List<JWK> candidates(JwksCache.Snapshot snapshot, JWSHeader header) {
        JWSAlgorithm alg = header.getAlgorithm();
        String kid = header.getKeyID();
        List<JWK> out = new ArrayList<>();
        for (JWK key : snapshot.keys().getKeys()) {
            if (kid != null && !kid.equals(key.getKeyID())) {
                continue;
            }
            if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
                continue;
            }
            if (key.getAlgorithm() != null && !key.getAlgorithm().equals(alg)) {
                continue;
            }
            if (JWSAlgorithm.Family.RSA.contains(alg) && key instanceof RSAKey) {
                out.add(key);
            } else if (JWSAlgorithm.Family.EC.contains(alg) && key instanceof ECKey ec
                    && Curve.forJWSAlgorithm(alg).contains(ec.getCurve())) {
                out.add(key);
            }
        }
        return out;
    }

    private static JWSVerifier verifier(JWK key, JWSAlgorithm alg) throws JOSEException {
        if (key instanceof RSAKey rsa) {
            return new RSASSAVerifier(rsa);
        }
        return new ECDSAVerifier((ECKey) key);
    }

    /** A value from the token (attacker-controlled until verified): capped, masked, neutralised. */
    private static String remote(String value) {
        return value == null ? "null" : PersonalDataMasker.standard().maskRemote(value);
    }

    private IdTokenClaims checkClaims(JWTClaimsSet claims, JWSHeader header, String expectedNonce) {
        if (!issuer.equals(claims.getIssuer())) {
            throw new LoginRefusedException(Reason.ID_TOKEN_ISSUER, "the ID token's issuer " + remote(claims.getIssuer())
                    + " is not the configured provider " + issuer);
        }
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(clientId)) {
            throw new LoginRefusedException(Reason.ID_TOKEN_AUDIENCE, "the ID token's audience " + remote(String.valueOf(audience))
                    + " does not contain this client's id " + clientId);
        }
        Object azp = claims.getClaim("azp");
        if ((audience.size() > 1 && azp == null) || (azp != null && !clientId.equals(azp))) {
            throw new LoginRefusedException(Reason.ID_TOKEN_AUDIENCE, "the ID token's authorized party (azp) " + remote(String.valueOf(azp))
                    + " is not this client's id " + clientId);
        }
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw new LoginRefusedException(Reason.ID_TOKEN_EXPIRED, "the ID token has no expiry (exp)");
        }
        if (now.isAfter(exp.toInstant().plus(skew))) {
            throw new LoginRefusedException(Reason.ID_TOKEN_EXPIRED, "the ID token expired at " + exp.toInstant()
                    + " (now " + now + ", clock skew " + skew + ")");
        }
        Date iat = claims.getIssueTime();
        if (iat == null) {
            throw new LoginRefusedException(Reason.ID_TOKEN_EXPIRED, "the ID token has no issue time (iat)");
        }
        if (iat.toInstant().isAfter(now.plus(skew))) {
            throw new LoginRefusedException(Reason.ID_TOKEN_EXPIRED, "the ID token was issued in the future ("
                    + iat.toInstant() + ", now " + now + ", clock skew " + skew + ")");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().isAfter(now.plus(skew))) {
            throw new LoginRefusedException(Reason.ID_TOKEN_EXPIRED, "the ID token is not valid before "
                    + nbf.toInstant());
        }
        Object nonce = claims.getClaim("nonce");
        if (!(nonce instanceof String n) || !MessageDigest.isEqual(n.getBytes(StandardCharsets.UTF_8),
                expectedNonce.getBytes(StandardCharsets.UTF_8))) {
            throw new LoginRefusedException(Reason.ID_TOKEN_NONCE, nonce == null ? "the ID token has no nonce"
                    : "the ID token's nonce is not the one sent with this login (a replayed or injected token)");
        }
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new LoginRefusedException(Reason.ID_TOKEN_MALFORMED, "the ID token has no subject (sub)");
        }
        Date authTime;
        try {
            authTime = claims.getDateClaim("auth_time");
        } catch (ParseException e) {
            authTime = null;
        }
        Object acr = claims.getClaim("acr");
        Map<String, Object> all = claims.toJSONObject();
        return new IdTokenClaims(claims.getIssuer(), subject, audience, exp.toInstant(), iat.toInstant(),
                Optional.ofNullable(authTime).map(Date::toInstant), Optional.ofNullable(acr).map(Object::toString),
                Optional.ofNullable(header.getKeyID()), header.getAlgorithm().getName(), all);
    }
}

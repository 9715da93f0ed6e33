package vn.govsdk.identity.internal.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.govsdk.identity.login.IdTokenClaims;
import vn.govsdk.identity.login.LoginRefusedException;
import vn.govsdk.identity.login.LoginRefusedException.Reason;

/** The validator on its own, with tokens built here with Nimbus and a JWKS held in memory. */
class IdTokenValidatorTest {

    static final String ISSUER = "https://sso.example.test/oauth2/token";
    static final String CLIENT = "client-1";
    static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static ECKey ec;
    static ECKey ec384;
    static RSAKey rsa;

    final List<JWK> published = new ArrayList<>();
    final AtomicInteger fetches = new AtomicInteger();
    final JwksCache cache = new JwksCache(() -> {
        fetches.incrementAndGet();
        return new JWKSet(List.copyOf(published)).toString(true);
    });

    @BeforeAll
    static void keys() throws Exception {
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        ec384 = new ECKeyGenerator(Curve.P_384).keyID("ec-384").generate();
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    }

    IdTokenValidator validator(String... algorithms) {
        return new IdTokenValidator(ISSUER, CLIENT, Set.of(algorithms), Duration.ofSeconds(60), CLOCK, cache);
    }

    static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject("techid-1").audience(CLIENT)
                .issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.plusSeconds(300))).claim("nonce", "n-1");
    }

    static String sign(JWSAlgorithm alg, String kid, JWSSigner signer, Consumer<JWTClaimsSet.Builder> change)
            throws Exception {
        JWTClaimsSet.Builder c = claims();
        change.accept(c);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).build(), c.build());
        jwt.sign(signer);
        return jwt.serialize();
    }

    @Test
    void es256TokenIsAccepted() throws Exception {
        published.add(ec.toPublicJWK());
        String token = sign(JWSAlgorithm.ES256, "ec-1", new ECDSASigner(ec), c -> { });
        IdTokenClaims claims = validator("ES256").validate(token, "n-1");
        assertThat(claims.subject()).isEqualTo("techid-1");
        assertThat(claims.algorithm()).isEqualTo("ES256");
        assertThat(fetches).hasValue(1);
        validator("ES256").validate(token, "n-1");
    }

    @Test
    void keyIdNamingAKeyOfAnotherFamilyIsUnknown() throws Exception {
        published.add(rsa.toPublicJWK());
        // An ES256 token whose kid names the RSA key: no key of the EC family has that id.
        String token = sign(JWSAlgorithm.ES256, "rsa-1", new ECDSASigner(ec), c -> { });
        assertRefused(() -> validator("ES256").validate(token, "n-1"), Reason.ID_TOKEN_UNKNOWN_KEY);
        assertThat(fetches).as("fetched, then fetched again once").hasValue(2);
    }

    @Test
    void es256WithAP384KeyIsUnknown() throws Exception {
        published.add(ec384.toPublicJWK());
        String token = sign(JWSAlgorithm.ES256, "ec-384", new ECDSASigner(ec), c -> { });
        assertRefused(() -> validator("ES256").validate(token, "n-1"), Reason.ID_TOKEN_UNKNOWN_KEY);
    }

    @Test
    void tokenWithoutKeyIdIsCheckedAgainstEveryKeyOfItsFamily() throws Exception {
        RSAKey other = new RSAKeyGenerator(2048).keyID("rsa-0").generate();
        published.add(other.toPublicJWK());
        published.add(rsa.toPublicJWK());
        String token = sign(JWSAlgorithm.RS256, null, new RSASSASigner(rsa), c -> { });
        assertThat(validator("RS256").validate(token, "n-1").keyId()).isEmpty();
    }

    @Test
    void algorithmOutsideTheAllowListIsRefused() throws Exception {
        published.add(rsa.toPublicJWK());
        String token = sign(JWSAlgorithm.PS256, "rsa-1", new RSASSASigner(rsa), c -> { });
        assertRefused(() -> validator("RS256").validate(token, "n-1"), Reason.ID_TOKEN_ALGORITHM);
        assertThat(validator("RS256", "PS256").validate(token, "n-1").algorithm()).isEqualTo("PS256");
    }

    @Test
    void severalAudiencesNeedTheAuthorizedPartyToBeThisClient() throws Exception {
        published.add(rsa.toPublicJWK());
        RSASSASigner signer = new RSASSASigner(rsa);
        String noAzp = sign(JWSAlgorithm.RS256, "rsa-1", signer, c -> c.audience(List.of(CLIENT, "other")));
        assertRefused(() -> validator("RS256").validate(noAzp, "n-1"), Reason.ID_TOKEN_AUDIENCE);
        String otherAzp = sign(JWSAlgorithm.RS256, "rsa-1", signer,
                c -> c.audience(List.of(CLIENT, "other")).claim("azp", "other"));
        assertRefused(() -> validator("RS256").validate(otherAzp, "n-1"), Reason.ID_TOKEN_AUDIENCE);
        String good = sign(JWSAlgorithm.RS256, "rsa-1", signer,
                c -> c.audience(List.of(CLIENT, "other")).claim("azp", CLIENT));
        assertThat(validator("RS256").validate(good, "n-1").audience()).containsExactly(CLIENT, "other");
    }

    @Test
    void missingOrFutureTimesAndMissingNonceAreRefused() throws Exception {
        published.add(rsa.toPublicJWK());
        RSASSASigner signer = new RSASSASigner(rsa);
        assertRefused(() -> validator("RS256").validate(sign(JWSAlgorithm.RS256, "rsa-1", signer,
                c -> c.expirationTime(null)), "n-1"), Reason.ID_TOKEN_EXPIRED);
        assertRefused(() -> validator("RS256").validate(sign(JWSAlgorithm.RS256, "rsa-1", signer,
                c -> c.issueTime(Date.from(NOW.plusSeconds(120)))), "n-1"), Reason.ID_TOKEN_EXPIRED);
        assertRefused(() -> validator("RS256").validate(sign(JWSAlgorithm.RS256, "rsa-1", signer,
                c -> c.notBeforeTime(Date.from(NOW.plusSeconds(120)))), "n-1"), Reason.ID_TOKEN_EXPIRED);
        assertRefused(() -> validator("RS256").validate(sign(JWSAlgorithm.RS256, "rsa-1", signer,
                c -> c.claim("nonce", null)), "n-1"), Reason.ID_TOKEN_NONCE);
        // Within the skew: issued 30 s "in the future", expired 30 s ago.
        assertThat(validator("RS256").validate(sign(JWSAlgorithm.RS256, "rsa-1", signer,
                c -> c.issueTime(Date.from(NOW.plusSeconds(30)))), "n-1")).isNotNull();
        assertThat(validator("RS256").validate(sign(JWSAlgorithm.RS256, "rsa-1", signer,
                c -> c.expirationTime(Date.from(NOW.minusSeconds(30)))), "n-1")).isNotNull();
    }

    @Test
    void garbageIsMalformed() {
        assertRefused(() -> validator("RS256").validate("not.a.jwt", "n-1"), Reason.ID_TOKEN_MALFORMED);
        assertRefused(() -> validator("RS256").validate("x".repeat(70_000), "n-1"), Reason.ID_TOKEN_MALFORMED);
        assertThat(fetches).as("no key fetch for garbage").hasValue(0);
    }

    @Test
    void concurrentTokensWithANewKeyShareOneRefetch() throws Exception {
        published.add(rsa.toPublicJWK());
        IdTokenValidator validator = validator("RS256", "ES256");
        validator.validate(sign(JWSAlgorithm.RS256, "rsa-1", new RSASSASigner(rsa), c -> { }), "n-1");
        assertThat(fetches).hasValue(1);
        published.add(ec.toPublicJWK()); // the provider rotates in a new key
        String token = sign(JWSAlgorithm.ES256, "ec-1", new ECDSASigner(ec), c -> { });
        int threads = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<IdTokenClaims>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                go.await();
                return validator.validate(token, "n-1");
            }));
        }
        go.countDown();
        for (java.util.concurrent.Future<IdTokenClaims> f : results) {
            assertThat(f.get().keyId()).contains("ec-1");
        }
        pool.shutdown();
        assertThat(fetches).as("one initial fetch, one shared refetch").hasValue(2);
    }

    @Test
    void hmacOrNoneCannotBeAllowed() {
        assertThatThrownBy(() -> validator("HS256")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> validator("none")).isInstanceOf(IllegalArgumentException.class);
    }

    static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(LoginRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}

package vn.govsdk.signing.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.PreparedSignature;
import vn.govsdk.signing.SignatureAlgorithm;
import vn.govsdk.signing.SignedDocument;
import vn.govsdk.signing.Verifiers;
import vn.govsdk.signing.cades.CadesSigner;
import vn.govsdk.signing.verify.SignatureStatus;
import vn.govsdk.signing.verify.SignatureVerifier;
import vn.govsdk.signing.verify.TrustAnchors;
import vn.govsdk.signing.verify.VerificationReport;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.MockService;
import vn.govsdk.testkit.TestClock;
import vn.govsdk.testkit.remotesigning.CitizenBehaviour;
import vn.govsdk.testkit.remotesigning.RemoteSigningMock;
import vn.govsdk.testkit.remotesigning.SubscriberCondition;

/**
 * What every remote signer must do against its provider mock: success verified end to end, rejection,
 * expiry and failure as distinct outcomes, 120 digests in the fewest calls, a value that does not
 * match the certificate refused, and the certificate cache.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RemoteSignerContract {

    static final String USER = "079203000101";
    private static final byte[] CONTENT = "Quyết định số 01/QĐ-UBND".getBytes(StandardCharsets.UTF_8);

    MockGovPlatform platform;
    RemoteSigningMock mock;
    TestClock clock;
    RemoteSigner signer;

    /** The mock's path prefix. */
    abstract String prefix();

    /** Creates the mock service. */
    abstract Function<MockGovPlatform, MockService> service();

    /** Builds the signer against the platform. */
    abstract RemoteSigner newSigner(URI base, TestClock clock);

    /** The full path of the sign call. */
    abstract String signPath();

    /** The full paths of the certificate calls (one or more). */
    abstract List<String> certificatePaths();

    MockGovPlatform platform() {
        if (platform == null) {
            platform = MockGovPlatform.builder().service(service()).build();
            platform.pki().generateAll();
            mock = (RemoteSigningMock) platform.service(prefix()).orElseThrow();
        }
        return platform;
    }

    @BeforeEach
    void fresh() {
        platform().reset();
        if (signer != null) {
            signer.close();
        }
        clock = TestClock.at(platform.pki().referenceTime());
        signer = newSigner(platform.baseUrl(prefix()), clock);
    }

    @AfterAll
    void stop() {
        if (signer != null) {
            signer.close();
        }
        platform.close();
    }

    int calls(String path) {
        return platform.journal().count(e -> e.path().equals(path));
    }

    SignatureVerifier verifier() {
        return Verifiers.builder().trust(TrustAnchors.of(platform.pki().rootCertificate()))
                .retryPolicy(RetryPolicy.none()).build();
    }

    @Test
    void cadesSignedThroughTheServiceVerifiesValid() {
        List<X509Certificate> chain = signer.getCertificateChain(USER);
        assertThat(chain.get(0)).isEqualTo(mock.subscriber(USER).certificate());
        PreparedSignature prepared = CadesSigner.builder().build()
                .prepare(Document.of(CONTENT, "quyetdinh.txt", "text/plain"), chain);
        RemoteSignature pending = signer.signDigests(RemoteSigningRequest.builder().userId(USER)
                .add("quyetdinh", prepared).description("Ky quyet dinh 01").build());
        assertThat(pending.status()).isEqualTo(RemoteSigningStatus.WAITING_FOR_CONFIRMATION);
        assertThat(pending.transactionIds()).hasSize(1);
        // What went out is the digest of the CMS signed attributes, not of the document.
        assertThat(mock.lastTransaction().orElseThrow().documents()).isEqualTo(1);

        List<byte[]> values = pending.await(Duration.ofMinutes(5));
        assertThat(pending.status()).isEqualTo(RemoteSigningStatus.SIGNED);
        assertThat(clock.sleeps()).isNotEmpty(); // it waited (on the fake clock) between polls
        SignedDocument signed = prepared.complete(values.get(0));
        VerificationReport report = verifier().verify(Document.of(signed.bytes(), signed.fileName(), signed.mediaType()),
                Document.of(CONTENT, "quyetdinh.txt", "text/plain"));
        assertThat(report.status()).as(report.toString()).isEqualTo(SignatureStatus.VALID);
        assertThat(pending.signatureValue("quyetdinh")).isPresent();
    }

    @Test
    void signingKeyAdapterSignsInOneCall() {
        SignedDocument signed = CadesSigner.builder().build().sign(Document.of(CONTENT, "a.txt", "text/plain"),
                signer.signingKey(USER, Duration.ofMinutes(5)));
        VerificationReport report = verifier().verify(Document.of(signed.bytes(), signed.fileName(), signed.mediaType()),
                Document.of(CONTENT, "a.txt", "text/plain"));
        assertThat(report.status()).as(report.toString()).isEqualTo(SignatureStatus.VALID);
    }

    @Test
    void rejectionIsItsOwnOutcome() {
        mock.behaviour(USER, CitizenBehaviour.rejectOnPoll(1));
        RemoteSignature pending = signer.signDigests(oneDigest());
        assertThatThrownBy(() -> pending.await(Duration.ofMinutes(5)))
                .isInstanceOfSatisfying(RemoteSigningException.class, e -> {
                    assertThat(e.status()).isEqualTo(RemoteSigningStatus.REJECTED);
                    assertThat(e.transactionId()).contains(pending.transactionIds().get(0));
                    assertThat(e.providerCode()).isPresent();
                    assertThat(e.getMessage()).contains("refused").doesNotContain(USER);
                });
        assertThat(pending.status()).isEqualTo(RemoteSigningStatus.REJECTED);
    }

    @Test
    void expiryIsItsOwnOutcome() {
        mock.behaviour(USER, CitizenBehaviour.expireOnPoll(1));
        RemoteSignature pending = signer.signDigests(oneDigest());
        assertThatThrownBy(() -> pending.await(Duration.ofMinutes(5)))
                .isInstanceOfSatisfying(RemoteSigningException.class, e -> {
                    assertThat(e.status()).isEqualTo(RemoteSigningStatus.EXPIRED);
                    assertThat(e.getMessage()).contains("in time");
                });
    }

    @Test
    void providerFailureIsItsOwnOutcome() {
        mock.behaviour(USER, CitizenBehaviour.failOnPoll(1));
        RemoteSignature pending = signer.signDigests(oneDigest());
        assertThatThrownBy(() -> pending.await(Duration.ofMinutes(5)))
                .isInstanceOfSatisfying(RemoteSigningException.class,
                        e -> assertThat(e.status()).isEqualTo(RemoteSigningStatus.FAILED));
    }

    @Test
    void awaitGivesUpWhenTheTimeRunsOutAndCanBeResumed() {
        mock.behaviour(USER, CitizenBehaviour.manual());
        RemoteSignature pending = signer.signDigests(oneDigest());
        assertThatThrownBy(() -> pending.await(Duration.ofSeconds(30)))
                .isInstanceOf(vn.govsdk.core.polling.PollingTimeoutException.class);
        assertThat(pending.status()).isEqualTo(RemoteSigningStatus.WAITING_FOR_CONFIRMATION);
        mock.confirm(mock.lastTransaction().orElseThrow().id());
        assertThat(pending.await(Duration.ofSeconds(30))).hasSize(1);
    }

    @Test
    void aBatchOf120GoesInTheFewestCallsAndComesBackInOrder() throws Exception {
        List<X509Certificate> chain = signer.getCertificateChain(USER);
        RemoteSigningRequest.Builder b = RemoteSigningRequest.builder().userId(USER).description("Lo 120 ho so");
        List<byte[]> digests = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(("hồ sơ " + i).getBytes(StandardCharsets.UTF_8));
            digests.add(d);
            b.add("hoso-" + i, "Hồ sơ " + i, d);
        }
        int before = calls(signPath());
        RemoteSignature pending = signer.signDigests(b.build());
        assertThat(signer.maxDigestsPerRequest()).isEqualTo(50);
        assertThat(calls(signPath()) - before).as("sign calls for 120 digests").isEqualTo(3);
        assertThat(pending.transactionIds()).hasSize(3).doesNotHaveDuplicates();
        List<byte[]> values = pending.await(Duration.ofMinutes(5));
        assertThat(values).hasSize(120);
        for (int i = 0; i < 120; i++) {
            // Each value is the one for its own digest: PKCS#1 v1.5 over DigestInfo(SHA-256, digest i).
            assertThat(vn.govsdk.signing.internal.remote.ValueChecker.check(values.get(i), digests.get(i),
                    SignatureAlgorithm.RSA_SHA256, chain.get(0).getPublicKey())).as("value " + i).isNotNull();
        }
    }

    @Test
    void aValueThatDoesNotMatchTheCertificateIsRefused() {
        mock.condition(USER, SubscriberCondition.WRONG_KEY);
        List<X509Certificate> chain = signer.getCertificateChain(USER);
        PreparedSignature prepared = CadesSigner.builder().build()
                .prepare(Document.of(CONTENT, "quyetdinh.txt", "text/plain"), chain);
        RemoteSignature pending = signer.signDigests(RemoteSigningRequest.builder().userId(USER)
                .add("quyetdinh", prepared).build());
        assertThatThrownBy(() -> pending.await(Duration.ofMinutes(5)))
                .isInstanceOfSatisfying(RemoteSigningException.class, e -> {
                    assertThat(e.status()).isEqualTo(RemoteSigningStatus.FAILED);
                    assertThat(e.providerCode()).contains("VALUE_MISMATCH");
                    assertThat(e.getMessage()).contains("does not verify").contains("quyetdinh");
                });
        assertThat(pending.signatureValue("quyetdinh")).isEmpty();
    }

    @Test
    void quotaExhaustedIsRefusedAtOnce() {
        mock.condition(USER, SubscriberCondition.QUOTA_EXHAUSTED);
        assertThatThrownBy(() -> signer.signDigests(oneDigest()))
                .isInstanceOfSatisfying(RemoteSigningException.class, e -> {
                    assertThat(e.status()).isEqualTo(RemoteSigningStatus.FAILED);
                    assertThat(e.getMessage()).contains("quota");
                });
    }

    @Test
    void certificatesAreCachedPerUserForTheirTtl() {
        int before = certificateCalls();
        List<X509Certificate> first = signer.getCertificateChain(USER);
        int afterFirst = certificateCalls();
        assertThat(afterFirst).isGreaterThan(before);
        assertThat(signer.getCertificateChain(USER)).isEqualTo(first);
        assertThat(certificateCalls()).as("second call is served from the cache").isEqualTo(afterFirst);
        clock.advance(Duration.ofHours(2));
        signer.getCertificateChain(USER);
        assertThat(certificateCalls()).as("after the TTL the provider is asked again").isGreaterThan(afterFirst);
        assertThat(first.size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void algorithmMustSuitTheKey() {
        int before = calls(signPath());
        assertThatThrownBy(() -> signer.signDigests(RemoteSigningRequest.builder().userId(USER)
                .algorithm(SignatureAlgorithm.ECDSA_SHA256).add("a", "a", new byte[32]).build()))
                .hasMessageContaining("needs an EC key");
        assertThat(calls(signPath())).isEqualTo(before);
    }

    private int certificateCalls() {
        return certificatePaths().stream().mapToInt(this::calls).sum();
    }

    RemoteSigningRequest oneDigest() {
        return RemoteSigningRequest.builder().userId(USER).add("doc-1", "Ho so 1", new byte[32]).build();
    }
}

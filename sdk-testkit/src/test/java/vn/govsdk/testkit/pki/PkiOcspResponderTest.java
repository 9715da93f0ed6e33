package vn.govsdk.testkit.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The OCSP responder over HTTP, its answers parsed and checked with Bouncy Castle and the JDK. */
class PkiOcspResponderTest {

    private static PkiServer server;
    private static TestPki pki;
    private static DigestCalculatorProvider digests;

    @BeforeAll
    static void start() throws Exception {
        server = PkiServer.shared();
        pki = server.pki();
        digests = new JcaDigestCalculatorProviderBuilder().build();
    }

    @AfterEach
    void resetService() {
        server.service().reset();
    }

    @ParameterizedTest
    @EnumSource(value = CertificateRole.class, names = {"SIGNER_RSA_2048", "SIGNER_RSA_3072", "SIGNER_EC_P256",
        "SIGNER_EXPIRED", "SIGNER_NOT_YET_VALID", "SIGNER_WRONG_KEY_USAGE", "TSA", "OCSP_RESPONDER"})
    void certificatesThatAreNotRevokedAreGood(CertificateRole role) throws Exception {
        SingleResp answer = single(post(request(pki.credential(role).certificate(), pki.intermediateCertificate(),
                null)));
        assertThat(answer.getCertStatus()).isSameAs(CertificateStatus.GOOD);
        assertThat(answer.getCertID().getSerialNumber()).isEqualTo(pki.credential(role).certificate().getSerialNumber());
    }

    @Test
    void theRevokedCertificateIsRevokedWithItsTimeAndReason() throws Exception {
        SingleResp answer = single(post(request(pki.revokedSigner().certificate(), pki.intermediateCertificate(),
                null)));
        assertThat(answer.getCertStatus()).isInstanceOf(RevokedStatus.class);
        RevokedStatus revoked = (RevokedStatus) answer.getCertStatus();
        Revocation expected = pki.revocation(CertificateRole.SIGNER_REVOKED).orElseThrow();
        assertThat(revoked.getRevocationTime().toInstant()).isEqualTo(expected.revokedAt())
                .isEqualTo(pki.referenceTime().minus(Duration.ofDays(1)));
        assertThat(revoked.hasRevocationReason()).isTrue();
        assertThat(revoked.getRevocationReason()).isEqualTo(CRLReason.keyCompromise);
    }

    @Test
    void anAnswerIsSignedByTheDelegatedResponderAndCarriesItsCertificate() throws Exception {
        BasicOCSPResp basic = post(request(pki.rsa2048Signer().certificate(), pki.intermediateCertificate(), null));
        X509Certificate responder = pki.ocspResponder().certificate();
        assertThat(basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(responder))).isTrue();
        assertThat(basic.isSignatureValid(new JcaContentVerifierProviderBuilder()
                .build(pki.intermediateCertificate()))).isFalse();
        X509CertificateHolder[] certs = basic.getCerts();
        assertThat(certs).hasSize(2);
        assertThat(certs[0]).isEqualTo(new JcaX509CertificateHolder(responder));
        assertThat(certs[1]).isEqualTo(new JcaX509CertificateHolder(pki.intermediateCertificate()));
        assertThat(basic.getResponderId()).isEqualTo(
                new RespID(org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(
                        responder.getPublicKey().getEncoded()), digests.get(CertificateID.HASH_SHA1)));
        SingleResp single = basic.getResponses()[0];
        Instant thisUpdate = single.getThisUpdate().toInstant();
        assertThat(single.getNextUpdate().toInstant()).isEqualTo(thisUpdate.plus(Duration.ofHours(1)));
        assertThat(basic.getProducedAt().toInstant()).isEqualTo(thisUpdate);
    }

    @Test
    void theNonceIsEchoed() throws Exception {
        byte[] nonce = new byte[16];
        new SecureRandom().nextBytes(nonce);
        BasicOCSPResp basic = post(request(pki.rsa2048Signer().certificate(), pki.intermediateCertificate(), nonce));
        Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        assertThat(echoed).isNotNull();
        assertThat(DEROctetString.getInstance(echoed.getParsedValue()).getOctets()).isEqualTo(nonce);

        BasicOCSPResp without = post(request(pki.rsa2048Signer().certificate(), pki.intermediateCertificate(), null));
        assertThat(without.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce)).isNull();
    }

    @Test
    void aSignerIssuedOnDemandIsGoodAndNamesItsSubscriber() throws Exception {
        TestCredential issued = pki.issueSigner("Thuê bao thử nghiệm", "CCCD:079203009902");
        X509Certificate cert = issued.certificate();
        cert.verify(pki.intermediateCertificate().getPublicKey());
        assertThat(cert.getSubjectX500Principal().getName()).contains("UID=CCCD:079203009902");
        assertThat(cert.getKeyUsage()[0]).isTrue();
        assertThat(issued.chain()).hasSize(3);
        SingleResp answer = single(post(request(cert, pki.intermediateCertificate(), null)));
        assertThat(answer.getCertStatus()).isSameAs(CertificateStatus.GOOD);
        assertThat(pki.issueSigner("B", "CCCD:079203009902").certificate().getSerialNumber())
                .isNotEqualTo(cert.getSerialNumber());
        assertThatThrownBy(() -> pki.issueSigner(" ", "CCCD:1")).isInstanceOf(vn.govsdk.core.InvalidInputException.class)
                .hasMessageContaining("commonName");
    }

    @Test
    void aSerialTheIntermediateNeverIssuedIsUnknown() throws Exception {
        CertificateID id = new CertificateID(digests.get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(pki.intermediateCertificate()), BigInteger.valueOf(123456789));
        SingleResp answer = single(post(new OCSPReqBuilder().addRequest(id).build()));
        assertThat(answer.getCertStatus()).isInstanceOf(UnknownStatus.class);
    }

    @Test
    void aCertificateOfAnotherCaIsUnknown() throws Exception {
        TestPki other = TestPki.create(URI.create("http://127.0.0.1:1"));
        SingleResp answer = single(post(request(other.rsa2048Signer().certificate(), other.intermediateCertificate(),
                null)));
        assertThat(answer.getCertStatus()).isInstanceOf(UnknownStatus.class);
    }

    @Test
    void theIntermediateIsAnsweredByTheRootItself() throws Exception {
        BasicOCSPResp basic = post(request(pki.intermediateCertificate(), pki.rootCertificate(), null));
        assertThat(basic.getResponses()[0].getCertStatus()).isSameAs(CertificateStatus.GOOD);
        assertThat(basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(pki.rootCertificate())))
                .isTrue();
    }

    @Test
    void sha256CertIdsAreAnsweredToo() throws Exception {
        CertificateID id = new CertificateID(
                digests.get(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                        org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256)),
                new JcaX509CertificateHolder(pki.intermediateCertificate()),
                pki.revokedSigner().certificate().getSerialNumber());
        SingleResp answer = single(post(new OCSPReqBuilder().addRequest(id).build()));
        assertThat(answer.getCertStatus()).isInstanceOf(RevokedStatus.class);
        assertThat(answer.getCertID()).isEqualTo(id);
    }

    @Test
    void severalCertificatesInOneRequestAreAnsweredInOrder() throws Exception {
        OCSPReqBuilder builder = new OCSPReqBuilder();
        builder.addRequest(id(pki.rsa2048Signer().certificate(), pki.intermediateCertificate()));
        builder.addRequest(id(pki.revokedSigner().certificate(), pki.intermediateCertificate()));
        SingleResp[] answers = post(builder.build()).getResponses();
        assertThat(answers).hasSize(2);
        assertThat(answers[0].getCertStatus()).isSameAs(CertificateStatus.GOOD);
        assertThat(answers[1].getCertStatus()).isInstanceOf(RevokedStatus.class);
    }

    @Test
    void theGetFormOfRfc6960IsAnswered() throws Exception {
        OCSPReq request = request(pki.revokedSigner().certificate(), pki.intermediateCertificate(), null);
        String encoded = URLEncoder.encode(Base64.getEncoder().encodeToString(request.getEncoded()),
                StandardCharsets.US_ASCII);
        Http.Reply reply = Http.get(URI.create(pki.endpoints().ocsp() + "/" + encoded));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).isEqualTo("application/ocsp-response");
        OCSPResp response = new OCSPResp(reply.body());
        assertThat(response.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        assertThat(((BasicOCSPResp) response.getResponseObject()).getResponses()[0].getCertStatus())
                .isInstanceOf(RevokedStatus.class);
    }

    @Test
    void aMalformedRequestGetsTheMalformedRequestStatus() throws Exception {
        Http.Reply reply = Http.post(pki.endpoints().ocsp(), "application/ocsp-request", new byte[] {0x30, 0x03, 1, 2});
        assertThat(reply.status()).isEqualTo(200);
        assertThat(new OCSPResp(reply.body()).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
        Http.Reply badBase64 = Http.get(URI.create(pki.endpoints().ocsp() + "/%25%25%25"));
        assertThat(new OCSPResp(badBase64.body()).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
    }

    @Test
    void aCertificateRevokedAtRunTimeIsRevokedUntilTheServiceIsReset() throws Exception {
        OCSPReq request = request(pki.ecP256Signer().certificate(), pki.intermediateCertificate(), null);
        pki.revoke(CertificateRole.SIGNER_EC_P256, java.security.cert.CRLReason.CESSATION_OF_OPERATION);
        RevokedStatus revoked = (RevokedStatus) single(post(request)).getCertStatus();
        assertThat(revoked.getRevocationReason()).isEqualTo(CRLReason.cessationOfOperation);
        server.service().reset();
        assertThat(single(post(request)).getCertStatus()).isSameAs(CertificateStatus.GOOD);
    }

    @Test
    void theResponderCanBeTakenDownAndComesBackOnReset() throws Exception {
        OCSPReq request = request(pki.rsa2048Signer().certificate(), pki.intermediateCertificate(), null);
        server.service().setOcspResponderAvailable(false);
        Http.Reply down = Http.post(pki.endpoints().ocsp(), "application/ocsp-request", request.getEncoded());
        assertThat(down.status()).isEqualTo(503);
        server.service().reset();
        assertThat(single(post(request)).getCertStatus()).isSameAs(CertificateStatus.GOOD);
    }

    @Test
    void otherMethodsPathsAndOversizedBodiesAreRefused() {
        Http.Reply put = Http.call(new okhttp3.Request.Builder().url(pki.endpoints().ocsp().toString())
                .put(okhttp3.RequestBody.create(new byte[] {1})).build());
        assertThat(put.status()).isEqualTo(405);
        assertThat(Http.get(URI.create(pki.platformBaseUrl() + "/pki/nothing")).status()).isEqualTo(404);
        assertThat(Http.post(pki.endpoints().ocsp(), "application/ocsp-request", new byte[70_000]).status())
                .isEqualTo(413);
    }

    // ------------------------------------------------------------ the JDK's own OCSP client

    @Test
    void theJdkRevocationCheckerAcceptsAGoodChainThroughTheAiaOcspUrl() throws Exception {
        server.drainRequests();
        validateWithJdkOcsp(pki.rsa2048Signer());
        // the JDK asks about the intermediate and the signer, by the GET form (its requests are short)
        assertThat(server.drainRequests()).hasSize(2).allMatch(line -> line.startsWith("GET /pki/ocsp/"));
    }

    @Test
    void theJdkRevocationCheckerRejectsTheRevokedCertificate() {
        assertThatThrownBy(() -> validateWithJdkOcsp(pki.revokedSigner()))
                .isInstanceOfSatisfying(CertPathValidatorException.class, e -> assertThat(e.getReason())
                        .isEqualTo(CertPathValidatorException.BasicReason.REVOKED));
    }

    @Test
    void theJdkRevocationCheckerCannotDecideWhenTheResponderIsDown() {
        server.service().setOcspResponderAvailable(false);
        assertThatThrownBy(() -> validateWithJdkOcsp(pki.rsa2048Signer()))
                .isInstanceOfSatisfying(CertPathValidatorException.class, e -> assertThat(e.getReason())
                        .isEqualTo(CertPathValidatorException.BasicReason.UNDETERMINED_REVOCATION_STATUS));
    }

    private static void validateWithJdkOcsp(TestCredential credential) throws Exception {
        List<X509Certificate> path = new ArrayList<>(credential.chain());
        path.remove(path.size() - 1);
        CertPathValidator validator = CertPathValidator.getInstance("PKIX");
        PKIXRevocationChecker checker = (PKIXRevocationChecker) validator.getRevocationChecker();
        checker.setOptions(EnumSet.of(PKIXRevocationChecker.Option.NO_FALLBACK)); // OCSP only, both certificates
        PKIXParameters parameters = new PKIXParameters(Set.of(pki.trustAnchor()));
        parameters.addCertPathChecker(checker);
        validator.validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
    }

    // ------------------------------------------------------------ helpers

    private static CertificateID id(X509Certificate certificate, X509Certificate issuer) throws Exception {
        return new CertificateID(digests.get(CertificateID.HASH_SHA1), new JcaX509CertificateHolder(issuer),
                certificate.getSerialNumber());
    }

    private static OCSPReq request(X509Certificate certificate, X509Certificate issuer, byte[] nonce)
            throws Exception {
        OCSPReqBuilder builder = new OCSPReqBuilder().addRequest(id(certificate, issuer));
        if (nonce != null) {
            builder.setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                    false, new DEROctetString(new DEROctetString(nonce).getEncoded())))); // RFC 8954 Nonce
        }
        return builder.build();
    }

    private static BasicOCSPResp post(OCSPReq request) throws Exception {
        Http.Reply reply = Http.post(pki.endpoints().ocsp(), "application/ocsp-request", request.getEncoded());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).isEqualTo("application/ocsp-response");
        OCSPResp response = new OCSPResp(reply.body());
        assertThat(response.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        return (BasicOCSPResp) response.getResponseObject();
    }

    private static SingleResp single(BasicOCSPResp basic) {
        assertThat(basic.getResponses()).hasSize(1);
        return basic.getResponses()[0];
    }
}

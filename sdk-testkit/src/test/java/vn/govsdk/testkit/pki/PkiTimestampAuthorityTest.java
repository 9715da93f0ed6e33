package vn.govsdk.testkit.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The RFC 3161 timestamp authority over HTTP, its tokens checked with Bouncy Castle. */
class PkiTimestampAuthorityTest {

    private static final byte[] DOCUMENT = "Hồ sơ số 000.00.00.H29-250101-0001".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private static PkiServer server;
    private static TestPki pki;

    @BeforeAll
    static void start() {
        server = PkiServer.shared();
        pki = server.pki();
    }

    @AfterEach
    void resetService() {
        server.service().reset();
    }

    @ParameterizedTest
    @CsvSource({"SHA-256, 2.16.840.1.101.3.4.2.1", "SHA-384, 2.16.840.1.101.3.4.2.2",
        "SHA-512, 2.16.840.1.101.3.4.2.3"})
    void aSha2ImprintIsStampedWithAValidTokenFromTheTsa(String digest, String oid) throws Exception {
        byte[] imprint = MessageDigest.getInstance(digest).digest(DOCUMENT);
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(new ASN1ObjectIdentifier(oid), imprint, BigInteger.TEN);
        TimeStampResponse response = stamp(request);
        assertThat(response.getStatus()).isEqualTo(PKIStatus.GRANTED);
        response.validate(request); // imprint, nonce, policy and certificate checks of Bouncy Castle

        TimeStampToken token = response.getTimeStampToken();
        token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(pki.tsa().certificate()));
        TimeStampTokenInfo info = token.getTimeStampInfo();
        assertThat(info.getMessageImprintAlgOID().getId()).isEqualTo(oid);
        assertThat(info.getMessageImprintDigest()).isEqualTo(imprint);
        assertThat(info.getPolicy().getId()).isEqualTo(TestPki.DEFAULT_TSA_POLICY_OID).isEqualTo("2.999.704.2.1");
        assertThat(info.getNonce()).isEqualTo(BigInteger.TEN);
        assertThat(info.getTsa()).isEqualTo(new GeneralName(
                org.bouncycastle.asn1.x500.X500Name.getInstance(
                        pki.tsa().certificate().getSubjectX500Principal().getEncoded())));
        assertThat(info.getGenTimeAccuracy().getSeconds()).isEqualTo(1);
        assertThat(token.getSID().getSerialNumber()).isEqualTo(pki.tsa().certificate().getSerialNumber());
    }

    @Test
    void certReqDecidesWhetherTheCertificatesAreIncluded() throws Exception {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        Collection<X509CertificateHolder> with = stamp(generator.generate(NISTObjectIdentifiers.id_sha256,
                sha256(DOCUMENT))).getTimeStampToken().getCertificates().getMatches(null);
        assertThat(with).containsExactlyInAnyOrder(new JcaX509CertificateHolder(pki.tsa().certificate()),
                new JcaX509CertificateHolder(pki.intermediateCertificate()));

        generator.setCertReq(false);
        Collection<X509CertificateHolder> without = stamp(generator.generate(NISTObjectIdentifiers.id_sha256,
                sha256(DOCUMENT))).getTimeStampToken().getCertificates().getMatches(null);
        assertThat(without).isEmpty();
    }

    @Test
    void serialNumbersIncrease() throws Exception {
        List<BigInteger> serials = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            serials.add(stamp(new TimeStampRequestGenerator().generate(NISTObjectIdentifiers.id_sha256,
                    sha256(DOCUMENT))).getTimeStampToken().getTimeStampInfo().getSerialNumber());
        }
        assertThat(serials.get(1)).isGreaterThan(serials.get(0));
        assertThat(serials.get(2)).isGreaterThan(serials.get(1));
    }

    @Test
    void aRequestWithoutNonceGetsATokenWithoutNonce() throws Exception {
        TimeStampToken token = stamp(new TimeStampRequestGenerator().generate(NISTObjectIdentifiers.id_sha512,
                MessageDigest.getInstance("SHA-512").digest(DOCUMENT))).getTimeStampToken();
        assertThat(token.getTimeStampInfo().getNonce()).isNull();
    }

    @Test
    void theRequestedPolicyIsHonouredAndAnotherIsRejected() throws Exception {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setReqPolicy(new ASN1ObjectIdentifier(TestPki.DEFAULT_TSA_POLICY_OID));
        assertThat(stamp(generator.generate(NISTObjectIdentifiers.id_sha256, sha256(DOCUMENT))).getStatus())
                .isEqualTo(PKIStatus.GRANTED);

        generator.setReqPolicy(new ASN1ObjectIdentifier("2.999.1.2.3"));
        TimeStampResponse refused = stamp(generator.generate(NISTObjectIdentifiers.id_sha256, sha256(DOCUMENT)));
        assertThat(refused.getStatus()).isEqualTo(PKIStatus.REJECTION);
        assertThat(refused.getFailInfo().intValue()).isEqualTo(PKIFailureInfo.unacceptedPolicy);
        assertThat(refused.getTimeStampToken()).isNull();
    }

    @Test
    void sha1IsRejectedAsABadAlgorithm() throws Exception {
        TimeStampResponse refused = stamp(new TimeStampRequestGenerator().generate(OIWObjectIdentifiers.idSHA1,
                MessageDigest.getInstance("SHA-1").digest(DOCUMENT)));
        assertThat(refused.getStatus()).isEqualTo(PKIStatus.REJECTION);
        assertThat(refused.getFailInfo().intValue()).isEqualTo(PKIFailureInfo.badAlg);
    }

    @Test
    void anImprintOfTheWrongLengthIsRejectedAsBadData() throws Exception {
        TimeStampResponse refused = stamp(new TimeStampRequestGenerator().generate(NISTObjectIdentifiers.id_sha256,
                new byte[20]));
        assertThat(refused.getStatus()).isEqualTo(PKIStatus.REJECTION);
        assertThat(refused.getFailInfo().intValue()).isEqualTo(PKIFailureInfo.badDataFormat);
    }

    @Test
    void genTimeComesFromTheClockAndThePolicyFromTheBuilder() throws Exception {
        Instant fixed = Instant.parse("2030-09-02T01:30:00Z");
        try (PkiServer own = PkiServer.start(b -> b.clock(Clock.fixed(fixed, ZoneOffset.UTC)).tsaPolicy("2.999.5.5"))) {
            byte[] body = new TimeStampRequestGenerator().generate(NISTObjectIdentifiers.id_sha256, sha256(DOCUMENT))
                    .getEncoded();
            Http.Reply reply = Http.post(own.pki().endpoints().tsa(), "application/timestamp-query", body);
            TimeStampTokenInfo info = new TimeStampResponse(reply.body()).getTimeStampToken().getTimeStampInfo();
            assertThat(info.getGenTime().toInstant()).isEqualTo(fixed);
            assertThat(info.getPolicy().getId()).isEqualTo("2.999.5.5").isEqualTo(own.pki().tsaPolicy());
        }
    }

    @Test
    void likeTheGovernmentTsaItRefusesGetWith403AndJunkWith400() {
        assertThat(Http.get(pki.endpoints().tsa()).status()).isEqualTo(403);
        assertThat(Http.post(pki.endpoints().tsa(), "application/timestamp-query", "hello".getBytes()).status())
                .isEqualTo(400);
    }

    @Test
    void theTsaCanBeTakenDownAndComesBackOnReset() throws Exception {
        byte[] body = new TimeStampRequestGenerator().generate(NISTObjectIdentifiers.id_sha256, sha256(DOCUMENT))
                .getEncoded();
        server.service().setTimestampAuthorityAvailable(false);
        assertThat(Http.post(pki.endpoints().tsa(), "application/timestamp-query", body).status()).isEqualTo(503);
        server.service().reset();
        assertThat(Http.post(pki.endpoints().tsa(), "application/timestamp-query", body).status()).isEqualTo(200);
    }

    private static TimeStampResponse stamp(TimeStampRequest request) throws Exception {
        Http.Reply reply = Http.post(pki.endpoints().tsa(), "application/timestamp-query", request.getEncoded());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).isEqualTo("application/timestamp-reply");
        return new TimeStampResponse(reply.body());
    }

    private static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }
}

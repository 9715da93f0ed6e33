package vn.govsdk.testkit.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.URI;
import java.security.cert.CRLReason;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The CRL distribution points, the caIssuers downloads and the index under /pki. */
class PkiCrlAndCertificateEndpointsTest {

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

    @Test
    void theIntermediateCrlListsTheRevokedSerialAndIsSignedByTheIntermediate() throws Exception {
        X509CRL crl = fetchCrl(pki.endpoints().intermediateCrl());
        crl.verify(pki.intermediateCertificate().getPublicKey());
        assertThat(crl.getIssuerX500Principal()).isEqualTo(pki.intermediateCertificate().getSubjectX500Principal());
        assertThat(crl.getRevokedCertificates()).hasSize(1);
        X509CRLEntry entry = crl.getRevokedCertificates().iterator().next();
        assertThat(entry.getSerialNumber()).isEqualTo(pki.revokedSigner().certificate().getSerialNumber());
        assertThat(entry.getRevocationDate().toInstant()).isEqualTo(pki.referenceTime().minus(Duration.ofDays(1)));
        assertThat(entry.getRevocationReason()).isEqualTo(CRLReason.KEY_COMPROMISE);
        assertThat(crl.isRevoked(pki.rsa2048Signer().certificate())).isFalse();
        assertThat(crl.getNextUpdate().toInstant()).isEqualTo(crl.getThisUpdate().toInstant().plus(Duration.ofDays(1)));
        assertThat(crl.getExtensionValue(Extension.authorityKeyIdentifier.getId())).isNotNull();
    }

    @Test
    void eachCrlHasAHigherNumberThanTheLast() throws Exception {
        BigInteger first = crlNumber(fetchCrl(pki.endpoints().intermediateCrl()));
        BigInteger second = crlNumber(fetchCrl(pki.endpoints().intermediateCrl()));
        assertThat(second).isGreaterThan(first);
    }

    @Test
    void theRootCrlIsSignedByTheRootAndListsNothing() throws Exception {
        X509CRL crl = fetchCrl(pki.endpoints().rootCrl());
        crl.verify(pki.rootCertificate().getPublicKey());
        assertThat(crl.getRevokedCertificates()).isNull();
        assertThat(crl.isRevoked(pki.intermediateCertificate())).isFalse();
    }

    @Test
    void aRunTimeRevocationAppearsInTheCrlUntilReset() throws Exception {
        pki.revoke(CertificateRole.SIGNER_RSA_3072, CRLReason.AFFILIATION_CHANGED);
        assertThat(fetchCrl(pki.endpoints().intermediateCrl()).isRevoked(pki.rsa3072Signer().certificate())).isTrue();
        server.service().reset();
        assertThat(fetchCrl(pki.endpoints().intermediateCrl()).isRevoked(pki.rsa3072Signer().certificate())).isFalse();
    }

    @Test
    void theCaIssuersUrlsServeTheCaCertificatesInDer() throws Exception {
        assertThat(fetchCertificate(pki.endpoints().intermediateCertificate())).isEqualTo(pki.intermediateCertificate());
        assertThat(fetchCertificate(pki.endpoints().rootCertificate())).isEqualTo(pki.rootCertificate());
        assertThat(fetchCertificate(URI.create(pki.platformBaseUrl() + "/pki/certs/tsa.cer")))
                .isEqualTo(pki.tsa().certificate());
        assertThat(fetchCertificate(URI.create(pki.platformBaseUrl() + "/pki/certs/ocsp-responder.cer")))
                .isEqualTo(pki.ocspResponder().certificate());
        assertThat(Http.get(URI.create(pki.platformBaseUrl() + "/pki/certs/signer.cer")).status()).isEqualTo(404);
        assertThat(Http.post(pki.endpoints().rootCertificate(), "text/plain", new byte[] {1}).status()).isEqualTo(405);
    }

    @Test
    void theCrlsCanBeTakenDownAndComeBackOnReset() {
        server.service().setCrlAvailable(false);
        assertThat(Http.get(pki.endpoints().intermediateCrl()).status()).isEqualTo(503);
        assertThat(Http.get(pki.endpoints().rootCrl()).status()).isEqualTo(503);
        server.service().reset();
        assertThat(Http.get(pki.endpoints().intermediateCrl()).status()).isEqualTo(200);
    }

    @Test
    void theIndexListsEveryEndpoint() {
        Http.Reply index = Http.get(URI.create(pki.platformBaseUrl() + "/pki/"));
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.contentType()).startsWith("application/json");
        assertThat(index.text()).contains("\"ocsp\":\"" + pki.endpoints().ocsp() + "\"",
                "\"tsa\":\"" + pki.endpoints().tsa() + "\"", pki.endpoints().intermediateCrl().toString(),
                pki.endpoints().rootCertificate().toString(), "\"tsaPolicy\":\"2.999.704.2.1\"");
        assertThat(server.service().pathPrefix()).isEqualTo("/pki");
        assertThat(server.service().name()).contains("PKI");
        assertThat(server.service().testPki()).isSameAs(pki);
    }

    private static X509CRL fetchCrl(URI url) throws Exception {
        Http.Reply reply = Http.get(url);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).isEqualTo("application/pkix-crl");
        return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(reply.body()));
    }

    private static X509Certificate fetchCertificate(URI url) throws Exception {
        Http.Reply reply = Http.get(url);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).isEqualTo("application/pkix-cert");
        assertThat(reply.body()[0]).as("DER, not PEM").isEqualTo((byte) 0x30);
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(reply.body()));
    }

    private static BigInteger crlNumber(X509CRL crl) throws Exception {
        byte[] value = crl.getExtensionValue(Extension.cRLNumber.getId());
        return ASN1Integer.getInstance(ASN1Primitive.fromByteArray(DEROctetString.getInstance(value).getOctets()))
                .getValue();
    }
}

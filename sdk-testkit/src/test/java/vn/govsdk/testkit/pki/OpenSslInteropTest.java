package vn.govsdk.testkit.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The test PKI as the openssl command line tool sees it: chains, OCSP (openssl as the client of the
 * mock responder), RFC 3161 timestamps, CRLs and PKCS#12 exports.
 */
class OpenSslInteropTest {

    private static PkiServer server;
    private static TestPki pki;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = PkiServer.shared();
        pki = server.pki();
    }

    @AfterEach
    void resetService() {
        server.service().reset();
    }

    // ------------------------------------------------------------ openssl verify

    @ParameterizedTest
    @EnumSource(value = CertificateRole.class, names = {"SIGNER_RSA_2048", "SIGNER_RSA_3072", "SIGNER_EC_P256"})
    void opensslVerifyAcceptsTheGoodChains(CertificateRole role) throws Exception {
        writeCas();
        write("signer.pem", pki.credential(role).certificatePem());
        OpenSsl.Result result = OpenSsl.run(dir, "verify", "-CAfile", "root.pem", "-untrusted", "intermediate.pem",
                "signer.pem");
        assertThat(result.output()).contains("signer.pem: OK");
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void opensslVerifyRejectsTheExpiredCertificate() throws Exception {
        writeCas();
        write("expired.pem", pki.expiredSigner().certificatePem());
        OpenSsl.Result result = OpenSsl.run(dir, "verify", "-CAfile", "root.pem", "-untrusted", "intermediate.pem",
                "expired.pem");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("certificate has expired");
    }

    @Test
    void opensslVerifyRejectsTheNotYetValidCertificate() throws Exception {
        writeCas();
        write("future.pem", pki.notYetValidSigner().certificatePem());
        OpenSsl.Result result = OpenSsl.run(dir, "verify", "-CAfile", "root.pem", "-untrusted", "intermediate.pem",
                "future.pem");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("certificate is not yet valid");
    }

    @Test
    void opensslVerifyDownloadsTheIntermediateCrlAndRejectsOnlyTheRevokedCertificate() throws Exception {
        writeCas();
        write("good.pem", pki.rsa2048Signer().certificatePem());
        write("revoked.pem", pki.revokedSigner().certificatePem());
        // -crl_download fetches the intermediate's CRL from the certificate's CRL distribution point
        OpenSsl.Result good = OpenSsl.run(dir, "verify", "-crl_check", "-crl_download", "-CAfile", "root.pem",
                "-untrusted", "intermediate.pem", "good.pem");
        assertThat(good.output()).contains("good.pem: OK");
        assertThat(good.exitCode()).isZero();
        OpenSsl.Result revoked = OpenSsl.run(dir, "verify", "-crl_check", "-crl_download", "-CAfile", "root.pem",
                "-untrusted", "intermediate.pem", "revoked.pem");
        assertThat(revoked.exitCode()).isNotZero();
        assertThat(revoked.output()).contains("certificate revoked");
    }

    @Test
    void opensslVerifyChecksTheWholeChainWithBothCrls() throws Exception {
        writeCas();
        write("good.pem", pki.rsa2048Signer().certificatePem());
        // the root has no distribution point (a trust anchor), so its CRL is given; the intermediate's is downloaded
        Files.write(dir.resolve("root.crl"), Http.get(pki.endpoints().rootCrl()).body());
        OpenSsl.Result good = OpenSsl.run(dir, "verify", "-crl_check_all", "-crl_download", "-CRLfile", "root.crl",
                "-CAfile", "root.pem", "-untrusted", "intermediate.pem", "good.pem");
        assertThat(good.output()).contains("good.pem: OK");
        assertThat(good.exitCode()).isZero();

        pki.revoke(CertificateRole.INTERMEDIATE_CA, java.security.cert.CRLReason.CA_COMPROMISE);
        Files.write(dir.resolve("root.crl"), Http.get(pki.endpoints().rootCrl()).body());
        OpenSsl.Result revokedCa = OpenSsl.run(dir, "verify", "-crl_check_all", "-crl_download", "-CRLfile",
                "root.crl", "-CAfile", "root.pem", "-untrusted", "intermediate.pem", "good.pem");
        assertThat(revokedCa.exitCode()).isNotZero();
        assertThat(revokedCa.output()).contains("certificate revoked");
    }

    @Test
    void opensslReadsTheExtensionsOfASignerCertificate() throws Exception {
        write("signer.pem", pki.rsa2048Signer().certificatePem());
        OpenSsl.Result text = OpenSsl.run(dir, "x509", "-in", "signer.pem", "-noout", "-text", "-nameopt", "utf8");
        assertThat(text.exitCode()).isZero();
        String base = pki.platformBaseUrl().toString();
        assertThat(text.output()).contains("Digital Signature, Non Repudiation",
                "TLS Web Client Authentication, E-mail Protection", "OCSP - URI:" + base + "/pki/ocsp",
                "CA Issuers - URI:" + base + "/pki/certs/intermediate.cer", "URI:" + base + "/pki/crl/intermediate.crl",
                "CN=Nguyễn Văn An", "UID=CCCD:079203000101", "C=VN", "Policy: 2.999.704.1.1",
                "email:nguyen.van.an@example.com");
    }

    @Test
    void opensslReadsTheTsaAndResponderPurposes() throws Exception {
        write("tsa.pem", pki.tsa().certificatePem());
        write("responder.pem", pki.ocspResponder().certificatePem());
        String tsa = OpenSsl.run(dir, "x509", "-in", "tsa.pem", "-noout", "-text").output();
        assertThat(tsa).containsPattern("X509v3 Extended Key Usage: critical\\s+Time Stamping\\s");
        String responder = OpenSsl.run(dir, "x509", "-in", "responder.pem", "-noout", "-text").output();
        assertThat(responder).contains("OCSP Signing", "OCSP No Check");
        OpenSsl.Result purpose = OpenSsl.run(dir, "x509", "-in", "tsa.pem", "-noout", "-purpose");
        assertThat(purpose.output()).contains("Time Stamp signing : Yes");
    }

    // ------------------------------------------------------------ openssl ocsp

    @Test
    void opensslOcspReportsGoodAndVerifiesTheResponse() throws Exception {
        writeCas();
        write("signer.pem", pki.rsa2048Signer().certificatePem());
        OpenSsl.Result result = ocsp("-cert", "signer.pem");
        assertThat(result.output()).contains("Response verify OK", "signer.pem: good")
                .doesNotContain("WARNING"); // for example "WARNING: no nonce in response"
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void opensslOcspReportsRevokedWithTimeAndReason() throws Exception {
        writeCas();
        write("revoked.pem", pki.revokedSigner().certificatePem());
        OpenSsl.Result result = ocsp("-cert", "revoked.pem");
        assertThat(result.output()).contains("Response verify OK", "revoked.pem: revoked", "Reason: keyCompromise",
                "Revocation Time: ");
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void opensslOcspReportsUnknownForASerialTheCaNeverIssued() throws Exception {
        writeCas();
        OpenSsl.Result result = ocsp("-serial", "0x1234567");
        assertThat(result.output()).contains("Response verify OK", "0x1234567: unknown");
    }

    @Test
    void opensslOcspAsksTheRootAboutTheIntermediate() throws Exception {
        writeCas();
        OpenSsl.Result result = OpenSsl.run(dir, "ocsp", "-issuer", "root.pem", "-cert", "intermediate.pem", "-url",
                pki.endpoints().ocsp().toString(), "-CAfile", "root.pem");
        assertThat(result.output()).contains("Response verify OK", "intermediate.pem: good");
    }

    @Test
    void opensslOcspFailsWhenTheResponderIsDown() throws Exception {
        writeCas();
        write("signer.pem", pki.rsa2048Signer().certificatePem());
        server.service().setOcspResponderAvailable(false);
        OpenSsl.Result result = ocsp("-cert", "signer.pem");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).doesNotContain("signer.pem: good");
    }

    private OpenSsl.Result ocsp(String... target) {
        String[] arguments = new String[8 + target.length];
        System.arraycopy(new String[] {"ocsp", "-issuer", "intermediate.pem"}, 0, arguments, 0, 3);
        System.arraycopy(target, 0, arguments, 3, target.length);
        System.arraycopy(new String[] {"-url", pki.endpoints().ocsp().toString(), "-CAfile", "root.pem", "-nonce"},
                0, arguments, 3 + target.length, 5);
        return OpenSsl.run(dir, arguments);
    }

    // ------------------------------------------------------------ openssl ts

    @Test
    void opensslTsVerifiesATokenForAnOpensslQuery() throws Exception {
        writeCas();
        write("tsa.pem", pki.tsa().certificatePem());
        write("document.txt", "Quyết định số 01/QĐ-UBND, bản thử nghiệm\n");
        assertThat(OpenSsl.run(dir, "ts", "-query", "-data", "document.txt", "-sha256", "-cert", "-out", "query.tsq")
                .exitCode()).isZero();
        Http.Reply reply = Http.post(pki.endpoints().tsa(), "application/timestamp-query",
                Files.readAllBytes(dir.resolve("query.tsq")));
        assertThat(reply.status()).isEqualTo(200);
        Files.write(dir.resolve("reply.tsr"), reply.body());

        OpenSsl.Result verify = OpenSsl.run(dir, "ts", "-verify", "-data", "document.txt", "-in", "reply.tsr",
                "-CAfile", "root.pem", "-untrusted", "intermediate.pem");
        assertThat(verify.output()).contains("Verification: OK");
        OpenSsl.Result againstQuery = OpenSsl.run(dir, "ts", "-verify", "-queryfile", "query.tsq", "-in",
                "reply.tsr", "-CAfile", "root.pem", "-untrusted", "intermediate.pem");
        assertThat(againstQuery.output()).contains("Verification: OK");

        String text = OpenSsl.run(dir, "ts", "-reply", "-in", "reply.tsr", "-text").output();
        assertThat(text).contains("Status: Granted.", "Policy OID: 2.999.704.2.1", "Hash Algorithm: sha256",
                "Accuracy: 0x01 seconds");
        assertThat(text).containsPattern("Nonce: 0x[0-9A-F]+");

        write("other.txt", "a different document\n");
        OpenSsl.Result wrongData = OpenSsl.run(dir, "ts", "-verify", "-data", "other.txt", "-in", "reply.tsr",
                "-CAfile", "root.pem", "-untrusted", "intermediate.pem");
        assertThat(wrongData.output()).contains("Verification: FAILED");
    }

    @Test
    void opensslTsNeedsTheTsaCertificateWhenTheQueryDidNotAskForIt() throws Exception {
        writeCas();
        write("tsa-chain.pem", pki.tsa().certificatePem() + pki.intermediateCa().certificatePem());
        write("document.txt", "Tờ khai, bản thử nghiệm\n");
        assertThat(OpenSsl.run(dir, "ts", "-query", "-data", "document.txt", "-sha512", "-out", "query.tsq")
                .exitCode()).isZero();
        Files.write(dir.resolve("reply.tsr"), Http.post(pki.endpoints().tsa(), "application/timestamp-query",
                Files.readAllBytes(dir.resolve("query.tsq"))).body());

        OpenSsl.Result withoutCertificate = OpenSsl.run(dir, "ts", "-verify", "-data", "document.txt", "-in",
                "reply.tsr", "-CAfile", "root.pem", "-untrusted", "intermediate.pem");
        assertThat(withoutCertificate.output()).contains("Verification: FAILED");
        OpenSsl.Result withCertificate = OpenSsl.run(dir, "ts", "-verify", "-data", "document.txt", "-in",
                "reply.tsr", "-CAfile", "root.pem", "-untrusted", "tsa-chain.pem");
        assertThat(withCertificate.output()).contains("Verification: OK");
    }

    // ------------------------------------------------------------ openssl crl

    @Test
    void opensslCrlParsesTheIntermediateCrlAndListsTheRevokedSerial() throws Exception {
        writeCas();
        Files.write(dir.resolve("intermediate.crl"), Http.get(pki.endpoints().intermediateCrl()).body());
        OpenSsl.Result text = OpenSsl.run(dir, "crl", "-inform", "DER", "-in", "intermediate.crl", "-text", "-noout");
        assertThat(text.exitCode()).isZero();
        String serial = pki.revokedSigner().certificate().getSerialNumber().toString(16).toUpperCase();
        assertThat(text.output()).contains("Serial Number: " + serial, "Key Compromise", "X509v3 CRL Number");
        assertThat(text.output()).doesNotContain(
                pki.rsa2048Signer().certificate().getSerialNumber().toString(16).toUpperCase());
        OpenSsl.Result verify = OpenSsl.run(dir, "crl", "-inform", "DER", "-in", "intermediate.crl", "-noout",
                "-CAfile", "intermediate.pem");
        assertThat(verify.output()).contains("verify OK");
    }

    // ------------------------------------------------------------ openssl pkcs12 and pkey

    @Test
    void opensslReadsThePkcs12Export() throws Exception {
        TestCredential credential = pki.ecP256Signer();
        credential.writePkcs12(dir.resolve("exported.p12"), "test-pass-123".toCharArray());

        OpenSsl.Result certificates = OpenSsl.run(dir, "pkcs12", "-in", "exported.p12", "-passin", "pass:test-pass-123",
                "-nokeys");
        assertThat(certificates.exitCode()).isZero();
        assertThat(Pattern.compile("-----BEGIN CERTIFICATE-----").matcher(certificates.output()).results().count())
                .isEqualTo(3);
        assertThat(certificates.output()).contains("friendlyName: signer-ec-p256", "UID = CCCD:048095000103");

        OpenSsl.Result key = OpenSsl.run(dir, "pkcs12", "-in", "exported.p12", "-passin", "pass:test-pass-123",
                "-nocerts", "-nodes");
        assertThat(key.exitCode()).isZero();
        Matcher block = Pattern.compile("-----BEGIN PRIVATE KEY-----(.+?)-----END PRIVATE KEY-----", Pattern.DOTALL)
                .matcher(key.output());
        assertThat(block.find()).isTrue();
        PrivateKey read = KeyFactory.getInstance("EC").generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(block.group(1))));
        assertThat(read).isEqualTo(credential.privateKey());

        OpenSsl.Result wrongPassword = OpenSsl.run(dir, "pkcs12", "-in", "exported.p12", "-passin", "pass:wrong",
                "-nokeys");
        assertThat(wrongPassword.exitCode()).isNotZero();
    }

    @Test
    void opensslMatchesThePemKeyToItsCertificate() throws Exception {
        TestCredential credential = pki.rsa3072Signer();
        write("credential.pem", credential.toPem());
        OpenSsl.Result fromKey = OpenSsl.run(dir, "pkey", "-in", "credential.pem", "-pubout");
        OpenSsl.Result fromCertificate = OpenSsl.run(dir, "x509", "-in", "credential.pem", "-pubkey", "-noout");
        assertThat(fromKey.exitCode()).isZero();
        assertThat(fromKey.output()).startsWith("-----BEGIN PUBLIC KEY-----").isEqualTo(fromCertificate.output());
    }

    // ------------------------------------------------------------ helpers

    private void writeCas() throws Exception {
        write("root.pem", pki.trustAnchorPem());
        write("intermediate.pem", pki.intermediateCa().certificatePem());
    }

    private void write(String name, String text) throws Exception {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}

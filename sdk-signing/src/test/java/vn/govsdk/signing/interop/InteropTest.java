package vn.govsdk.signing.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.SignatureFormat;
import vn.govsdk.signing.SignaturePackaging;
import vn.govsdk.signing.SignedDocument;
import vn.govsdk.signing.TestPlatform;
import vn.govsdk.signing.Tools;
import vn.govsdk.signing.Verifiers;
import vn.govsdk.signing.cades.CadesSigner;
import vn.govsdk.signing.verify.RevocationStatus;
import vn.govsdk.signing.verify.ReasonCode;
import vn.govsdk.signing.verify.SignatureReport;
import vn.govsdk.signing.verify.SignatureStatus;
import vn.govsdk.signing.verify.VerificationReport;
import vn.govsdk.signing.xades.Canonicalization;
import vn.govsdk.signing.xades.XadesSigner;
import vn.govsdk.testkit.pki.TestCredential;
import vn.govsdk.testkit.pki.TestPki;

/** Our signatures against xmlsec1 and openssl, and theirs against our verifier. */
class InteropTest {

    private static final String XADES_SP = "--id-attr:Id";
    private static final String SIGNED_PROPERTIES = "http://uri.etsi.org/01903/v1.3.2#:SignedProperties";
    private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<HoSo Id=\"hs\"><NguoiNop>Nguyễn Văn An</NguoiNop>"
            + "<DiaChi>Phường Sài Gòn, Thành phố Hồ Chí Minh</DiaChi></HoSo>\n";
    private static final byte[] DATA = "Giấy phép kinh doanh số 0100109106\n".getBytes(StandardCharsets.UTF_8);

    private final TestPki pki = TestPlatform.shared().pki();

    private Path files(String name) throws Exception {
        Path dir = Tools.workDir(name);
        Files.writeString(dir.resolve("root.pem"), pki.trustAnchorPem());
        Files.writeString(dir.resolve("intermediate.pem"), pki.intermediateCa().certificatePem());
        return dir;
    }

    @Test
    void xmlsec1VerifiesOurEnvelopedXades() throws Exception {
        Path dir = files("xmlsec1-enveloped");
        for (TestCredential c : new TestCredential[] {pki.rsa2048Signer(), pki.ecP256Signer()}) {
            for (Canonicalization c14n : Canonicalization.values()) {
                SignedDocument signed = XadesSigner.builder().canonicalization(c14n).build()
                        .sign(Document.ofText(XML, "hoso.xml", Document.XML), TestPlatform.key(c));
                Path file = dir.resolve("hoso-" + c.role().alias() + "-" + c14n + ".xml");
                Files.write(file, signed.bytes());
                String out = Tools.ok(dir, "xmlsec1", "--verify", "--trusted-pem", "root.pem", XADES_SP, SIGNED_PROPERTIES,
                        file.getFileName().toString());
                assertThat(out).contains("OK").contains("SignedInfo References (ok/all): 2/2");
            }
        }
    }

    @Test
    void xmlsec1VerifiesOurEnvelopingAndDetachedXades() throws Exception {
        Path dir = files("xmlsec1-enveloping");
        SignedDocument enveloping = XadesSigner.builder().packaging(SignaturePackaging.ENVELOPING).build()
                .sign(Document.ofText(XML, "hoso.xml", Document.XML), TestPlatform.key(pki.rsa2048Signer()));
        Files.write(dir.resolve("enveloping.xml"), enveloping.bytes());
        assertThat(Tools.ok(dir, "xmlsec1", "--verify", "--trusted-pem", "root.pem", XADES_SP, SIGNED_PROPERTIES,
                "--id-attr:Id", "http://www.w3.org/2000/09/xmldsig#:Object", "enveloping.xml")).contains("OK");

        Files.write(dir.resolve("data.bin"), DATA);
        SignedDocument detached = XadesSigner.builder().packaging(SignaturePackaging.DETACHED).build()
                .sign(Document.of(dir.resolve("data.bin")), TestPlatform.key(pki.rsa2048Signer()));
        Files.write(dir.resolve("data.bin.xades.xml"), detached.bytes());
        assertThat(Tools.ok(dir, "xmlsec1", "--verify", "--trusted-pem", "root.pem", XADES_SP, SIGNED_PROPERTIES,
                "--enabled-reference-uris", "empty,same-doc,local,remote", "data.bin.xades.xml")).contains("OK");

        // And xmlsec1 notices a changed detached file.
        Files.write(dir.resolve("data.bin"), "changed".getBytes(StandardCharsets.UTF_8));
        assertThat(Tools.run(dir, "xmlsec1", "--verify", "--trusted-pem", "root.pem", XADES_SP, SIGNED_PROPERTIES,
                "--enabled-reference-uris", "empty,same-doc,local,remote", "data.bin.xades.xml").exitCode()).isNotZero();
    }

    @Test
    void xmlsec1RejectsOurSignatureWhenTheDocumentChanges() throws Exception {
        Path dir = files("xmlsec1-tampered");
        SignedDocument signed = XadesSigner.builder().build()
                .sign(Document.ofText(XML, "hoso.xml", Document.XML), TestPlatform.key(pki.rsa2048Signer()));
        String text = new String(signed.bytes(), StandardCharsets.UTF_8).replace("Nguyễn Văn An", "Nguyễn Văn Ân");
        Files.writeString(dir.resolve("tampered.xml"), text);
        Tools.Result r = Tools.run(dir, "xmlsec1", "--verify", "--trusted-pem", "root.pem", XADES_SP, SIGNED_PROPERTIES,
                "tampered.xml");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.output()).contains("FAIL");
    }

    @Test
    void opensslVerifiesOurCadesAndPkcs7() throws Exception {
        Path dir = files("openssl-cms");
        Files.write(dir.resolve("data.txt"), DATA);
        for (SignatureFormat format : new SignatureFormat[] {SignatureFormat.CADES, SignatureFormat.PKCS7}) {
            for (TestCredential c : new TestCredential[] {pki.rsa2048Signer(), pki.ecP256Signer()}) {
                SignedDocument detached = CadesSigner.builder().format(format).build()
                        .sign(Document.of(dir.resolve("data.txt")), TestPlatform.key(c));
                Files.write(dir.resolve("data.p7s"), detached.bytes());
                Tools.ok(dir, "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "data.p7s",
                        "-content", "data.txt", "-CAfile", "root.pem", "-out", "verified-detached.txt");
                assertThat(Files.readAllBytes(dir.resolve("verified-detached.txt"))).isEqualTo(DATA);

                SignedDocument attached = CadesSigner.builder().format(format).packaging(SignaturePackaging.ENVELOPING)
                        .build().sign(Document.of(dir.resolve("data.txt")), TestPlatform.key(c));
                Files.write(dir.resolve("data.p7m"), attached.bytes());
                Tools.ok(dir, "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "data.p7m",
                        "-CAfile", "root.pem", "-out", "verified-attached.txt");
                assertThat(Files.readAllBytes(dir.resolve("verified-attached.txt"))).isEqualTo(DATA);
            }
        }
        // openssl refuses a detached signature over other content.
        Files.write(dir.resolve("other.txt"), "khác".getBytes(StandardCharsets.UTF_8));
        assertThat(Tools.run(dir, "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "data.p7s",
                "-content", "other.txt", "-CAfile", "root.pem", "-out", "x.txt").exitCode()).isNotZero();
    }

    @Test
    void plainXmlSignatureWithoutSigningTimeByAnExpiredCertificateIsIndeterminateNotInvalid() throws Exception {
        Path dir = files("xmlsec1-expired-no-time");
        TestCredential c = pki.expiredSigner();
        Files.writeString(dir.resolve("key.pem"), c.privateKeyPem());
        Files.writeString(dir.resolve("cert.pem"), c.certificatePem());
        String template = "<HoSo><NguoiNop>Nguyễn Văn An</NguoiNop>"
                + "<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><SignedInfo>"
                + "<CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>"
                + "<SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"/>"
                + "<Reference URI=\"\"><Transforms><Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/>"
                + "</Transforms><DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/><DigestValue/></Reference>"
                + "</SignedInfo><SignatureValue/><KeyInfo><X509Data/></KeyInfo></Signature></HoSo>";
        Files.writeString(dir.resolve("template.xml"), template);
        Tools.ok(dir, "xmlsec1", "--sign", "--privkey-pem", "key.pem,cert.pem,intermediate.pem", "--output", "signed.xml",
                "template.xml");
        SignatureReport r = Verifiers.offline().verify(Document.of(dir.resolve("signed.xml"))).signatures().get(0);
        assertThat(r.integrity()).isEqualTo(vn.govsdk.signing.verify.Integrity.INTACT);
        assertThat(r.signingTime()).isEmpty();
        assertThat(r.status()).as(r.toString()).isEqualTo(SignatureStatus.INDETERMINATE);
        assertThat(r.reasons()).extracting(x -> x.code()).contains(ReasonCode.CERTIFICATE_EXPIRED_SINCE_SIGNING)
                .doesNotContain(ReasonCode.CERTIFICATE_EXPIRED);
        assertThat(r.reasons().toString()).contains("claims no signing time");
    }

    @Test
    void xmlsec1SignaturesVerifyWithOurVerifier() throws Exception {
        Path dir = files("xmlsec1-sign");
        TestCredential c = pki.rsa2048Signer();
        Files.writeString(dir.resolve("key.pem"), c.privateKeyPem());
        Files.writeString(dir.resolve("cert.pem"), c.certificatePem());
        String template = "<HoSo><NguoiNop>Nguyễn Văn An</NguoiNop>"
                + "<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><SignedInfo>"
                + "<CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>"
                + "<SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"/>"
                + "<Reference URI=\"\"><Transforms><Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/>"
                + "</Transforms><DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/><DigestValue/></Reference>"
                + "</SignedInfo><SignatureValue/><KeyInfo><X509Data/></KeyInfo></Signature></HoSo>";
        Files.writeString(dir.resolve("template.xml"), template);
        Tools.ok(dir, "xmlsec1", "--sign", "--privkey-pem", "key.pem,cert.pem,intermediate.pem", "--output", "signed.xml",
                "template.xml");
        VerificationReport report = Verifiers.online().verify(Document.of(dir.resolve("signed.xml")));
        assertThat(report.status()).as(report.toString()).isEqualTo(SignatureStatus.VALID);
        SignatureReport r = report.signatures().get(0);
        assertThat(r.format()).isEqualTo(SignatureFormat.XMLDSIG);
        assertThat(r.revocation()).isEqualTo(RevocationStatus.GOOD);
        assertThat(r.signer().orElseThrow().subject()).contains("Nguyễn Văn An");

        // And a changed one is INVALID.
        String signedText = Files.readString(dir.resolve("signed.xml"));
        String tampered = signedText.replace("An</NguoiNop>", "Am</NguoiNop>");
        assertThat(tampered).isNotEqualTo(signedText);
        assertThat(Verifiers.offline().verify(Document.ofText(tampered, "t.xml", Document.XML)).status())
                .isEqualTo(SignatureStatus.INVALID);
    }

    @Test
    void opensslCmsSignaturesVerifyWithOurVerifier() throws Exception {
        Path dir = files("openssl-sign");
        TestCredential c = pki.rsa2048Signer();
        Files.writeString(dir.resolve("key.pem"), c.privateKeyPem());
        Files.writeString(dir.resolve("cert.pem"), c.certificatePem());
        Files.write(dir.resolve("data.txt"), DATA);
        Tools.ok(dir, "openssl", "cms", "-sign", "-binary", "-in", "data.txt", "-signer", "cert.pem", "-inkey", "key.pem",
                "-certfile", "intermediate.pem", "-md", "sha256", "-outform", "DER", "-out", "detached.p7s");
        Tools.ok(dir, "openssl", "cms", "-sign", "-binary", "-nodetach", "-cades", "-in", "data.txt", "-signer", "cert.pem",
                "-inkey", "key.pem", "-certfile", "intermediate.pem", "-md", "sha256", "-outform", "DER", "-out", "attached.p7m");

        VerificationReport detached = Verifiers.online().verify(Document.of(dir.resolve("detached.p7s")),
                Document.of(dir.resolve("data.txt")));
        assertThat(detached.status()).as(detached.toString()).isEqualTo(SignatureStatus.VALID);
        assertThat(detached.signatures().get(0).format()).isEqualTo(SignatureFormat.PKCS7);

        VerificationReport attached = Verifiers.online().verify(Document.of(dir.resolve("attached.p7m")));
        assertThat(attached.status()).as(attached.toString()).isEqualTo(SignatureStatus.VALID);
        assertThat(attached.signatures().get(0).format()).isEqualTo(SignatureFormat.CADES);
        assertThat(attached.signatures().get(0).signedContent().get(0).content().bytes()).isEqualTo(DATA);

        VerificationReport wrong = Verifiers.offline().verify(Document.of(dir.resolve("detached.p7s")),
                Document.of("khác".getBytes(StandardCharsets.UTF_8)));
        assertThat(wrong.status()).isEqualTo(SignatureStatus.INVALID);
    }
}

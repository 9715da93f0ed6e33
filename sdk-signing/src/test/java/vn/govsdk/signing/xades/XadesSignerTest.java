package vn.govsdk.signing.xades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.PreparedSignature;
import vn.govsdk.signing.SignatureAlgorithm;
import vn.govsdk.signing.SignatureFormat;
import vn.govsdk.signing.SignatureLevel;
import vn.govsdk.signing.SignaturePackaging;
import vn.govsdk.signing.SignedDocument;
import vn.govsdk.signing.SigningKey;
import vn.govsdk.signing.TestPlatform;
import vn.govsdk.signing.Verifiers;
import vn.govsdk.signing.verify.RevocationStatus;
import vn.govsdk.signing.verify.SignatureReport;
import vn.govsdk.signing.verify.SignatureStatus;
import vn.govsdk.signing.verify.VerificationReport;
import vn.govsdk.testkit.TestClock;
import vn.govsdk.testkit.pki.TestCredential;
import vn.govsdk.testkit.pki.TestPki;

class XadesSignerTest {

    static final String HOSO = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n"
            + "<!-- hồ sơ mẫu -->\r\n"
            + "<HoSo xmlns=\"urn:govsdk:test\" xmlns:x=\"urn:other\" Id=\"hs-1\">\r\n"
            + "  <MaHoSo>000.00.00.H29-250101-0001</MaHoSo>\r\n"
            + "  <NguoiNop x:vaiTro=\"chủ hộ\">Nguyễn Văn An</NguoiNop>\r\n"
            + "  <DiaChi>Phường Sài Gòn, Thành phố Hồ Chí Minh</DiaChi>\r\n"
            + "  <GhiChu>Số &amp; ký hiệu: &#7899;</GhiChu>\r\n"
            + "</HoSo>\r\n";

    private final TestCredential rsa = TestPlatform.shared().pki().rsa2048Signer();

    private static Document hoso() {
        return Document.ofText(HOSO, "hoso.xml", Document.XML);
    }

    @Test
    void envelopedKeepsTheDocumentBytesAndVerifiesAsXadesBaselineB() {
        SignedDocument signed = XadesSigner.builder().build().sign(hoso(), TestPlatform.key(rsa));
        byte[] out = signed.bytes();
        String text = new String(out, StandardCharsets.UTF_8);
        int sigStart = text.indexOf("<ds:Signature");
        // Everything before the signature and the closing tag after it are the original bytes.
        assertThat(text.substring(0, sigStart)).isEqualTo(HOSO.substring(0, HOSO.indexOf("</HoSo>")));
        assertThat(text.substring(text.indexOf("</ds:Signature>") + "</ds:Signature>".length())).isEqualTo("</HoSo>\r\n");
        assertThat(text).contains("&#7899;").contains("Nguyễn Văn An");
        assertThat(signed.fileName()).isEqualTo("hoso-signed.xml");
        assertThat(signed.format()).isEqualTo(SignatureFormat.XADES);

        VerificationReport report = Verifiers.online().verify(Document.of(out, "hoso-signed.xml", Document.XML));
        assertThat(report.status()).as(report.toString()).isEqualTo(SignatureStatus.VALID);
        SignatureReport sig = report.signatures().get(0);
        assertThat(sig.format()).isEqualTo(SignatureFormat.XADES);
        assertThat(sig.level()).isEqualTo(SignatureLevel.B_B);
        assertThat(sig.signer().orElseThrow().subject()).contains("Nguyễn Văn An");
        assertThat(sig.signer().orElseThrow().issuer()).contains("govsdk Test Signing CA");
        assertThat(sig.signingTime()).contains(signed.signingTime());
        assertThat(sig.revocation()).isEqualTo(RevocationStatus.GOOD);
        assertThat(sig.trustAnchor().orElseThrow().subject()).contains("govsdk Test Root CA");
        assertThat(sig.chain()).hasSize(3);
        assertThat(sig.signedContent()).hasSize(1);
        assertThat(sig.signedContent().get(0).reference()).isEmpty();
        assertThat(sig.signedContent().get(0).node().orElseThrow().getNodeType()).isEqualTo(Node.DOCUMENT_NODE);
    }

    @Test
    void signedXmlHoldsTheBaselineProperties() {
        // One clock for the signer and the PKI that issued its certificate: the literal instant is
        // inside the certificate's validity on any date the suite runs.
        TestClock clock = TestClock.at(Instant.parse("2026-11-22T03:04:05.678Z"));
        TestCredential c = TestPki.builder().platformBaseUrl(URI.create("http://127.0.0.1:9"))
                .clock(clock).build().rsa2048Signer();
        SignedDocument signed = XadesSigner.builder()
                .clock(clock.withZone(ZoneOffset.ofHours(7))).build()
                .sign(hoso(), TestPlatform.key(c));
        String text = new String(signed.bytes(), StandardCharsets.UTF_8);
        assertThat(text).contains("<xades:SigningTime>2026-11-22T03:04:05Z</xades:SigningTime>")
                .contains("<xades:SigningCertificateV2>").contains("<xades:IssuerSerialV2>")
                .contains("Type=\"http://uri.etsi.org/01903#SignedProperties\"")
                .contains("<xades:MimeType>application/xml</xades:MimeType>")
                .contains("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256")
                .contains("http://www.w3.org/2001/10/xml-exc-c14n#");
        assertThat(signed.signingTime()).isEqualTo(Instant.parse("2026-11-22T03:04:05Z"));
    }

    @Test
    void unicodeNormalisationIsNotTouched() {
        String nfd = Normalizer.normalize("Nguyễn Thị Hoà", Normalizer.Form.NFD);
        String nfc = Normalizer.normalize("Nguyễn Thị Hoà", Normalizer.Form.NFC);
        assertThat(nfd).isNotEqualTo(nfc);
        String xml = "<Ten><A>" + nfd + "</A><B>" + nfc + "</B></Ten>";
        SignedDocument signed = XadesSigner.builder().build().sign(Document.ofText(xml, "ten.xml", Document.XML),
                TestPlatform.key(rsa));
        String text = new String(signed.bytes(), StandardCharsets.UTF_8);
        assertThat(text).contains("<A>" + nfd + "</A>").contains("<B>" + nfc + "</B>");
        assertThat(Verifiers.offline().verify(Document.of(signed.bytes())).status()).isEqualTo(SignatureStatus.VALID);
    }

    @Test
    void signsOneElementById() {
        String xml = "<HDon><DLHDon Id=\"data\"><Ten>Công ty A</Ten></DLHDon><DSCKS/></HDon>";
        SignedDocument signed = XadesSigner.builder().signedElementId("data").canonicalization(Canonicalization.INCLUSIVE)
                .build().sign(Document.ofText(xml, "hd.xml", Document.XML), TestPlatform.key(rsa));
        String text = new String(signed.bytes(), StandardCharsets.UTF_8);
        assertThat(text).contains("URI=\"#data\"").contains("http://www.w3.org/TR/2001/REC-xml-c14n-20010315");
        SignatureReport sig = Verifiers.offline().verify(Document.of(signed.bytes())).signatures().get(0);
        assertThat(sig.status()).as(sig.toString()).isEqualTo(SignatureStatus.VALID);
        Node node = sig.signedContent().get(0).node().orElseThrow();
        assertThat(((Element) node).getAttribute("Id")).isEqualTo("data");
        assertThat(sig.covers(node.getFirstChild())).isTrue();
        assertThat(sig.covers(node.getNextSibling())).isFalse();
        assertThat(new String(sig.signedContent().get(0).content().bytes(), StandardCharsets.UTF_8))
                .isEqualTo("<DLHDon Id=\"data\"><Ten>Công ty A</Ten></DLHDon>");
    }

    @Test
    void signedElementIdMustBeUnique() {
        String xml = "<a><b Id=\"x\"/><c Id=\"x\"/></a>";
        assertThatThrownBy(() -> XadesSigner.builder().signedElementId("x").build()
                .sign(Document.ofText(xml, "a.xml", Document.XML), TestPlatform.key(rsa)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("signedElementId").hasMessageContaining("unique");
    }

    @Test
    void envelopingXmlAndBinary() {
        XadesSigner enveloping = XadesSigner.builder().packaging(SignaturePackaging.ENVELOPING).build();
        SignedDocument xml = enveloping.sign(hoso(), TestPlatform.key(rsa));
        SignatureReport r1 = Verifiers.offline().verify(Document.of(xml.bytes())).signatures().get(0);
        assertThat(r1.status()).as(r1.toString()).isEqualTo(SignatureStatus.VALID);
        assertThat(r1.signedContent().get(0).node().orElseThrow().getLocalName()).isEqualTo("HoSo");

        byte[] pdfLike = "%PDF-1.7 Tờ khai\n".getBytes(StandardCharsets.UTF_8);
        SignedDocument bin = enveloping.sign(Document.of(pdfLike, "tokhai.pdf", Document.PDF), TestPlatform.key(rsa));
        assertThat(bin.fileName()).isEqualTo("tokhai.pdf.xades.xml");
        SignatureReport r2 = Verifiers.offline().verify(Document.of(bin.bytes())).signatures().get(0);
        assertThat(r2.status()).as(r2.toString()).isEqualTo(SignatureStatus.VALID);
        assertThat(r2.signedContent().get(0).content().bytes()).isEqualTo(pdfLike);
    }

    @Test
    void detachedStreamsTheDocumentAndNeedsItToVerify(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("Tờ khai 01.pdf");
        Files.write(file, "%PDF-1.7 nội dung".getBytes(StandardCharsets.UTF_8));
        SignedDocument signed = XadesSigner.builder().packaging(SignaturePackaging.DETACHED).build()
                .sign(Document.of(file), TestPlatform.key(rsa));
        String text = new String(signed.bytes(), StandardCharsets.UTF_8);
        assertThat(text).contains("URI=\"T%E1%BB%9D%20khai%2001.pdf\"");
        Document sig = Document.of(signed.bytes(), signed.fileName(), Document.XML);
        VerificationReport ok = Verifiers.offline().verify(sig, Document.of(file));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(SignatureStatus.VALID);
        assertThat(ok.signatures().get(0).signedContent().get(0).content().name()).isEqualTo("Tờ khai 01.pdf");

        VerificationReport missing = Verifiers.offline().verify(sig);
        assertThat(missing.status()).isEqualTo(SignatureStatus.INVALID);
        assertThat(missing.signatures().get(0).reasons().get(0).message()).contains("detached content");

        VerificationReport other = Verifiers.offline().verify(sig, Document.of("khác".getBytes(StandardCharsets.UTF_8)));
        assertThat(other.status()).isEqualTo(SignatureStatus.INVALID);
        assertThat(other.signatures().get(0).reasons().get(0).message()).contains("changed after signing");
    }

    @Test
    void ecdsaRsa3072AndPss() {
        var pki = TestPlatform.shared().pki();
        for (var c : new TestCredential[] {pki.ecP256Signer(), pki.rsa3072Signer()}) {
            SignedDocument s = XadesSigner.builder().build().sign(hoso(), TestPlatform.key(c));
            SignatureReport r = Verifiers.offline().verify(Document.of(s.bytes())).signatures().get(0);
            assertThat(r.status()).as(r.toString()).isEqualTo(SignatureStatus.VALID);
        }
        SignedDocument ec = XadesSigner.builder().build().sign(hoso(), TestPlatform.key(pki.ecP256Signer()));
        assertThat(ec.algorithm()).isEqualTo(SignatureAlgorithm.ECDSA_SHA256);
        SignedDocument pss = XadesSigner.builder().algorithm(SignatureAlgorithm.RSA_PSS_SHA256).build()
                .sign(hoso(), TestPlatform.key(rsa));
        assertThat(new String(pss.bytes(), StandardCharsets.UTF_8)).contains("sha256-rsa-MGF1");
        SignatureReport r = Verifiers.offline().verify(Document.of(pss.bytes())).signatures().get(0);
        assertThat(r.status()).as(r.toString()).isEqualTo(SignatureStatus.VALID);
        assertThat(r.algorithm()).isEqualTo("RSA_PSS_SHA256");
    }

    @Test
    void threeStepsWithAKeyElsewhere() {
        PreparedSignature prepared = XadesSigner.builder().build().prepare(hoso(), rsa.chain());
        assertThat(prepared.format()).isEqualTo(SignatureFormat.XADES);
        assertThat(prepared.packaging()).isEqualTo(SignaturePackaging.ENVELOPED);
        assertThat(prepared.level()).isEqualTo(SignatureLevel.B_B);
        assertThat(prepared.algorithm()).isEqualTo(SignatureAlgorithm.RSA_SHA256);
        assertThat(prepared.certificateChain()).isEqualTo(rsa.chain());
        assertThat(new String(prepared.dataToSign(), StandardCharsets.UTF_8)).startsWith("<ds:SignedInfo");
        assertThat(prepared.digest()).isEqualTo(prepared.algorithm().digestAlgorithm().digest(prepared.dataToSign()));

        SigningKey remote = TestPlatform.key(rsa);
        byte[] value = remote.sign(prepared.dataToSign(), prepared.algorithm());
        SignedDocument done = prepared.complete(value);
        assertThat(Verifiers.offline().verify(Document.of(done.bytes())).isValid()).isTrue();

        byte[] wrong = TestPlatform.key(TestPlatform.shared().pki().rsa3072Signer())
                .sign(prepared.dataToSign(), prepared.algorithm());
        assertThatThrownBy(() -> prepared.complete(wrong)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("signatureValue").hasMessageContaining("does not verify");
    }

    @Test
    void refusesCertificatesThatMayNotSign() {
        var pki = TestPlatform.shared().pki();
        XadesSigner signer = XadesSigner.builder().build();
        assertThatThrownBy(() -> signer.prepare(hoso(), pki.expiredSigner().chain()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("expired");
        assertThatThrownBy(() -> signer.prepare(hoso(), pki.notYetValidSigner().chain()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not valid until");
        assertThatThrownBy(() -> signer.prepare(hoso(), pki.wrongKeyUsageSigner().chain()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("keyEncipherment");
        assertThatThrownBy(() -> signer.prepare(Document.ofText("not xml", "x.xml", Document.XML), rsa.chain()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("well-formed");
        assertThatThrownBy(() -> XadesSigner.builder().level(SignatureLevel.B_LTA))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("B-LTA");
    }
}

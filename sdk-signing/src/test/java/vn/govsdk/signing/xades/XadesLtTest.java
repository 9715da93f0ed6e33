package vn.govsdk.signing.xades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.signing.verify.RevocationChecking;
import vn.govsdk.signing.verify.SignatureVerifier;
import vn.govsdk.signing.verify.TrustAnchors;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.xml.security.c14n.Canonicalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.signing.DigestAlgorithm;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.PreparedSignature;
import vn.govsdk.signing.SignatureLevel;
import vn.govsdk.signing.SignaturePackaging;
import vn.govsdk.signing.SignedDocument;
import vn.govsdk.signing.SigningException;
import vn.govsdk.signing.SigningKey;
import vn.govsdk.signing.TestPlatform;
import vn.govsdk.signing.TestTimestampClient;
import vn.govsdk.signing.ValidationDataSource;
import vn.govsdk.signing.Verifiers;
import vn.govsdk.signing.internal.xml.XmlSec;
import vn.govsdk.signing.timestamp.TimestampClient;
import vn.govsdk.signing.timestamp.TimestampToken;
import vn.govsdk.signing.verify.Integrity;
import vn.govsdk.signing.verify.ReasonCode;
import vn.govsdk.signing.verify.RevocationStatus;
import vn.govsdk.signing.verify.SignatureReport;
import vn.govsdk.signing.verify.SignatureStatus;
import vn.govsdk.signing.verify.TimestampReport;
import vn.govsdk.testkit.pki.TestCredential;

/** XAdES B-T and B-LT: writing, verifying, and the attacks on the unsigned properties. */
class XadesLtTest {

    static final String HOSO = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<HoSo xmlns=\"urn:govsdk:test\" xmlns:x=\"urn:other\" Id=\"hs-1\">"
            + "<NguoiNop x:vaiTro=\"chủ hộ\">Nguyễn Văn An</NguoiNop><DiaChi>Phường Sài Gòn</DiaChi></HoSo>\n";

    private final TestCredential rsa = TestPlatform.shared().pki().rsa2048Signer();

    static Document hoso() {
        return Document.ofText(HOSO, "hoso.xml", Document.XML);
    }

    static XadesSigner.Builder t() {
        return XadesSigner.builder().level(SignatureLevel.B_T).timestampClient(TestTimestampClient.shared());
    }

    static XadesSigner.Builder lt() {
        return XadesSigner.builder().level(SignatureLevel.B_LT).timestampClient(TestTimestampClient.shared())
                .validationDataSource(ValidationDataSource.online());
    }

    static SignatureReport verifyOnline(byte[] xml) {
        return verifyOnline(xml, null);
    }

    static SignatureReport verifyOnline(byte[] xml, Document detached) {
        Document d = Document.of(xml, "signed.xml", Document.XML);
        var report = detached == null ? Verifiers.online().verify(d) : Verifiers.online().verify(d, detached);
        assertThat(report.signatures()).as(report.toString()).hasSize(1);
        return report.signatures().get(0);
    }

    /** The token in the signature's EncapsulatedTimeStamp. */
    static byte[] token(byte[] signed) {
        Matcher m = Pattern.compile("<xades:EncapsulatedTimeStamp>([^<]+)</xades:EncapsulatedTimeStamp>")
                .matcher(new String(signed, StandardCharsets.UTF_8));
        assertThat(m.find()).isTrue();
        return Base64.getDecoder().decode(m.group(1));
    }

    /** The canonical ds:SignatureValue, computed from a fresh parse of the signed document. */
    static byte[] canonicalSignatureValue(byte[] signed, String c14n) throws Exception {
        org.w3c.dom.Document dom = XmlSec.parse(signed);
        Element sv = (Element) dom.getElementsByTagNameNS(XmlSec.DS, "SignatureValue").item(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Canonicalizer.getInstance(c14n).canonicalizeSubtree(sv, out);
        return out.toByteArray();
    }

    @Test
    void bTimestampCoversTheCanonicalSignatureValueAndProvesTime() throws Exception {
        TestTimestampClient tsa = TestTimestampClient.shared();
        Instant before = Instant.now().minusSeconds(2);
        SignedDocument signed = XadesSigner.builder().level(SignatureLevel.B_T).timestampClient(tsa).build()
                .sign(hoso(), TestPlatform.key(rsa));
        assertThat(tsa.calls()).isEqualTo(1);
        assertThat(signed.level()).isEqualTo(SignatureLevel.B_T);
        String text = new String(signed.bytes(), StandardCharsets.UTF_8);
        assertThat(text).contains("<xades:UnsignedProperties><xades:UnsignedSignatureProperties><xades:SignatureTimeStamp")
                .contains("<ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\">")
                .doesNotContain("CertificateValues").doesNotContain("GOVSDK_");
        // The token's imprint is the SHA-256 of the exclusive-canonical SignatureValue element.
        TimestampToken token = TimestampToken.parse(token(signed.bytes()));
        assertThat(token.messageImprint()).isEqualTo(DigestAlgorithm.SHA256.digest(
                canonicalSignatureValue(signed.bytes(), Canonicalization.EXCLUSIVE.uri())));

        SignatureReport r = verifyOnline(signed.bytes());
        assertThat(r.status()).as(r.toString()).isEqualTo(SignatureStatus.VALID);
        assertThat(r.level()).isEqualTo(SignatureLevel.B_T);
        TimestampReport ts = r.timestamp().orElseThrow();
        assertThat(ts.provesTime()).as(ts.toString()).isTrue();
        assertThat(ts.time()).isEqualTo(token.time()).isAfter(before);
        assertThat(ts.authority().subject()).contains("Time Stamping Authority");
        assertThat(ts.policy()).isEqualTo("2.999.704.2.1");
    }

    @Test
    void inclusiveCanonicalizationIsNamedAndUsedForTheTimestamp() throws Exception {
        SignedDocument signed = t().canonicalization(Canonicalization.INCLUSIVE).build().sign(hoso(), TestPlatform.key(rsa));
        String text = new String(signed.bytes(), StandardCharsets.UTF_8);
        assertThat(text).contains("<ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/TR/2001/REC-xml-c14n-20010315\">"
                + "</ds:CanonicalizationMethod><xades:EncapsulatedTimeStamp>");
        byte[] c14n = canonicalSignatureValue(signed.bytes(), Canonicalization.INCLUSIVE.uri());
        // Inclusive C14N carries the namespaces the document root declares.
        assertThat(new String(c14n, StandardCharsets.UTF_8)).contains("xmlns=\"urn:govsdk:test\"").contains("xmlns:x=\"urn:other\"");
        assertThat(TimestampToken.parse(token(signed.bytes())).messageImprint()).isEqualTo(DigestAlgorithm.SHA256.digest(c14n));
        SignatureReport r = verifyOnline(signed.bytes());
        assertThat(r.status()).as(r.toString()).isEqualTo(SignatureStatus.VALID);
        assertThat(r.timestamp().orElseThrow().provesTime()).isTrue();
    }

    @Test
    void ltEmbedsCertificatesAndRevocationDataForEveryPackaging(@TempDir Path dir) throws Exception {
        SignedDocument enveloped = lt().build().sign(hoso(), TestPlatform.key(rsa));
        String text = new String(enveloped.bytes(), StandardCharsets.UTF_8);
        assertThat(text).contains("<xades:CertificateValues").contains("<xades:EncapsulatedX509Certificate>")
                .contains("<xades:RevocationValues").contains("<xades:OCSPValues><xades:EncapsulatedOCSPValue>");
        // Three OCSP responses: the signer's, the intermediate's (from the root) and the TSA's.
        assertThat(text.split("<xades:EncapsulatedOCSPValue>", -1)).hasSize(4);
        // The TSA's certificate is among the certificate values; the signer's own (in KeyInfo) is not repeated.
        var pki = TestPlatform.shared().pki();
        String tsaCert = Base64.getEncoder().encodeToString(pki.tsa().certificate().getEncoded());
        String rootCert = Base64.getEncoder().encodeToString(pki.rootCertificate().getEncoded());
        String signerCert = Base64.getEncoder().encodeToString(rsa.certificate().getEncoded());
        assertThat(text).contains("<xades:EncapsulatedX509Certificate>" + tsaCert + "<")
                .contains("<xades:EncapsulatedX509Certificate>" + rootCert + "<")
                .doesNotContain("<xades:EncapsulatedX509Certificate>" + signerCert + "<");
        assertThat(text.indexOf(signerCert)).isEqualTo(text.lastIndexOf(signerCert));
        SignatureReport r = verifyOnline(enveloped.bytes());
        assertThat(r.status()).as(r.toString()).isEqualTo(SignatureStatus.VALID);
        assertThat(r.level()).isEqualTo(SignatureLevel.B_LT);
        assertThat(r.timestamp().orElseThrow().provesTime()).isTrue();
        assertThat(r.revocation()).isEqualTo(RevocationStatus.GOOD);

        SignedDocument enveloping = lt().packaging(SignaturePackaging.ENVELOPING).build().sign(hoso(), TestPlatform.key(rsa));
        SignatureReport r2 = verifyOnline(enveloping.bytes());
        assertThat(r2.status()).as(r2.toString()).isEqualTo(SignatureStatus.VALID);
        assertThat(r2.level()).isEqualTo(SignatureLevel.B_LT);

        Path file = dir.resolve("Tờ khai.pdf");
        Files.write(file, "%PDF-1.7 nội dung".getBytes(StandardCharsets.UTF_8));
        SignedDocument detached = lt().packaging(SignaturePackaging.DETACHED).build()
                .sign(Document.of(file), TestPlatform.key(pki.ecP256Signer()));
        SignatureReport r3 = verifyOnline(detached.bytes(), Document.of(file));
        assertThat(r3.status()).as(r3.toString()).isEqualTo(SignatureStatus.VALID);
        assertThat(r3.level()).isEqualTo(SignatureLevel.B_LT);
        assertThat(r3.timestamp().orElseThrow().provesTime()).isTrue();
    }

    @Test
    void crlsAreEmbeddedWhenTheOcspResponderIsDown() {
        var service = TestPlatform.shared().service();
        service.setOcspResponderAvailable(false);
        try {
            SignedDocument signed = lt().build().sign(hoso(), TestPlatform.key(rsa));
            String text = new String(signed.bytes(), StandardCharsets.UTF_8);
            assertThat(text.contains("<xades:RevocationValues")).isTrue();
            assertThat(text.contains("<xades:CRLValues><xades:EncapsulatedCRLValue>")).isTrue();
            assertThat(text.contains("<xades:OCSPValues>")).isFalse();
            SignatureReport r = verifyOnline(signed.bytes());
            assertThat(r.status()).as(r.toString()).isEqualTo(SignatureStatus.VALID);
            assertThat(r.level()).isEqualTo(SignatureLevel.B_LT);
        } finally {
            service.setOcspResponderAvailable(true);
        }
    }

    @Test
    void ltVerifiesValidWithEveryNetworkCallFailingWhileBbIsIndeterminate() throws Exception {
        SignedDocument lt = lt().build().sign(hoso(), TestPlatform.key(rsa));
        SignedDocument bt = t().build().sign(hoso(), TestPlatform.key(rsa));
        SignedDocument bb = XadesSigner.builder().build().sign(hoso(), TestPlatform.key(rsa));
        try (MockWebServer down = new MockWebServer()) {
            down.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return new MockResponse.Builder().code(503).body("network down").build();
                }
            });
            down.start();
            // Every request of the verifier (OCSP, CRL, AIA) goes through a proxy that fails it.
            try (HttpTransport transport = HttpTransport.builder()
                    .proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", down.getPort()))).build()) {
                SignatureVerifier verifier = Verifiers.builder()
                        .trust(TrustAnchors.of(TestPlatform.shared().pki().rootCertificate()))
                        .transport(transport).retryPolicy(RetryPolicy.none()).build();

                SignatureReport b = verifier.verify(Document.of(bb.bytes(), "bb.xml", Document.XML)).signatures().get(0);
                assertThat(b.status()).as(b.toString()).isEqualTo(SignatureStatus.INDETERMINATE);
                assertThat(down.getRequestCount()).isPositive();

                SignatureReport t = verifier.verify(Document.of(bt.bytes(), "bt.xml", Document.XML)).signatures().get(0);
                assertThat(t.status()).as(t.toString()).isEqualTo(SignatureStatus.INDETERMINATE);

                int before = down.getRequestCount();
                SignatureReport r = verifier.verify(Document.of(lt.bytes(), "lt.xml", Document.XML)).signatures().get(0);
                assertThat(r.status()).as(r.toString()).isEqualTo(SignatureStatus.VALID);
                assertThat(r.level()).isEqualTo(SignatureLevel.B_LT);
                assertThat(r.revocation()).isEqualTo(RevocationStatus.GOOD);
                assertThat(r.timestamp().orElseThrow().provesTime()).as(r.toString()).isTrue();
                assertThat(down.getRequestCount()).as("requests made for the LT signature").isEqualTo(before);

                // Offline revocation mode uses the embedded data too, and never the network.
                SignatureVerifier offline = Verifiers.builder()
                        .trust(TrustAnchors.of(TestPlatform.shared().pki().rootCertificate()))
                        .revocationChecking(RevocationChecking.OFFLINE).transport(transport).build();
                SignatureReport o = offline.verify(Document.of(lt.bytes(), "lt.xml", Document.XML)).signatures().get(0);
                assertThat(o.status()).as(o.toString()).isEqualTo(SignatureStatus.VALID);
                assertThat(o.revocation()).isEqualTo(RevocationStatus.GOOD);
                SignatureReport ob = offline.verify(Document.of(bb.bytes(), "bb.xml", Document.XML)).signatures().get(0);
                assertThat(ob.status()).as(ob.toString()).isEqualTo(SignatureStatus.INDETERMINATE);
                assertThat(down.getRequestCount()).isEqualTo(before);
            }
        }
    }

    @Test
    void embeddedDataThatDoesNotCoverTheSignerSettlesNothingOffline() {
        String text = new String(lt().build().sign(hoso(), TestPlatform.key(rsa)).bytes(), StandardCharsets.UTF_8);
        // Drop the first OCSP response (the signer's): what is left covers the intermediate and the TSA only.
        int s = text.indexOf("<xades:EncapsulatedOCSPValue>");
        int e = text.indexOf("</xades:EncapsulatedOCSPValue>", s) + "</xades:EncapsulatedOCSPValue>".length();
        String without = text.substring(0, s) + text.substring(e);
        SignatureVerifier offline = Verifiers.builder()
                .trust(TrustAnchors.of(TestPlatform.shared().pki().rootCertificate()))
                .revocationChecking(RevocationChecking.OFFLINE).build();
        SignatureReport full = offline.verify(Document.ofText(text, "lt.xml", Document.XML)).signatures().get(0);
        assertThat(full.status()).as(full.toString()).isEqualTo(SignatureStatus.VALID);
        SignatureReport r = offline.verify(Document.ofText(without, "lt.xml", Document.XML)).signatures().get(0);
        assertThat(r.status()).as(r.toString()).isEqualTo(SignatureStatus.INDETERMINATE);
        assertThat(r.reasons()).extracting(x -> x.code()).contains(ReasonCode.REVOCATION_UNKNOWN);

        // A damaged embedded certificate is refused as a structure error, not skipped.
        String damaged = text.replaceFirst("<xades:EncapsulatedX509Certificate>MII", "<xades:EncapsulatedX509Certificate>MIA");
        assertThat(damaged).isNotEqualTo(text);
        assertRefused(damaged, "EncapsulatedX509Certificate");
    }

    @Test
    void builderVocabularyAndRefusals() {
        assertThatThrownBy(() -> XadesSigner.builder().level(SignatureLevel.B_T).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("timestampClient");
        assertThatThrownBy(() -> XadesSigner.builder().level(SignatureLevel.B_LT).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("timestampClient");
        assertThatThrownBy(() -> XadesSigner.builder().level(SignatureLevel.B_LTA))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("B-LTA");
        assertThat(t().build().level()).isEqualTo(SignatureLevel.B_T);
        assertThat(XadesSigner.builder().build().level()).isEqualTo(SignatureLevel.B_B);
    }

    @Test
    void timestampIsRequestedOnlyAfterTheValueIsChecked() {
        TestTimestampClient tsa = TestTimestampClient.shared();
        PreparedSignature prepared = XadesSigner.builder().level(SignatureLevel.B_T).timestampClient(tsa).build()
                .prepare(hoso(), rsa.chain());
        assertThat(prepared.level()).isEqualTo(SignatureLevel.B_T);
        byte[] wrong = TestPlatform.key(TestPlatform.shared().pki().rsa3072Signer()).sign(prepared.dataToSign(),
                prepared.algorithm());
        assertThatThrownBy(() -> prepared.complete(wrong)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("signatureValue");
        assertThat(tsa.calls()).isZero();
        SigningKey key = TestPlatform.key(rsa);
        SignedDocument done = prepared.complete(key.sign(prepared.dataToSign(), prepared.algorithm()));
        assertThat(tsa.calls()).isEqualTo(1);
        assertThat(verifyOnline(done.bytes()).status()).isEqualTo(SignatureStatus.VALID);
    }

    @Test
    void aTokenOverAnotherDigestIsNotEmbedded() {
        TestTimestampClient real = TestTimestampClient.shared();
        TimestampClient lying = (alg, digest) -> real.timestamp(alg, alg.digest("something else".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> XadesSigner.builder().level(SignatureLevel.B_T).timestampClient(lying).build()
                .sign(hoso(), TestPlatform.key(rsa)))
                .isInstanceOf(SigningException.class).hasMessageContaining("does not cover");
    }

    @Test
    void aChangedSignatureValueBreaksTheSignatureAndItsTimestamp() {
        SignedDocument signed = t().build().sign(hoso(), TestPlatform.key(rsa));
        String text = new String(signed.bytes(), StandardCharsets.UTF_8);
        // 1. The value itself changed (another valid value of the same SignedInfo would also do): INVALID.
        int at = text.indexOf("-sigvalue\">") + "-sigvalue\">".length();
        char c = text.charAt(at + 10);
        String changed = text.substring(0, at + 10) + (c == 'A' ? 'B' : 'A') + text.substring(at + 11);
        SignatureReport r1 = verifyOnline(changed.getBytes(StandardCharsets.UTF_8));
        assertThat(r1.status()).isEqualTo(SignatureStatus.INVALID);

        // 2. The ds:SignatureValue element changed but its value still verifies (its Id): the timestamp no longer
        //    covers the canonical element, so the signature is INVALID with the timestamp named as the reason.
        String renamed = text.replace("-sigvalue\"", "-sigvalue2\"");
        assertThat(renamed).isNotEqualTo(text);
        SignatureReport r2 = verifyOnline(renamed.getBytes(StandardCharsets.UTF_8));
        assertThat(r2.status()).as(r2.toString()).isEqualTo(SignatureStatus.INVALID);
        assertThat(r2.isIntact()).isTrue();
        TimestampReport ts = r2.timestamp().orElseThrow();
        assertThat(ts.integrity()).isEqualTo(Integrity.BROKEN);
        assertThat(ts.provesTime()).isFalse();
        assertThat(r2.reasons()).extracting(x -> x.code()).contains(ReasonCode.CONTENT_ALTERED);
        assertThat(r2.reasons().toString()).contains("timestamp").contains("message imprint");
    }

    @Test
    void aTimestampOverAnotherSignatureValueIsRefused() {
        SignedDocument a = t().build().sign(hoso(), TestPlatform.key(rsa));
        SignedDocument b = t().build().sign(hoso(), TestPlatform.key(rsa));
        String tokenA = Base64.getEncoder().encodeToString(token(a.bytes()));
        String tokenB = Base64.getEncoder().encodeToString(token(b.bytes()));
        assertThat(tokenA).isNotEqualTo(tokenB);
        String forged = new String(b.bytes(), StandardCharsets.UTF_8).replace(tokenB, tokenA);
        SignatureReport r = verifyOnline(forged.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.toString()).isEqualTo(SignatureStatus.INVALID);
        assertThat(r.timestamp().orElseThrow().integrity()).isEqualTo(Integrity.BROKEN);
        assertThat(r.reasons().toString()).contains("does not cover this signature's value");
        // The untouched one is fine.
        assertThat(verifyOnline(b.bytes()).status()).isEqualTo(SignatureStatus.VALID);
    }

    @Test
    void duplicateOrMisplacedUnsignedPropertiesAreRefused() {
        String text = new String(t().build().sign(hoso(), TestPlatform.key(rsa)).bytes(), StandardCharsets.UTF_8);
        int s = text.indexOf("<xades:SignatureTimeStamp");
        int e = text.indexOf("</xades:SignatureTimeStamp>") + "</xades:SignatureTimeStamp>".length();
        String stamp = text.substring(s, e);

        String twice = text.substring(0, e) + stamp.replace("-ts\"", "-ts2\"") + text.substring(e);
        assertRefused(twice, "2 signature timestamps");

        String twoUnsigned = text.replace("</xades:UnsignedProperties>",
                "</xades:UnsignedProperties><xades:UnsignedProperties></xades:UnsignedProperties>");
        assertRefused(twoUnsigned, "UnsignedProperties");

        // The timestamp moved out of the QualifyingProperties into another ds:Object of the signature.
        String moved = text.substring(0, s) + text.substring(e);
        moved = moved.replace("</ds:Signature>", "<ds:Object xmlns:xades=\"" + XmlSec.XADES + "\">" + stamp
                + "</ds:Object></ds:Signature>");
        assertRefused(moved, "outside this signature's UnsignedProperties");

        // A second QualifyingProperties in the signature.
        String qp = "<ds:Object><xades:QualifyingProperties xmlns:xades=\"" + XmlSec.XADES + "\" Target=\"#"
                + sigId(text) + "\"></xades:QualifyingProperties></ds:Object>";
        assertRefused(text.replace("</ds:Signature>", qp + "</ds:Signature>"), "several XAdES QualifyingProperties");

        // Properties elsewhere by reference.
        assertRefused(text.replace("</ds:Signature>", "<ds:Object><xades:QualifyingPropertiesReference xmlns:xades=\""
                + XmlSec.XADES + "\" URI=\"#x\"/></ds:Object></ds:Signature>"), "QualifyingPropertiesReference");

        // Something other than the token inside the timestamp (an XMLTimeStamp or an Include).
        assertRefused(text.replace("<xades:EncapsulatedTimeStamp>",
                "<xades:Include URI=\"#other\"/><xades:EncapsulatedTimeStamp>"), "only ds:CanonicalizationMethod");

        // A canonicalization that is not C14N.
        String tsC14n = "<ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\">"
                + "</ds:CanonicalizationMethod><xades:EncapsulatedTimeStamp>";
        assertThat(text).contains(tsC14n);
        assertRefused(text.replace(tsC14n, tsC14n.replace("http://www.w3.org/2001/10/xml-exc-c14n#",
                "http://www.w3.org/TR/1999/REC-xslt-19991116")), "SignatureTimeStamp's canonicalization method");
    }

    @Test
    void anEnvelopingLtSignatureOverATimestampedDocumentWritesAndReadsOnlyItsOwnProperties() {
        SignedDocument inner = t().build().sign(hoso(), TestPlatform.key(rsa));
        String innerText = new String(inner.bytes(), StandardCharsets.UTF_8);
        SignedDocument outer = lt().packaging(SignaturePackaging.ENVELOPING).build()
                .sign(Document.of(inner.bytes(), "hoso-signed.xml", Document.XML),
                        TestPlatform.key(TestPlatform.shared().pki().rsa3072Signer()));
        String outerText = new String(outer.bytes(), StandardCharsets.UTF_8);
        // The inner signature's unsigned properties are carried unchanged, and the outer has its own.
        String innerUnsigned = innerText.substring(innerText.indexOf("<xades:UnsignedProperties>"),
                innerText.indexOf("</xades:UnsignedProperties>"));
        assertThat(outerText.contains(innerUnsigned)).isTrue();
        assertThat(outerText.split("<xades:UnsignedProperties>", -1)).hasSize(3);
        var report = Verifiers.online().verify(Document.of(outer.bytes(), "outer.xml", Document.XML));
        assertThat(report.signatures()).as(report.toString()).hasSize(2);
        SignatureReport o = report.signatures().stream()
                .filter(r -> r.signer().orElseThrow().subject().contains("Trần Thị Bình")).findFirst().orElseThrow();
        assertThat(o.status()).as(o.toString()).isEqualTo(SignatureStatus.VALID);
        assertThat(o.level()).isEqualTo(SignatureLevel.B_LT);
        assertThat(o.timestamp().orElseThrow().provesTime()).isTrue();
    }

    @Test
    void oversizedOrTooManyValuesAreRefused() {
        String text = new String(lt().build().sign(hoso(), TestPlatform.key(rsa)).bytes(), StandardCharsets.UTF_8);
        String huge = Base64.getEncoder().encodeToString(new byte[70_000]);
        assertRefused(text.replaceFirst("<xades:EncapsulatedTimeStamp>[^<]+<", "<xades:EncapsulatedTimeStamp>" + huge + "<"),
                "larger than");
        Matcher m = Pattern.compile("<xades:EncapsulatedX509Certificate>[^<]+</xades:EncapsulatedX509Certificate>").matcher(text);
        assertThat(m.find()).isTrue();
        String many = text.replace(m.group(), m.group().repeat(XmlVerifierLimits.MAX_VALUES + 1));
        assertRefused(many, "more than the " + XmlVerifierLimits.MAX_VALUES);
        assertRefused(text.replaceFirst("<xades:EncapsulatedOCSPValue>", "<xades:EncapsulatedOCSPValue>!"), "base64");
    }

    private static String sigId(String text) {
        Matcher m = Pattern.compile("<ds:Signature[^>]* Id=\"([^\"]+)\"").matcher(text);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static void assertRefused(String xml, String message) {
        var report = Verifiers.offline().verify(Document.ofText(xml, "x.xml", Document.XML));
        assertThat(report.signatures()).as(report.toString()).hasSize(1);
        SignatureReport r = report.signatures().get(0);
        assertThat(r.status()).as(r.toString()).isEqualTo(SignatureStatus.INVALID);
        assertThat(r.reasons().toString()).contains(message);
    }

    /** The verifier's limit, restated so the test fails if it grows unnoticed. */
    static final class XmlVerifierLimits {
        static final int MAX_VALUES = 50;
    }
}

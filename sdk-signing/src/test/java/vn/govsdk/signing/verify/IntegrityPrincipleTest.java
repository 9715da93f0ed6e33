package vn.govsdk.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.TestPlatform;
import vn.govsdk.signing.Verifiers;
import vn.govsdk.signing.xades.XadesSigner;
import vn.govsdk.testkit.pki.TestCredential;

/**
 * The integrity principle: {@code integrity} answers only whether every digest and the signature value
 * match. A policy failure (SHA-1, a signing-certificate reference that names another certificate) has its
 * own reason and makes the signature INVALID, never BROKEN, and the signature value is still checked: a
 * policy failure never hides a broken signature, and the first reason of a broken one is the real one.
 */
class IntegrityPrincipleTest {

    private static final byte[] DATA = "Quyết định phê duyệt".getBytes(StandardCharsets.UTF_8);
    private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<HoSo xmlns=\"urn:govsdk:test\"><MaHoSo>000.00.00.H29-250101-0001</MaHoSo></HoSo>\n";

    private final TestCredential rsa = TestPlatform.shared().pki().rsa2048Signer();

    private static List<ReasonCode> codes(List<Reason> reasons) {
        return reasons.stream().map(Reason::code).toList();
    }

    // ---------------------------------------------------------------- CMS

    /** A detached CAdES signature with the given JCA algorithm and the given signing-certificate hash. */
    private byte[] cms(String jcaAlgorithm, byte[] certHash, byte[] content) throws Exception {
        ASN1EncodableVector attrs = new ASN1EncodableVector();
        attrs.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(Instant.now())))));
        attrs.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {new ESSCertIDv2(certHash)}))));
        CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
        gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attrs)))
                .build(new JcaContentSignerBuilder(jcaAlgorithm).build(rsa.privateKey()), rsa.certificate()));
        gen.addCertificates(new JcaCertStore(rsa.chain()));
        return gen.generate(new CMSProcessableByteArray(content), false).getEncoded(ASN1Encoding.DER);
    }

    private byte[] certHash(X509Certificate c) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(c.getEncoded());
    }

    private static SignatureReport verifyCms(byte[] cms, byte[] content) {
        VerificationReport r = Verifiers.online().verify(Document.of(cms, "qd.p7s", "application/pkcs7-signature"),
                Document.of(content, "qd.txt", "text/plain"));
        assertThat(r.signatures()).as(r.toString()).hasSize(1);
        return r.signatures().get(0);
    }

    @Test
    void aCmsSignatureWithSha1DigestsIsIntactButInvalidForItsAlgorithm() throws Exception {
        SignatureReport s = verifyCms(cms("SHA1withRSA", certHash(rsa.certificate()), DATA), DATA);

        assertThat(s.integrity()).as(s.toString()).isEqualTo(Integrity.INTACT);
        assertThat(s.status()).isEqualTo(SignatureStatus.INVALID);
        assertThat(codes(s.reasons())).containsExactly(ReasonCode.WEAK_ALGORITHM);
        assertThat(s.reasons().get(0).message()).contains("SHA-1");
    }

    @Test
    void aCmsSignatureWithSha1DigestsOverAlteredContentIsBrokenAndSaysSoFirst() throws Exception {
        byte[] cms = cms("SHA1withRSA", certHash(rsa.certificate()), DATA);

        SignatureReport s = verifyCms(cms, "Quyết định bác bỏ".getBytes(StandardCharsets.UTF_8));

        assertThat(s.integrity()).as(s.toString()).isEqualTo(Integrity.BROKEN);
        assertThat(codes(s.reasons())).startsWith(ReasonCode.CONTENT_ALTERED).contains(ReasonCode.WEAK_ALGORITHM);
    }

    @Test
    void aCmsSigningCertificateReferenceToAnotherCertificateIsAMismatchNotABrokenSignature() throws Exception {
        byte[] cms = cms("SHA256withRSA", certHash(rsa.chain().get(1)), DATA);

        SignatureReport s = verifyCms(cms, DATA);

        assertThat(s.integrity()).as(s.toString()).isEqualTo(Integrity.INTACT);
        assertThat(s.status()).isEqualTo(SignatureStatus.INVALID);
        assertThat(codes(s.reasons())).contains(ReasonCode.SIGNER_CERTIFICATE_MISMATCH);
    }

    @Test
    void aCmsSignatureWithATamperedValueAndAWrongCertificateReferenceSaysTheValueIsInvalidFirst() throws Exception {
        byte[] cms = cms("SHA256withRSA", certHash(rsa.chain().get(1)), DATA);
        byte[] value = signatureValueOf(cms);
        int at = indexOf(cms, value);
        cms[at + value.length / 2] ^= 0x01;

        SignatureReport s = verifyCms(cms, DATA);

        assertThat(s.integrity()).as(s.toString()).isEqualTo(Integrity.BROKEN);
        assertThat(codes(s.reasons())).startsWith(ReasonCode.SIGNATURE_VALUE_INVALID)
                .contains(ReasonCode.SIGNER_CERTIFICATE_MISMATCH);
    }

    @Test
    void aSubjectKeyIdentifierSignerBesideSignedDataVersion1IsAConformanceWarningOnly() throws Exception {
        CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
        gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(rsa.privateKey()),
                        new org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils()
                                .createSubjectKeyIdentifier(rsa.certificate().getPublicKey()).getKeyIdentifier()));
        gen.addCertificates(new JcaCertStore(rsa.chain()));
        byte[] cms = gen.generate(new CMSProcessableByteArray(DATA), false).getEncoded(ASN1Encoding.DER);
        int version = indexOf(cms, new byte[] {0x02, 0x01, 0x03}); // SignedData.version, the first INTEGER
        cms[version + 2] = 0x01;

        SignatureReport s = verifyCms(cms, DATA);

        assertThat(s.integrity()).as(s.toString()).isEqualTo(Integrity.INTACT);
        assertThat(s.warnings()).anyMatch(w -> w.code() == ReasonCode.NON_CONFORMANT_SIGNATURE
                && w.message().contains("version 1 but must have version 3"));
        assertThat(codes(s.reasons())).doesNotContain(ReasonCode.NON_CONFORMANT_SIGNATURE, ReasonCode.STRUCTURE_INVALID);
    }

    @Test
    void anotherSignedDataVersionIsNonConformantButStillChecked() throws Exception {
        byte[] cms = cms("SHA256withRSA", certHash(rsa.certificate()), DATA);
        int version = indexOf(cms, new byte[] {0x02, 0x01, 0x01});
        cms[version + 2] = 0x00;

        SignatureReport s = verifyCms(cms, DATA);

        assertThat(s.integrity()).as(s.toString()).isEqualTo(Integrity.INTACT);
        assertThat(s.status()).isEqualTo(SignatureStatus.INVALID);
        assertThat(codes(s.reasons())).containsExactly(ReasonCode.NON_CONFORMANT_SIGNATURE);
    }

    @Test
    void anEcdsaSignatureOnBrainpoolP256r1IsChecked() throws Exception {
        java.security.Provider bc = new org.bouncycastle.jce.provider.BouncyCastleProvider();
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("EC", bc);
        g.initialize(new java.security.spec.ECGenParameterSpec("brainpoolP256r1"));
        java.security.KeyPair kp = g.generateKeyPair();
        org.bouncycastle.asn1.x500.X500Name name = new org.bouncycastle.asn1.x500.X500Name("CN=brainpool signer,C=VN");
        X509Certificate cert = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().setProvider(bc)
                .getCertificate(new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(name, java.math.BigInteger.TEN,
                        Date.from(Instant.now().minusSeconds(3600)), Date.from(Instant.now().plusSeconds(3600)), name,
                        kp.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(bc)
                        .build(kp.getPrivate())));
        CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
        gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(bc).build(kp.getPrivate()), cert));
        gen.addCertificates(new JcaCertStore(List.of(cert)));
        byte[] cms = gen.generate(new CMSProcessableByteArray(DATA), false).getEncoded(ASN1Encoding.DER);

        SignatureReport intact = verifyCms(cms, DATA);
        SignatureReport altered = verifyCms(cms, "Quyết định bác bỏ".getBytes(StandardCharsets.UTF_8));

        assertThat(intact.integrity()).as(intact.toString()).isEqualTo(Integrity.INTACT);
        assertThat(intact.toString()).doesNotContain("Curve not supported");
        assertThat(altered.integrity()).isEqualTo(Integrity.BROKEN);
    }

    @Test
    void aCmsSignatureFollowedByZeroPaddingIsReadAndGarbageIsNamedAsSuch() throws Exception {
        byte[] cms = cms("SHA256withRSA", certHash(rsa.certificate()), DATA);
        byte[] padded = java.util.Arrays.copyOf(cms, cms.length + 2048);
        byte[] garbage = java.util.Arrays.copyOf(cms, cms.length + 16);
        java.util.Arrays.fill(garbage, cms.length, garbage.length, (byte) 0x84);

        assertThat(verifyCms(padded, DATA).integrity()).isEqualTo(Integrity.INTACT);
        VerificationReport r = Verifiers.online().verify(Document.of(garbage, "qd.p7s", "application/pkcs7-signature"),
                Document.of(DATA, "qd.txt", "text/plain"));
        assertThat(r.isValid()).isFalse();
        assertThat(r.toString()).contains("16 bytes follow the end of the signed data").doesNotContain("31 bits");
    }

    @Test
    void aCmsSignatureInBerWithIndefiniteLengthsIsChecked() throws Exception {
        org.bouncycastle.cms.CMSSignedDataStreamGenerator gen = new org.bouncycastle.cms.CMSSignedDataStreamGenerator();
        gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(rsa.privateKey()), rsa.certificate()));
        gen.addCertificates(new JcaCertStore(rsa.chain()));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.io.OutputStream content = gen.open(out, true)) {
            content.write(DATA);
        }
        byte[] ber = out.toByteArray();
        assertThat(ber[1]).as("indefinite length").isEqualTo((byte) 0x80);

        VerificationReport r = Verifiers.online().verify(Document.of(ber, "qd.p7s", "application/pkcs7-signature"));

        assertThat(r.signatures()).as(r.toString()).hasSize(1);
        assertThat(r.signatures().get(0).integrity()).as(r.toString()).isEqualTo(Integrity.INTACT);
    }

    private static byte[] signatureValueOf(byte[] cms) throws Exception {
        return new org.bouncycastle.cms.CMSSignedData(cms).getSignerInfos().getSigners().iterator().next().getSignature();
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    // ---------------------------------------------------------------- XAdES

    /**
     * A govsdk XAdES-B-B signature whose signing-certificate digest is replaced by {@code digestUri} over
     * {@code cert}, then signed again (Santuario recomputes every reference digest and the value).
     */
    private byte[] xadesWithCertDigest(String digestUri, String jcaDigest, X509Certificate cert) throws Exception {
        byte[] signed = XadesSigner.builder().build().sign(Document.ofText(XML, "hoso.xml", Document.XML),
                TestPlatform.key(rsa)).bytes();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        org.w3c.dom.Document dom = f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(signed));
        String xades = "http://uri.etsi.org/01903/v1.3.2#";
        String ds = "http://www.w3.org/2000/09/xmldsig#";
        Element sp = (Element) dom.getElementsByTagNameNS(xades, "SignedProperties").item(0);
        sp.setIdAttribute("Id", true);
        Element certDigest = (Element) sp.getElementsByTagNameNS(xades, "CertDigest").item(0);
        ((Element) certDigest.getElementsByTagNameNS(ds, "DigestMethod").item(0)).setAttribute("Algorithm", digestUri);
        certDigest.getElementsByTagNameNS(ds, "DigestValue").item(0).setTextContent(
                Base64.getEncoder().encodeToString(MessageDigest.getInstance(jcaDigest).digest(cert.getEncoded())));
        Element sigEl = (Element) dom.getElementsByTagNameNS(ds, "Signature").item(0);
        return Resign.resign(sigEl, rsa.privateKey());
    }

    private static SignatureReport verifyXml(byte[] xml) {
        VerificationReport r = Verifiers.online().verify(Document.of(xml, "hoso-signed.xml", Document.XML));
        assertThat(r.signatures()).as(r.toString()).hasSize(1);
        return r.signatures().get(0);
    }

    @Test
    void aXadesSha1SigningCertificateDigestIsAnAlgorithmReasonNotABrokenSignature() throws Exception {
        byte[] xml = xadesWithCertDigest("http://www.w3.org/2000/09/xmldsig#sha1", "SHA-1", rsa.certificate());

        SignatureReport s = verifyXml(xml);

        assertThat(s.integrity()).as(s.toString()).isEqualTo(Integrity.INTACT);
        assertThat(s.status()).isEqualTo(SignatureStatus.INVALID);
        assertThat(codes(s.reasons())).containsExactly(ReasonCode.WEAK_ALGORITHM);
        assertThat(s.reasons().get(0).message()).contains("signing certificate");
    }

    @Test
    void aXadesSigningCertificateDigestOfAnotherCertificateIsAMismatchNotABrokenSignature() throws Exception {
        byte[] xml = xadesWithCertDigest("http://www.w3.org/2001/04/xmlenc#sha256", "SHA-256", rsa.chain().get(1));

        SignatureReport s = verifyXml(xml);

        assertThat(s.integrity()).as(s.toString()).isEqualTo(Integrity.INTACT);
        assertThat(s.status()).isEqualTo(SignatureStatus.INVALID);
        assertThat(codes(s.reasons())).contains(ReasonCode.SIGNER_CERTIFICATE_MISMATCH);
    }

    @Test
    void aXadesSignatureWithAWrongCertificateDigestAndAlteredContentSaysTheContentChangedFirst() throws Exception {
        byte[] xml = xadesWithCertDigest("http://www.w3.org/2000/09/xmldsig#sha1", "SHA-1", rsa.chain().get(1));
        String altered = new String(xml, StandardCharsets.UTF_8).replace("H29-250101-0001", "H29-250101-0002");

        SignatureReport s = verifyXml(altered.getBytes(StandardCharsets.UTF_8));

        assertThat(s.integrity()).as(s.toString()).isEqualTo(Integrity.BROKEN);
        assertThat(codes(s.reasons())).startsWith(ReasonCode.CONTENT_ALTERED);
    }
}

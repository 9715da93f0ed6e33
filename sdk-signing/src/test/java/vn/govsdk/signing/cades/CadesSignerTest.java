package vn.govsdk.signing.cades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.PreparedSignature;
import vn.govsdk.signing.SignatureAlgorithm;
import vn.govsdk.signing.SignatureFormat;
import vn.govsdk.signing.SignatureLevel;
import vn.govsdk.signing.SignaturePackaging;
import vn.govsdk.signing.SignedDocument;
import vn.govsdk.signing.SigningException;
import vn.govsdk.signing.TestPlatform;
import vn.govsdk.signing.Verifiers;
import vn.govsdk.signing.verify.ReasonCode;
import vn.govsdk.signing.verify.SignatureReport;
import vn.govsdk.signing.verify.SignatureStatus;
import vn.govsdk.signing.verify.VerificationReport;
import vn.govsdk.testkit.pki.TestCredential;

class CadesSignerTest {

    private final TestCredential rsa = TestPlatform.shared().pki().rsa2048Signer();
    private static final byte[] CONTENT = "Quyết định số 01/QĐ-UBND về việc cấp phép".getBytes(StandardCharsets.UTF_8);

    @Test
    void detachedCadesIsBaselineBAndVerifies() throws Exception {
        SignedDocument signed = CadesSigner.builder().build()
                .sign(Document.of(CONTENT, "quyetdinh.txt", "text/plain"), TestPlatform.key(rsa));
        assertThat(signed.fileName()).isEqualTo("quyetdinh.txt.p7s");
        assertThat(signed.mediaType()).isEqualTo("application/pkcs7-signature");
        assertThat(signed.level()).isEqualTo(SignatureLevel.B_B);

        // Bouncy Castle's own CMS code agrees, and sees signingCertificateV2 naming the signer then its chain.
        CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(CONTENT), signed.bytes());
        SignerInformation si = cms.getSignerInfos().getSigners().iterator().next();
        assertThat(si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(rsa.certificate()))).isTrue();
        Attribute scv2 = si.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        SigningCertificateV2 v2 = SigningCertificateV2.getInstance(scv2.getAttrValues().getObjectAt(0));
        assertThat(v2.getCerts()).hasSize(2); // signer and intermediate, as in the certificate set
        assertThat(v2.getCerts()[0].getCertHash()).isEqualTo(
                java.security.MessageDigest.getInstance("SHA-256").digest(rsa.certificate().getEncoded()));
        assertThat(si.toASN1Structure().getDigestEncryptionAlgorithm().getAlgorithm())
                .isEqualTo(PKCSObjectIdentifiers.rsaEncryption);
        assertThat(cms.getCertificates().getMatches(null)).hasSize(2); // signer and intermediate, not the root

        Document sig = Document.of(signed.bytes(), signed.fileName(), signed.mediaType());
        VerificationReport report = Verifiers.online().verify(sig, Document.of(CONTENT, "quyetdinh.txt", "text/plain"));
        assertThat(report.status()).as(report.toString()).isEqualTo(SignatureStatus.VALID);
        SignatureReport r = report.signatures().get(0);
        assertThat(r.format()).isEqualTo(SignatureFormat.CADES);
        assertThat(r.level()).isEqualTo(SignatureLevel.B_B);
        assertThat(r.signingTime()).contains(signed.signingTime());
        assertThat(r.signer().orElseThrow().subject()).contains("Nguyễn Văn An");

        VerificationReport wrong = Verifiers.offline().verify(sig, Document.of("khác".getBytes(StandardCharsets.UTF_8)));
        assertThat(wrong.status()).isEqualTo(SignatureStatus.INVALID);
        assertThat(wrong.signatures().get(0).reasons().get(0).code()).isEqualTo(ReasonCode.CONTENT_ALTERED);

        VerificationReport missing = Verifiers.offline().verify(sig);
        assertThat(missing.signatures().get(0).reasons().get(0).code()).isEqualTo(ReasonCode.DETACHED_CONTENT_MISSING);
    }

    @Test
    void attachedCadesCarriesTheContent() throws Exception {
        SignedDocument signed = CadesSigner.builder().packaging(SignaturePackaging.ENVELOPING).build()
                .sign(Document.of(CONTENT, "qd.txt", "text/plain"), TestPlatform.key(rsa));
        byte[] der = signed.bytes();
        assertThat(signed.size()).hasValue(der.length);
        assertThat(signed.fileName()).isEqualTo("qd.txt.p7m");
        CMSSignedData cms = new CMSSignedData(der);
        assertThat((byte[]) cms.getSignedContent().getContent()).isEqualTo(CONTENT);
        assertThat(cms.getSignerInfos().getSigners().iterator().next()
                .verify(new JcaSimpleSignerInfoVerifierBuilder().build(rsa.certificate()))).isTrue();
        SignatureReport r = Verifiers.offline().verify(Document.of(der)).signatures().get(0);
        assertThat(r.status()).as(r.toString()).isEqualTo(SignatureStatus.VALID);
        assertThat(r.signedContent().get(0).content().bytes()).isEqualTo(CONTENT);
    }

    @Test
    void attachedFromAFileIsStreamedAndAChangedFileIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.bin");
        byte[] data = new byte[3 * 1024 * 1024 + 17];
        new java.util.Random(7).nextBytes(data);
        Files.write(file, data);
        PreparedSignature prepared = CadesSigner.builder().packaging(SignaturePackaging.ENVELOPING).build()
                .prepare(Document.of(file), rsa.chain());
        SignedDocument signed = prepared.complete(TestPlatform.key(rsa).sign(prepared.dataToSign(), prepared.algorithm()));
        Path out = dir.resolve("big.bin.p7m");
        signed.writeTo(out);
        assertThat(Files.size(out)).isEqualTo(signed.size().getAsLong());
        assertThat(Verifiers.offline().verify(Document.of(out)).status()).isEqualTo(SignatureStatus.VALID);

        data[5] ^= 1;
        Files.write(file, data);
        assertThatThrownBy(signed::bytes).isInstanceOf(SigningException.class).hasMessageContaining("changed after");
    }

    @Test
    void detachedStreamsAStreamOfUnknownLength() {
        long length = 50L * 1024 * 1024;
        Document stream = Document.ofStream("stream.bin", Document.OCTET_STREAM, () -> new PatternStream(length));
        SignedDocument signed = CadesSigner.builder().build().sign(stream, TestPlatform.key(rsa));
        VerificationReport report = Verifiers.offline().verify(Document.of(signed.bytes()), stream);
        assertThat(report.status()).as(report.toString()).isEqualTo(SignatureStatus.VALID);
    }

    @Test
    void plainPkcs7HasNoSigningCertificateAttribute() throws Exception {
        SignedDocument signed = CadesSigner.builder().format(SignatureFormat.PKCS7).packaging(SignaturePackaging.ENVELOPING)
                .build().sign(Document.of(CONTENT), TestPlatform.key(rsa));
        assertThat(signed.level()).isEqualTo(SignatureLevel.NONE);
        SignerInfo si = SignerInfo.getInstance(new CMSSignedData(signed.bytes()).getSignerInfos().getSigners()
                .iterator().next().toASN1Structure());
        for (ASN1Encodable a : si.getAuthenticatedAttributes()) {
            assertThat(Attribute.getInstance(a).getAttrType()).isNotEqualTo(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        }
        SignatureReport r = Verifiers.offline().verify(Document.of(signed.bytes())).signatures().get(0);
        assertThat(r.status()).as(r.toString()).isEqualTo(SignatureStatus.VALID);
        assertThat(r.format()).isEqualTo(SignatureFormat.PKCS7);
    }

    @Test
    void ecdsaAndPss() {
        var pki = TestPlatform.shared().pki();
        SignedDocument ec = CadesSigner.builder().build().sign(Document.of(CONTENT), TestPlatform.key(pki.ecP256Signer()));
        assertThat(Verifiers.offline().verify(Document.of(ec.bytes()), Document.of(CONTENT)).status())
                .isEqualTo(SignatureStatus.VALID);
        SignedDocument pss = CadesSigner.builder().algorithm(SignatureAlgorithm.RSA_PSS_SHA384).build()
                .sign(Document.of(CONTENT), TestPlatform.key(pki.rsa3072Signer()));
        SignatureReport r = Verifiers.offline().verify(Document.of(pss.bytes()), Document.of(CONTENT)).signatures().get(0);
        assertThat(r.status()).as(r.toString()).isEqualTo(SignatureStatus.VALID);
        assertThat(r.algorithm()).isEqualTo("RSA_PSS_SHA384");
    }

    @Test
    void envelopedIsNotACmsPackaging() {
        assertThatThrownBy(() -> CadesSigner.builder().packaging(SignaturePackaging.ENVELOPED))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("packaging");
        assertThatThrownBy(() -> CadesSigner.builder().format(SignatureFormat.XADES))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("CADES or PKCS7");
    }

    /** Generated bytes, never held in memory. */
    static final class PatternStream extends InputStream {
        private final long length;
        private long pos;

        PatternStream(long length) {
            this.length = length;
        }

        @Override
        public int read() {
            return pos < length ? (int) (pos++ * 31 & 0xFF) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pos >= length) {
                return -1;
            }
            int n = (int) Math.min(len, length - pos);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) ((pos + i) * 31 & 0xFF);
            }
            pos += n;
            return n;
        }
    }
}

package vn.govsdk.signing.pades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.SignatureLevel;
import vn.govsdk.signing.SignedDocument;
import vn.govsdk.signing.SigningException;
import vn.govsdk.signing.TestPlatform;
import vn.govsdk.signing.Verifiers;
import vn.govsdk.signing.internal.pades.DssWriter;
import vn.govsdk.signing.timestamp.TimestampClient;
import vn.govsdk.signing.timestamp.TimestampToken;
import vn.govsdk.signing.verify.Integrity;
import vn.govsdk.signing.verify.SignatureReport;
import vn.govsdk.signing.verify.SignatureStatus;
import vn.govsdk.signing.verify.SignatureVerifier;
import vn.govsdk.signing.verify.TrustAnchors;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.TestClock;
import vn.govsdk.testkit.pki.TestCredential;
import vn.govsdk.testkit.pki.TestPki;

/**
 * PAdES B-T and B-LT made with the mock platform's timestamp authority (over loopback HTTP) and, for
 * B-LT, validation data gathered in the test from the test PKI.
 */
class PadesLevelsTest {

    private final TestPlatform tp = TestPlatform.shared();
    private final TestCredential rsa = tp.pki().rsa2048Signer();
    private final TimestampClient tsa = TimestampClient.builder().authority(tp.platform().baseUrl("/pki/tsa")).build();

    static SignerInfo signerInfo(byte[] pdf, int index) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDSignature sig = doc.getSignatureDictionaries().get(index);
            ContentInfo ci = ContentInfo.getInstance(new ASN1InputStream(sig.getContents()).readObject());
            return SignerInfo.getInstance(SignedData.getInstance(ci.getContent()).getSignerInfos().getObjectAt(0));
        }
    }

    static SignedData signedData(byte[] pdf, int index) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            ContentInfo ci = ContentInfo.getInstance(new ASN1InputStream(
                    doc.getSignatureDictionaries().get(index).getContents()).readObject());
            return SignedData.getInstance(ci.getContent());
        }
    }

    @Test
    void bTCarriesOneSignatureTimestampOverTheSignatureValueAndNoDss() throws Exception {
        int before = tp.platform().journal().count("/pki/tsa");
        SignedDocument signed = PadesSigner.builder().level(SignatureLevel.B_T).timestampClient(tsa).build()
                .sign(Document.of(TestPdfs.decision(2), "t.pdf", "application/pdf"), TestPlatform.key(rsa));
        assertThat(signed.level()).isEqualTo(SignatureLevel.B_T);
        assertThat(tp.platform().journal().count("/pki/tsa")).isEqualTo(before + 1);
        byte[] pdf = signed.bytes();
        SignerInfo si = signerInfo(pdf, 0);
        List<Attribute> unsigned = java.util.Arrays.stream(si.getUnauthenticatedAttributes().toArray())
                .map(Attribute::getInstance).toList();
        assertThat(unsigned).extracting(Attribute::getAttrType).containsExactly(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        TimestampToken token = TimestampToken.parse(unsigned.get(0).getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded());
        assertThat(token.messageImprint()).isEqualTo(
                MessageDigest.getInstance("SHA-256").digest(si.getEncryptedDigest().getOctets()));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int[] br = doc.getLastSignatureDictionary().getByteRange();
            assertThat(br[2] - br[1]).isEqualTo(2 * 48 * 1024 + 2);
            assertThat(br[2] + br[3]).isEqualTo(pdf.length); // nothing after the signature at B-T
            assertThat(doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.getPDFName("DSS"))).isNull();
        }
        SignatureReport s = Verifiers.offline().verify(Document.of(pdf, "t.pdf", "application/pdf")).signatures().get(0);
        assertThat(s.status()).as(s.toString()).isEqualTo(SignatureStatus.VALID);
        assertThat(s.level()).isEqualTo(SignatureLevel.B_T);
        assertThat(s.timestamp()).hasValueSatisfying(t -> {
            assertThat(t.integrity()).isEqualTo(Integrity.INTACT);
            assertThat(t.time()).isEqualTo(token.time());
        });
    }

    @Test
    void bLtAddsTheDssForTheSignerAndTheTimestampAuthorityAndNothingElseToContents() throws Exception {
        TestValidationData source = new TestValidationData();
        SignedDocument signed = PadesSigner.builder().level(SignatureLevel.B_LT).timestampClient(tsa)
                .validationDataSource(source).build()
                .sign(Document.of(TestPdfs.decision(1), "lt.pdf", "application/pdf"), TestPlatform.key(rsa));
        assertThat(signed.level()).isEqualTo(SignatureLevel.B_LT);
        // Asked for the signer's chain, then for the timestamp authority's (its certificate first).
        assertThat(source.seen()).hasSize(2);
        assertThat(source.seen().get(0)).isEqualTo(rsa.chain());
        assertThat(source.seen().get(1).get(0)).isEqualTo(tp.pki().tsa().certificate());
        byte[] pdf = signed.bytes();
        SignedData sd = signedData(pdf, 0);
        assertThat(sd.getCRLs()).isNull(); // revocation data goes to the DSS, not into /Contents
        SignerInfo si = SignerInfo.getInstance(sd.getSignerInfos().getObjectAt(0));
        assertThat(si.getUnauthenticatedAttributes().size()).isEqualTo(1);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDSignature sig = doc.getLastSignatureDictionary();
            int[] br = sig.getByteRange();
            assertThat(br[2] + br[3]).isLessThan(pdf.length); // the DSS update follows the signed revision
            COSDictionary dss = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.getPDFName("DSS"));
            assertThat(dss).isNotNull();
            COSDictionary vri = dss.getCOSDictionary(COSName.getPDFName("VRI"));
            assertThat(vri.keySet()).extracting(COSName::getName).containsExactly(DssWriter.vriKey(sig.getContents()));
            // Signer, intermediate, root, TSA.
            assertThat(dss.getCOSArray(COSName.getPDFName("Certs")).size()).isEqualTo(4);
            // The signer's, the intermediate's and the TSA's status.
            assertThat(dss.getCOSArray(COSName.getPDFName("OCSPs")).size()).isEqualTo(3);
        }
        SignatureReport s = Verifiers.offline().verify(Document.of(pdf, "lt.pdf", "application/pdf")).signatures().get(0);
        assertThat(s.status()).as(s.toString()).isEqualTo(SignatureStatus.VALID);
        assertThat(s.level()).isEqualTo(SignatureLevel.B_LT);
    }

    /**
     * The cause of a test that failed one run in two: the signer's chain and the timestamp authority's
     * share the intermediate CA, so its status is asked for twice; when a second boundary fell between
     * the two asks, the responder's two answers differed in {@code producedAt} and both were embedded.
     * Here the clock moves a second after each chain, every time, and the DSS must still hold one answer
     * per certificate: the newest.
     */
    @Test
    void bLtEmbedsOneOcspAnswerPerCertificateWhenTheResponderAnsweredTwiceAtDifferentTimes() throws Exception {
        TestClock clock = TestClock.startingNow();
        try (MockGovPlatform own = MockGovPlatform.builder().clock(clock).build()) {
            TestPki pki = own.pki();
            TestCredential signer = pki.rsa2048Signer();
            TestValidationData source = new TestValidationData(pki, () -> clock.advance(Duration.ofSeconds(1)));
            TimestampClient ownTsa = TimestampClient.builder().authority(own.baseUrl("/pki/tsa")).build();
            byte[] pdf = PadesSigner.builder().level(SignatureLevel.B_LT).timestampClient(ownTsa)
                    .validationDataSource(source).clock(clock).build()
                    .sign(Document.of(TestPdfs.decision(1), "lt.pdf", "application/pdf"), TestPlatform.key(signer))
                    .bytes();
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                COSDictionary dss = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.getPDFName("DSS"));
                COSArray ocsps = dss.getCOSArray(COSName.getPDFName("OCSPs"));
                // The signer's, the intermediate's (asked for twice, once per chain) and the TSA's.
                assertThat(ocsps.size()).isEqualTo(3);
                Map<BigInteger, List<Date>> produced = new HashMap<>();
                for (int i = 0; i < ocsps.size(); i++) {
                    try (java.io.InputStream in = ((COSStream) ocsps.getObject(i)).createInputStream()) {
                        BasicOCSPResp r = (BasicOCSPResp) new OCSPResp(in.readAllBytes()).getResponseObject();
                        produced.computeIfAbsent(r.getResponses()[0].getCertID().getSerialNumber(), k -> new ArrayList<>())
                                .add(r.getProducedAt());
                    }
                }
                // One answer each; the intermediate's is the newer one, made a second after the first pass.
                Date firstPass = produced.get(signer.certificate().getSerialNumber()).get(0);
                assertThat(produced).containsOnlyKeys(signer.certificate().getSerialNumber(),
                        pki.intermediateCertificate().getSerialNumber(), pki.tsa().certificate().getSerialNumber());
                assertThat(produced.get(pki.intermediateCertificate().getSerialNumber()))
                        .containsExactly(Date.from(firstPass.toInstant().plusSeconds(1)));
                assertThat(dss.getCOSArray(COSName.getPDFName("CRLs")).size()).isEqualTo(1);
            }
            // Verified on the same clock, from the embedded data alone (the platform is closed by then).
            own.close();
            SignatureReport s = Verifiers.builder().trust(TrustAnchors.of(pki.rootCertificate()))
                    .retryPolicy(RetryPolicy.none()).clock(clock).build()
                    .verify(Document.of(pdf, "lt.pdf", "application/pdf")).signatures().get(0);
            assertThat(s.status()).as(s.toString()).isEqualTo(SignatureStatus.VALID);
            assertThat(s.level()).isEqualTo(SignatureLevel.B_LT);
        }
    }

    @Test
    void bLtWithTheDefaultOnlineSourceGathersTheDataFromThePlatform() throws Exception {
        int ocspBefore = tp.platform().journal().count("/pki/ocsp");
        byte[] pdf = PadesSigner.builder().level(SignatureLevel.B_LT).timestampClient(tsa).build()
                .sign(Document.of(TestPdfs.decision(1), "lt.pdf", "application/pdf"), TestPlatform.key(rsa)).bytes();
        assertThat(tp.platform().journal().count("/pki/ocsp")).isGreaterThan(ocspBefore);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            COSDictionary dss = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.getPDFName("DSS"));
            assertThat(dss.getCOSArray(COSName.getPDFName("Certs")).size()).isGreaterThanOrEqualTo(3);
            assertThat(dss.getCOSArray(COSName.getPDFName("OCSPs")).size()
                    + (dss.getCOSArray(COSName.getPDFName("CRLs")) == null ? 0 : dss.getCOSArray(COSName.getPDFName("CRLs")).size()))
                    .isGreaterThanOrEqualTo(2);
        }
        SignatureReport s = Verifiers.offline().verify(Document.of(pdf, "lt.pdf", "application/pdf")).signatures().get(0);
        assertThat(s.status()).as(s.toString()).isEqualTo(SignatureStatus.VALID);
        assertThat(s.level()).isEqualTo(SignatureLevel.B_LT);
    }

    @Test
    void theBuilderNamesWhatIsMissingOrRefused() {
        assertThatThrownBy(() -> PadesSigner.builder().level(SignatureLevel.B_T).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("timestampClient");
        assertThatThrownBy(() -> PadesSigner.builder().level(SignatureLevel.B_LT).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("timestampClient");
        assertThatThrownBy(() -> PadesSigner.builder().level(SignatureLevel.B_LTA))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("level").hasMessageContaining("B-LTA");
        assertThatThrownBy(() -> PadesSigner.builder().level(SignatureLevel.NONE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("level");
        assertThat(PadesSigner.builder().level(SignatureLevel.B_T).timestampClient(tsa).build().toString())
                .contains("B-T");
    }

    @Test
    void aTimestampTooLargeForTheReservedSpaceFailsClearlyAndWritesNoPdf() {
        AtomicInteger calls = new AtomicInteger();
        // A genuine token from the test TSA's key, made huge by a 60 KB extension in its TSTInfo.
        TimestampClient bloated = (alg, digest) -> {
            calls.incrementAndGet();
            return TimestampToken.parse(bigToken(digest));
        };
        PadesSigner signer = PadesSigner.builder().level(SignatureLevel.B_T).timestampClient(bloated).build();
        assertThatThrownBy(() -> signer.sign(Document.of(TestPdfs.decision(1), "big.pdf", "application/pdf"),
                TestPlatform.key(rsa)))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("does not fit the " + (48 * 1024) + " bytes reserved")
                .hasMessageContaining("timestamp");
        assertThat(calls).hasValue(1);
    }

    private byte[] bigToken(byte[] digest) {
        try {
            TestCredential t = tp.pki().tsa();
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
            TimeStampTokenGenerator g = new TimeStampTokenGenerator(new JcaSignerInfoGeneratorBuilder(digests)
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(t.privateKey()), t.certificate()),
                    digests.get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                    new ASN1ObjectIdentifier(tp.pki().tsaPolicy()));
            g.addCertificates(new JcaCertStore(List.of(t.certificate())));
            Extensions ext = new Extensions(new Extension(new ASN1ObjectIdentifier("2.999.704.9.1"), false,
                    new DEROctetString(new byte[60 * 1024])));
            return g.generate(new TimeStampRequestGenerator().generate(NISTObjectIdentifiers.id_sha256, digest),
                    BigInteger.ONE, new Date(), ext).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

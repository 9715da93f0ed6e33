package vn.govsdk.signing.internal.cades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.esf.RevocationValues;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.signing.DigestAlgorithm;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.TestPlatform;
import vn.govsdk.signing.ValidationData;
import vn.govsdk.signing.Verifiers;
import vn.govsdk.signing.cades.CadesSigner;
import vn.govsdk.signing.timestamp.TimestampClient;
import vn.govsdk.signing.verify.Integrity;
import vn.govsdk.signing.verify.SignatureStatus;
import vn.govsdk.signing.verify.VerificationReport;
import vn.govsdk.testkit.pki.CertificateRole;
import vn.govsdk.testkit.pki.TestCredential;

class CmsTimestampsTest {

    private final TestPlatform tp = TestPlatform.shared();
    private final TestCredential rsa = tp.pki().rsa2048Signer();
    private final byte[] content = "Giấy chứng nhận".getBytes(StandardCharsets.UTF_8);
    private final TimestampClient tsa = TimestampClient.builder().authority(tp.platform().baseUrl("/pki/tsa")).build();

    private byte[] signed() {
        return CadesSigner.builder().build().sign(Document.of(content, "gcn.txt", "text/plain"), TestPlatform.key(rsa))
                .bytes();
    }

    @Test
    void timestampCoversTheSignatureValueAndTheSignatureStaysValid() throws Exception {
        byte[] before = signed();
        byte[] after = CmsTimestamps.addSignatureTimestamp(before, tsa);

        CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(content), after);
        SignerInformation si = cms.getSignerInfos().getSigners().iterator().next();
        assertThat(si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(rsa.certificate()))).isTrue();
        Attribute attr = si.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        TimeStampToken token = new TimeStampToken(new CMSSignedData(attr.getAttrValues().getObjectAt(0)
                .toASN1Primitive().getEncoded()));
        assertThat(token.getTimeStampInfo().getMessageImprintDigest())
                .isEqualTo(DigestAlgorithm.SHA256.digest(si.getSignature()));

        VerificationReport report = Verifiers.online().verify(Document.of(after, "gcn.txt.p7s", "application/pkcs7-signature"),
                Document.of(content, "gcn.txt", "text/plain"));
        assertThat(report.status()).as(report.toString()).isEqualTo(SignatureStatus.VALID);
        assertThat(report.signatures().get(0).timestamp().orElseThrow().integrity()).isEqualTo(Integrity.INTACT);
    }

    @Test
    void validationDataGoesIntoUnsignedAttributesAndTheCertificateSet() throws Exception {
        byte[] before = signed();
        byte[] crl = tp.pki().crl(CertificateRole.INTERMEDIATE_CA).getEncoded();
        ValidationData data = new ValidationData(List.of(rsa.certificate(), tp.pki().intermediateCertificate(),
                tp.pki().rootCertificate()), List.of(), List.of(crl));
        byte[] after = CmsTimestamps.addValidationData(before, data);
        CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(content), after);
        assertThat(cms.getCertificates().getMatches(null)).hasSize(3); // the root added once, nothing duplicated
        SignerInformation si = cms.getSignerInfos().getSigners().iterator().next();
        assertThat(si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(rsa.certificate()))).isTrue();
        Attribute values = si.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_ets_revocationValues);
        RevocationValues rv = RevocationValues.getInstance(values.getAttrValues().getObjectAt(0));
        assertThat(rv.getCrlVals()).hasSize(1);
        assertThat(rv.getCrlVals()[0].getEncoded()).isEqualTo(crl);
        assertThat(rv.getOcspVals()).isEmpty();
        Attribute certs = si.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_ets_certValues);
        assertThat(org.bouncycastle.asn1.ASN1Sequence.getInstance(certs.getAttrValues().getObjectAt(0))).hasSize(3);

        assertThatThrownBy(() -> CmsTimestamps.addValidationData(before, new ValidationData(List.of(),
                List.of(new byte[] {1, 2, 3}), List.of()))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ocspResponse");
        assertThatThrownBy(() -> CmsTimestamps.addSignatureTimestamp("no".getBytes(StandardCharsets.US_ASCII), tsa))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cmsSignedData");
    }
}
